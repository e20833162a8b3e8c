"""Every content change bumps the content version, so caches keyed by it go stale everywhere."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from rusfakta.pack.sections import is_loading

# Every model whose rows the pages, the API, the search index or the booklet show.
CONTENT_MODELS = (
    "content.Edition",
    "content.Source",
    "content.Chapter",
    "content.Passage",
    "content.Figure",
    "statistics.Statistic",
    "statistics.Chart",
    "statistics.ComparisonRow",
    "search.GlossaryEntry",
    "search.Notice",
    "search.ShortAnswer",
    "tools.NormItem",
    "tools.MixingSubstance",
    "tools.MixingStatement",
    "tools.QuizQuestion",
    "helpservices.Service",
    "pack.Translation",  # the editions' texts (decision 0016), edited in the admin too
)


def _content_changed(sender, **kwargs):
    if not is_loading():
        apps.get_model("content", "ContentVersion").bump()


def _relations_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _content_changed(sender)


def connect():
    """Called once the apps are ready: each content model, and each of its many-to-many tables."""
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"content-version-save:{label}")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"content-version-delete:{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _relations_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"content-version-m2m:{label}.{field.name}",
            )

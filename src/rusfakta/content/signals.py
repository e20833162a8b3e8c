"""Every content change bumps the content version, so caches keyed by it go stale everywhere."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from rusfakta.pack.sections import is_loading

CONTENT_MODELS = (
    "Edition",
    "Source",
    "Chapter",
    "Passage",
    "Figure",
    "Statistic",
    "Chart",
    "ComparisonRow",
    "GlossaryEntry",
    "Notice",
    "NormItem",
    "MixingSubstance",
    "MixingStatement",
    "QuizQuestion",
    "Service",
)


def _content_changed(sender, **kwargs):
    if is_loading() or sender.__name__ not in CONTENT_MODELS:
        return
    from rusfakta.content.models import ContentVersion

    ContentVersion.bump()


def _sources_changed(sender, instance, action, **kwargs):
    if is_loading() or type(instance).__name__ not in CONTENT_MODELS:
        return
    if action.startswith("post_"):
        from rusfakta.content.models import ContentVersion

        ContentVersion.bump()


post_save.connect(_content_changed, dispatch_uid="content-version-save")
post_delete.connect(_content_changed, dispatch_uid="content-version-delete")
m2m_changed.connect(_sources_changed, dispatch_uid="content-version-m2m")

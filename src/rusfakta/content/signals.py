"""Every content change bumps the content version, so caches keyed by it go stale everywhere."""

import contextlib
import threading

from django.db.models.signals import m2m_changed, post_delete, post_save

_state = threading.local()

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


@contextlib.contextmanager
def content_signals_muted():
    """The loader bumps the version once itself instead of once per row."""
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = False


def _content_changed(sender, **kwargs):
    if getattr(_state, "muted", False) or sender.__name__ not in CONTENT_MODELS:
        return
    from rusfakta.content.models import ContentVersion

    ContentVersion.bump()


def _sources_changed(sender, instance, action, **kwargs):
    if getattr(_state, "muted", False) or type(instance).__name__ not in CONTENT_MODELS:
        return
    if action.startswith("post_"):
        from rusfakta.content.models import ContentVersion

        ContentVersion.bump()


post_save.connect(_content_changed, dispatch_uid="content-version-save")
post_delete.connect(_content_changed, dispatch_uid="content-version-delete")
m2m_changed.connect(_sources_changed, dispatch_uid="content-version-m2m")

"""Figures rendered inside text: each {stat:id} in a passage or a tool's text becomes its record's figure."""

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language

from rusfakta.content import markup
from rusfakta.content.lookups import content_stamp
from rusfakta.pack.translated import current_language, translate, translate_all
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import Statistic


def statistics_by_slug(stamp=None, lang=None):
    """Every record with its source, in the language's words (decision 0016), cached per content version."""
    stamp, lang = stamp or content_stamp(), current_language(lang)
    key = f"statistics:{stamp}:{lang}"
    found = cache.get(key)
    if found is None:
        found = {s.slug: s for s in translate_all(Statistic.objects.select_related("source"), lang)}
        cache.set(key, found, 3600)
    return found


def _lang(lang):
    return (lang or get_language() or "nb")[:2]


def stat_html(stat, lang):
    """The figure as a link to its record."""
    url = reverse("statistics:detail", args=[stat.slug])
    return format_html('<a class="stat" href="{}">{}</a>', url, format_statistic(stat, lang))


def passage_html(body, stats, lang=None, mark=None):
    lang = _lang(lang)
    render = lambda slug: stat_html(stats[slug], lang)  # noqa: E731
    return markup.to_html(body, render, mark=mark) if mark else markup.to_html(body, render)


def passage_text(body, stats, lang=None):
    lang = _lang(lang)
    return markup.to_text(body, lambda slug: format_statistic(stats[slug], lang))


def readable(passages, lang=None):
    """The passages, each with .html: its text with the figures in place."""
    stats, passages = statistics_by_slug(lang=lang), list(passages)
    for passage in passages:
        translate(passage, lang)
        passage.html = passage_html(passage.body, stats, lang)
    return passages

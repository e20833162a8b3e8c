"""Lookups the pages share: the content version, figure records, passages rendered for reading."""

from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language

from rusfakta.content import markup
from rusfakta.content.models import ContentVersion, Edition
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import Statistic


def content_stamp():
    return ContentVersion.latest()[0]


def statistics_by_slug(stamp=None):
    stamp = stamp or content_stamp()
    key = f"statistics:{stamp}"
    found = cache.get(key)
    if found is None:
        found = {s.slug: s for s in Statistic.objects.select_related("source")}
        cache.set(key, found, 3600)
    return found


def current_edition():
    return Edition.objects.first()


def _lang(lang):
    return (lang or get_language() or "nb")[:2]


def stat_html(stat, lang):
    url = reverse("statistics:detail", args=[stat.slug])
    return f'<a class="stat" href="{url}">{escape(format_statistic(stat, lang))}</a>'


def passage_html(body, stats, lang=None):
    lang = _lang(lang)
    return markup.to_html(body, lambda slug: stat_html(stats[slug], lang))


def passage_text(body, stats, lang=None):
    lang = _lang(lang)
    return markup.to_text(body, lambda slug: format_statistic(stats[slug], lang))


@dataclass
class ReadablePassage:
    passage: object
    html: str

    def __getattr__(self, name):
        return getattr(self.passage, name)


def readable(passages, lang=None):
    stats = statistics_by_slug()
    return [ReadablePassage(p, passage_html(p.body, stats, lang)) for p in passages]

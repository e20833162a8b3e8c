import sys
from functools import cache
from itertools import groupby
from pathlib import Path

from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _lazy

from rusfakta.content.lookups import chapters_by_theme, current_edition
from rusfakta.content.models import Chapter, ContentVersion, Figure, Source
from rusfakta.errors import (
    api_error,
    client_error,
    is_api,
    is_outage,
    language_of,
    lazy_format,
    outage,
    unavailable,
)
from rusfakta.helpservices.services import services_for_chapter
from rusfakta.pack.translated import translate, translate_all
from rusfakta.statistics.chart_view import chart_context
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import readable, statistics_by_slug
from rusfakta.statistics.models import Chart

KEY_MESSAGE_STAT = "ssb-16-30-ikke-brukt-siste-ar-2024"
LONG_CHAPTER = 5  # passages; from here a chapter opens with a list of its own


def healthz(request):
    try:
        stamp, _ = ContentVersion.latest()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    outage.back()
    response = HttpResponse("ok", content_type="text/plain")
    response["X-Content-Version"] = stamp  # which content this instance serves (several behind one name)
    response["Cache-Control"] = "no-store"
    return response


@cache
def _favicon_bytes():
    return (Path(__file__).resolve().parents[1] / "static" / "rusfakta" / "favicon.ico").read_bytes()


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the same icon as the page's SVG one."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def privacy(request):
    return render(request, "pages/privacy.html")


def home(request):
    key_stat = statistics_by_slug().get(KEY_MESSAGE_STAT)
    shown = format_statistic(key_stat, request.LANGUAGE_CODE) if key_stat else ""
    return render(request, "pages/home.html", {"key_stat": key_stat, "key_stat_shown": shown})


def contents(request):
    chapters = translate_all(Chapter.objects.in_reading_order().prefetch_related("passages"))
    for chapter in chapters:
        chapter.passage_list = translate_all(chapter.passages.all())
    themes = chapters_by_theme(chapters, current_edition())
    return render(request, "pages/contents.html", {"chapters": chapters, "themes": themes})


def _figures_for(chapter, lang):
    stats = statistics_by_slug()
    charts = {c.figure_number: c for c in Chart.objects.filter(figure_number__isnull=False)}
    figures = []
    for figure in translate_all(chapter.figures.all(), lang):
        chart = translate(charts.get(figure.number), lang)
        rows = [(stats[s], format_statistic(stats[s], lang)) for s in figure.statistic_slugs if s in stats]
        figures.append(
            {"figure": figure, "rows": rows, "chart": chart_context(chart, stats, lang) if chart else None}
        )
    return figures


def chapter(request, slug):
    chapter = translate(get_object_or_404(Chapter, slug=slug))
    passages = readable(chapter.passages.prefetch_related("sources"))
    for passage in passages:  # the booklet itself is named once, at the top; each passage gives its page
        passage.other_sources = [s for s in passage.sources.all() if s.kind != Source.Kind.EDITION]
    sections = [(name, list(items)) for name, items in groupby(passages, key=lambda p: p.section)]
    chapters = translate_all(Chapter.objects.in_reading_order())
    index = next(i for i, c in enumerate(chapters) if c.pk == chapter.pk)
    return render(
        request,
        "pages/chapter.html",
        {
            "chapter": chapter,
            "sections": sections,
            "has_sections": any(name for name, _ in sections),
            "own_contents": len(passages) >= LONG_CHAPTER,
            "booklet_source": Source.objects.filter(kind=Source.Kind.EDITION).first(),
            "figures": _figures_for(chapter, request.LANGUAGE_CODE),
            "previous": chapters[index - 1] if index > 0 else None,
            "next": chapters[index + 1] if index + 1 < len(chapters) else None,
            "help_services": services_for_chapter(chapter.slug),
        },
    )


def sources(request):
    sources = translate_all(Source.objects.prefetch_related("passages__chapter", "statistics"))
    for source in sources:  # the prefetched rows the template reads, in the reader's language
        for passage in translate_all(source.passages.all()):
            translate(passage.chapter)
    return render(request, "pages/sources.html", {"sources": sources})


def about(request):
    return render(
        request,
        "pages/about.html",
        {"chapter_count": Chapter.objects.count(), "figure_count": Figure.objects.count()},
    )


def not_found(request, exception=None):
    if is_api(request):
        return api_error(request, 404, lazy_format(_lazy("finnes ikke: %(path)s"), path=request.path))
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    return client_error(request, 400)


def csrf_failure(request, reason=""):
    return client_error(request, 403)


def server_error(request):
    if is_outage(sys.exc_info()[1]):
        return unavailable(request)
    if is_api(request):
        return api_error(request, 500)
    with translation.override(language_of(request)):
        return render(request, "500.html", status=500)

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from rusfakta.content.models import Figure, Passage
from rusfakta.pack.translated import translate, translate_all
from rusfakta.statistics.changes import last_change
from rusfakta.statistics.chart_view import chart_context
from rusfakta.statistics.charts import chart_svg
from rusfakta.statistics.comparison import comparison_rows
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import statistics_by_slug
from rusfakta.statistics.models import Chart

# Every view hands its template rows in the reader's language (decision 0016): translate() puts the
# edition's text in place under the same attribute names, or marks the bokmål fallback lang="nb".


def _chart_context(chart, stats, lang):
    return chart_context(translate(chart), stats, lang)


def _figures():
    figures = translate_all(Figure.objects.select_related("chapter"))
    for figure in figures:
        translate(figure.chapter)
    return figures


def numbers(request):
    lang = request.LANGUAGE_CODE
    stats = statistics_by_slug()
    charts = {c.figure_number: c for c in Chart.objects.filter(figure_number__isnull=False)}
    figures = []
    for figure in _figures():
        chart = charts.get(figure.number)
        shown = [(stats[s], format_statistic(stats[s], lang)) for s in figure.statistic_slugs]
        figures.append(
            {"figure": figure, "chart": _chart_context(chart, stats, lang) if chart else None, "shown": shown}
        )
    trends = [_chart_context(c, stats, lang) for c in Chart.objects.filter(figure_number__isnull=True)]
    return render(request, "statistics/numbers.html", {"figures": figures, "trends": trends})


def statistic_list(request):
    rows = [(s, format_statistic(s, request.LANGUAGE_CODE)) for s in statistics_by_slug().values()]
    return render(request, "statistics/list.html", {"rows": rows})


def statistic_detail(request, slug):
    stat = statistics_by_slug().get(slug)
    if stat is None:
        raise Http404(slug)
    reference = "{stat:" + slug + "}"
    passages = translate_all(Passage.objects.filter(body__contains=reference).select_related("chapter"))
    for passage in passages:
        translate(passage.chapter)
    figures = [f for f in _figures() if slug in f.statistic_slugs]
    charts = translate_all(c for c in Chart.objects.all() if slug in c.statistic_slugs)
    return render(
        request,
        "statistics/detail.html",
        {
            "stat": stat,
            "shown": format_statistic(stat, request.LANGUAGE_CODE),
            "change": last_change(stat, request.LANGUAGE_CODE),
            "passages": passages,
            "figures": figures,
            "charts": charts,
        },
    )


def chart_image(request, slug, size="wide"):
    chart = get_object_or_404(Chart, slug=slug)
    return HttpResponse(chart_svg(chart, request.LANGUAGE_CODE, size), content_type="image/svg+xml")


def comparison(request):
    return render(request, "statistics/comparison.html", {"rows": comparison_rows(request.LANGUAGE_CODE)})

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from rusfakta.content.models import Figure, Passage
from rusfakta.statistics.changes import last_change
from rusfakta.statistics.chart_view import chart_context
from rusfakta.statistics.charts import chart_svg
from rusfakta.statistics.comparison import comparison_rows
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import statistics_by_slug
from rusfakta.statistics.models import Chart, Statistic


def numbers(request):
    lang = request.LANGUAGE_CODE
    stats = statistics_by_slug()
    charts = {c.figure_number: c for c in Chart.objects.filter(figure_number__isnull=False)}
    figures = []
    for figure in Figure.objects.select_related("chapter"):
        chart = charts.get(figure.number)
        shown = [(stats[s], format_statistic(stats[s], lang)) for s in figure.statistic_slugs]
        figures.append(
            {"figure": figure, "chart": chart_context(chart, stats, lang) if chart else None, "shown": shown}
        )
    trends = [chart_context(c, stats, lang) for c in Chart.objects.filter(figure_number__isnull=True)]
    return render(request, "statistics/numbers.html", {"figures": figures, "trends": trends})


def statistic_list(request):
    stats = Statistic.objects.select_related("source")
    rows = [(s, format_statistic(s, request.LANGUAGE_CODE)) for s in stats]
    return render(request, "statistics/list.html", {"rows": rows})


def statistic_detail(request, slug):
    stat = get_object_or_404(Statistic.objects.select_related("source"), slug=slug)
    reference = "{stat:" + slug + "}"
    passages = Passage.objects.filter(body__contains=reference).select_related("chapter")
    figures = [f for f in Figure.objects.select_related("chapter") if slug in f.statistic_slugs]
    charts = [c for c in Chart.objects.all() if slug in c.statistic_slugs]
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

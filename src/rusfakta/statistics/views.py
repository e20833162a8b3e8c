from django.shortcuts import get_object_or_404, render

from rusfakta.content.models import Figure, Passage
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import Statistic


def statistic_list(request):
    stats = Statistic.objects.select_related("source")
    rows = [(s, format_statistic(s, request.LANGUAGE_CODE)) for s in stats]
    return render(request, "statistics/list.html", {"rows": rows})


def statistic_detail(request, slug):
    stat = get_object_or_404(Statistic.objects.select_related("source"), slug=slug)
    reference = "{stat:" + slug + "}"
    passages = Passage.objects.filter(body__contains=reference).select_related("chapter")
    figures = [f for f in Figure.objects.select_related("chapter") if slug in f.statistic_slugs]
    return render(
        request,
        "statistics/detail.html",
        {
            "stat": stat,
            "shown": format_statistic(stat, request.LANGUAGE_CODE),
            "passages": passages,
            "figures": figures,
        },
    )

from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _lazy
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rusfakta.api.schemas import ErrorOut, SourcesOut, StatisticOut, StatisticsOut
from rusfakta.content.lookups import current_edition
from rusfakta.content.models import Source
from rusfakta.errors import lazy_format
from rusfakta.statistics.models import Statistic
from rusfakta.statistics.records import all_records, dataset_csv, record

router = Router(tags=["statistics"])
ERRORS = {400: ErrorOut, 404: ErrorOut}


class LangQuery(Schema):
    lang: str = Field(
        "nb",
        pattern="^(nb|en)$",
        description="nb (default) or en; labels are bokmål until English content exists",
    )


def _edition():
    edition = current_edition()
    if edition is None:
        raise HttpError(503, _lazy("innholdet er ikke lastet ennå"))
    return {
        "id": edition.slug,
        "title": edition.title,
        "publisher": edition.publisher,
        "published": edition.published,
        "edition": edition.edition,
    }


@router.get("/statistics", response={200: StatisticsOut, **ERRORS}, summary="Every figure in the booklet")
def statistics(request, query: Query[LangQuery]):
    return {"edition": _edition(), "statistics": all_records()}


@router.get(
    "/statistics.csv",
    summary="Every figure as CSV",
    response={200: None, **ERRORS},
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
def statistics_csv(request):
    response = HttpResponse(dataset_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rusfakta-tall.csv"'
    return response


@router.get("/statistics/{stat_id}", response={200: StatisticOut, **ERRORS}, summary="One figure")
def statistic(request, stat_id: str, query: Query[LangQuery]):
    try:
        return record(Statistic.objects.select_related("source").get(slug=stat_id))
    except Statistic.DoesNotExist:
        raise Http404(lazy_format(_lazy("ingen tall med id «%(id)s»"), id=stat_id)) from None


@router.get("/sources", response={200: SourcesOut, **ERRORS}, summary="Every source the booklet cites")
def sources(request):
    items = [
        {
            "id": s.slug,
            "title": s.title,
            "author": s.author,
            "year": s.year,
            "kind": s.kind,
            "about": s.about,
            "statistics": [stat.slug for stat in s.statistics.all()],
        }
        for s in Source.objects.prefetch_related("statistics")
    ]
    return {"edition": _edition(), "sources": items}

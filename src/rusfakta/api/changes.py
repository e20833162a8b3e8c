from django.urls import reverse
from django.utils import timezone
from ninja import Router

from rusfakta.api.schemas import ChangesOut, ErrorOut
from rusfakta.api.statistics import _edition
from rusfakta.history.changes import change_log

router = Router(tags=["changes"])


def _when(moment):
    return timezone.localtime(moment).isoformat()


@router.get(
    "/changes",
    response={200: ChangesOut, 503: ErrorOut},
    summary="What changed since the printed edition: figures with old and new value, passages updated",
)
def changes(request):
    edition = _edition()
    log = change_log("nb")
    return {
        "edition": edition,
        "since": edition["published"],
        "figures": [
            {
                "id": change.slug,
                "label": change.label,
                "old": change.old,
                "new": change.new,
                "date": _when(change.date),
                "url": reverse("statistics:detail", args=[change.slug]),
            }
            for change in log["figures"]
        ],
        "passages": [
            {"id": update.slug, "title": update.heading, "date": _when(update.date), "url": update.url}
            for update in log["passages"]
        ],
    }

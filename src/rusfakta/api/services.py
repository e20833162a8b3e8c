from datetime import datetime

from django.http import HttpResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rusfakta.api.schemas import ErrorOut
from rusfakta.helpservices import hours
from rusfakta.helpservices.services import services_for_display

router = Router(tags=["services"])


class ServicesQuery(Schema):
    at: str | None = Field(
        None,
        json_schema_extra={"format": "date-time"},
        description="ISO 8601 instant with a UTC offset, e.g. 2025-03-29T23:40:00+01:00 or "
        "2025-03-29T22:40:00Z. Default: now. Outside the years "
        f"{hours.FIRST_YEAR}–{hours.LAST_YEAR} (the Norwegian holiday calendar we have) "
        "open_now and next_change are null.",
    )


class ServiceOut(Schema):
    id: str
    name: str
    description: str
    phone: str | None = Field(description="As printed, e.g. 915 08 588")
    chat_url: str | None
    url: str | None = Field(description="The service's web address (host in punycode)")
    hours: str | None = Field(description="OpenStreetMap opening_hours; null when the booklet gives none")
    open_now: bool | None = Field(description="At `at`, in Oslo time; null when the hours are unknown")
    next_change: datetime | None = Field(
        description="When open_now flips next (Oslo time); null if never or unknown"
    )
    anonymous: bool | None = Field(description="null when the booklet does not say")


class ServicesOut(Schema):
    at: datetime = Field(description="The instant the answer is for, in Oslo time")
    services: list[ServiceOut]


def _instant(text):
    if text is None:
        return hours.now().replace(microsecond=0)
    try:
        return hours.parse_instant(text)
    except ValueError as exc:
        raise HttpError(400, exc.args[0]) from None  # lazy: made into text in the request's language


@router.get(
    "/services",
    response={200: ServicesOut, 400: ErrorOut},
    summary="Help services, open or closed at a given time (Oslo)",
)
def services(request, response: HttpResponse, query: Query[ServicesQuery]):
    at = _instant(query.at)
    response["Cache-Control"] = "no-cache, max-age=0"
    items = sorted(services_for_display(at), key=lambda view: view.service.order)
    return {"at": hours.in_oslo(at), "services": [_service(view) for view in items]}


def _service(view):
    service, status = view.service, view.status
    return {
        "id": service.slug,
        "name": service.name,
        "description": service.about,
        "phone": service.phone or None,
        "chat_url": service.chat_href or None,
        "url": service.web_href or None,
        "hours": service.hours or None,
        "open_now": status.is_open,
        "next_change": status.next_change,
        "anonymous": service.anonymous,
    }

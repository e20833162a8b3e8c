import logging

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from rusfakta.api.changes import router as changes_router
from rusfakta.api.mixing import router as mixing_router
from rusfakta.api.search import router as search_router
from rusfakta.api.services import router as services_router
from rusfakta.api.statistics import router as statistics_router
from rusfakta.errors import api_error, api_messages, is_bad_value, is_outage, unavailable

api = NinjaAPI(
    title="Rusfakta API",
    version="1",
    description="Figures and sources from «Kokain – fakta og oversikt» (Actis, 2025). "
    'Errors always have the shape {"error": {"code", "message"}}.',
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,  # the schema is the documentation; Swagger UI would need inline scripts
)


def _validation_message(errors):
    """What was wrong with each parameter, in the active language."""
    parts = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        ctx = error.get("ctx") or {}
        found = VALIDATION.get(error.get("type"))
        what = found[0] % {"n": ctx.get(found[1], "")} if found else _("er ugyldig")
        parts.append(f"{where}: {what}")
    return "; ".join(parts) or str(api_messages()[400])


# pydantic's error types → (our message, the ctx value it names)
VALIDATION = {
    "missing": (_lazy("mangler"), None),
    "string_too_short": (_lazy("for kort (minst %(n)s tegn)"), "min_length"),
    "string_too_long": (_lazy("for langt (høyst %(n)s tegn)"), "max_length"),
    "string_pattern_mismatch": (_lazy("har ikke en gyldig verdi"), None),
    "int_parsing": (_lazy("må være et heltall"), None),
    "greater_than_equal": (_lazy("må være minst %(n)s"), "ge"),
    "less_than_equal": (_lazy("må være høyst %(n)s"), "le"),
}


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return api_error(request, 400, lambda: _validation_message(exc.errors))


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return api_error(request, exc.status_code, exc.message)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api_error(request, 404, exc.args[0] if exc.args else None)


@api.exception_handler(SuspiciousOperation)
def on_malformed_request(request, exc):
    if isinstance(exc, RequestDataTooBig):
        return api_error(request, 413)
    return api_error(
        request, 400, _lazy("forespørselen er ugyldig (for mange parametere, eller en feil header)")
    )


@api.exception_handler(DatabaseError)
def on_database_error(request, exc):
    if is_outage(exc):
        return unavailable(request)  # the same clean 503 as outside the API, with Retry-After
    if is_bad_value(exc):
        return api_error(request, 400, _lazy("forespørselen har en verdi som ikke kan slås opp"))
    return on_unexpected(request, exc)


@api.exception_handler(Exception)
def on_unexpected(request, exc):
    logging.getLogger("rusfakta").error("unexpected error under /api/", exc_info=exc)
    return api_error(request, 500)


api.add_router("/v1/", statistics_router)
api.add_router("/v1/", search_router)
api.add_router("/v1/", services_router)
api.add_router("/v1/", mixing_router)
api.add_router("/v1/", changes_router)

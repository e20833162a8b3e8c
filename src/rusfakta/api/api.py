import logging

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import DatabaseError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from rusfakta.api.changes import router as changes_router
from rusfakta.api.mixing import router as mixing_router
from rusfakta.api.search import router as search_router
from rusfakta.api.services import router as services_router
from rusfakta.api.statistics import router as statistics_router
from rusfakta.errors import error_response, is_bad_value, is_outage, unavailable

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
    parts = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return error_response(400, _validation_message(exc.errors))


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return error_response(exc.status_code, str(exc))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error_response(404, str(exc) or "not found")


@api.exception_handler(SuspiciousOperation)
def on_malformed_request(request, exc):
    if isinstance(exc, RequestDataTooBig):
        return error_response(413, "the request body is too large")
    return error_response(400, "the request is malformed (too many parameters, or a bad header)")


@api.exception_handler(DatabaseError)
def on_database_error(request, exc):
    if is_outage(exc):
        return unavailable(request)  # the same clean 503 as outside the API, with Retry-After
    if is_bad_value(exc):
        return error_response(400, "the request holds a value that cannot be looked up")
    return on_unexpected(request, exc)


@api.exception_handler(Exception)
def on_unexpected(request, exc):
    logging.getLogger("rusfakta").error("unexpected error under /api/", exc_info=exc)
    return error_response(500, "something went wrong on our side")


api.add_router("/v1/", statistics_router)
api.add_router("/v1/", search_router)
api.add_router("/v1/", services_router)
api.add_router("/v1/", mixing_router)
api.add_router("/v1/", changes_router)

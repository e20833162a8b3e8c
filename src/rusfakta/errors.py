"""Error answers shared by every app: one JSON shape under /api/, our own page elsewhere.

A leaf module: it imports nothing of ours, so the API, the pages and serving can all use it.
"""

import logging
import threading
import time

from django.db import DataError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    411: "length_required",
    413: "too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}
log = logging.getLogger("rusfakta")


def is_api(request):
    return request.path.startswith("/api/")


def error_response(status, message, code=None):
    response = JsonResponse(
        {"error": {"code": code or CODES.get(status, "error"), "message": message}}, status=status
    )
    response["Cache-Control"] = "no-store"  # an error is about this one request; nobody should keep it
    return response


def api_messages():
    """The API's message for each error status, in the active language (api_error activates it)."""
    return {
        400: _("forespørselen er ugyldig"),
        403: _("ikke tillatt"),
        404: _("fant ikke"),
        405: _("denne adressen kan bare leses (GET, HEAD, OPTIONS)"),
        408: _("innholdet i forespørselen kom ikke fram i tide"),
        411: _("en forespørsel med innhold trenger Content-Length"),
        413: _("innholdet i forespørselen er for stort"),
        415: _("vi tar ikke imot filer"),
        429: _("for mange spørsmål på kort tid; vent litt og prøv igjen"),
        500: _("noe gikk galt hos oss"),
        503: _("travelt akkurat nå; prøv igjen om litt"),
    }


def api_language(request):
    """The language of an API answer, errors too: its `lang` parameter when that names an edition (as
    /api/v1/search?lang=en), else bokmål, the API's default edition. Never raises (a query string Django
    refuses to parse gets bokmål)."""
    from django.conf import settings

    try:
        lang = request.GET.get("lang", "")
    except Exception:  # noqa: BLE001 – too many fields, say: the error is answered, in bokmål
        lang = ""
    codes = [code for code, _name in settings.LANGUAGES]
    return lang if lang in codes else settings.LANGUAGE_CODE


def api_error(request, status, message=None, code=None):
    """An API error in the request's language (api_language). message may be lazy (gettext_lazy,
    lazy_format) or a callable; it is made into text here, in that language. None: the status's message."""
    with translation.override(api_language(request)):
        if callable(message):
            message = message()
        text = str(message) if message else api_messages().get(status, api_messages()[400])
        return error_response(status, text, code)


def lazy_format(message, **params):
    """A lazy gettext message with %(name)s placeholders filled in once it is made into text, in the
    language active then (gettext_lazy's % would translate at once)."""
    from django.utils.functional import lazy

    return lazy(lambda: str(message) % params, str)()


def page_messages():
    """Heading and text of our own page for each client error, in the active language."""
    return {
        400: (_("Forespørselen var ugyldig"), _("Adressen eller skjemaet hadde noe vi ikke kan lese.")),
        404: (_("Fant ikke siden"), _("Siden finnes ikke, eller den har flyttet.")),
        403: (_("Ikke tillatt"), _("Skjemaet var utløpt eller kom fra et annet sted. Prøv på nytt.")),
        405: (_("Ikke tillatt"), _("Denne siden kan bare leses, ikke endres.")),
        408: (_("Det tok for lang tid"), _("Skjemaet kom ikke fram i tide. Prøv på nytt.")),
        411: (_("Forespørselen var ugyldig"), _("Adressen eller skjemaet hadde noe vi ikke kan lese.")),
        413: (_("For mye på en gang"), _("Skjemaet var større enn noe vi tar imot.")),
        415: (_("Vi tar ikke imot filer"), _("Ingen skjemaer her har filer.")),
        429: (_("For mange spørsmål på kort tid"), _("Vent litt, og spør igjen.")),
        503: (_("Travelt akkurat nå"), _("Prøv igjen om litt.")),
    }


def client_error(request, status, message=None):
    """A 4xx in the API's shape under /api/, else our own page in the reader's language."""
    if is_api(request):
        return api_error(request, status, message)
    from django.shortcuts import render

    with translation.override(language_of(request)):  # some are answered before the locale middleware
        heading, text = page_messages().get(status, page_messages()[400])
        response = render(request, "client_error.html", {"heading": heading, "text": text}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def is_outage(exception):
    """Lost or refused connections mean the database is down; a value it refuses (a NUL byte) does not."""
    return isinstance(exception, (OperationalError, InterfaceError))


def is_bad_value(exception):
    return isinstance(exception, DataError)


class Outage:
    """One ERROR line when the database goes away and one when it is back, with how many 503s between."""

    def __init__(self):
        self.lock = threading.Lock()
        self.since = None
        self.answered = 0

    def unavailable(self):
        with self.lock:
            if self.since is None:
                self.since, self.answered = time.monotonic(), 0
                log.error("database unavailable: answering 503 until it is back")
            self.answered += 1

    def back(self):
        if self.since is None:
            return
        with self.lock:
            if self.since is None:
                return
            seconds, answered, self.since = time.monotonic() - self.since, self.answered, None
        log.error("database back after %.0f s; %d requests were answered 503", seconds, answered)


outage = Outage()


def language_of(request):
    """The edition a path is in (/nn/…, /en/…, else bokmål), read from the path alone: the 503 and 500
    pages are made before or without the middleware that activates it."""
    from django.conf import settings

    first = request.path.split("/", 2)[1] if request.path.count("/") >= 2 else ""
    codes = [code for code, _name in settings.LANGUAGES]
    return first if first in codes and first != settings.LANGUAGE_CODE else settings.LANGUAGE_CODE


def unavailable(request):
    """A clean 503 that needs no database: plain template, no context processors, the path's language."""
    outage.unavailable()
    if is_api(request):
        response = api_error(
            request, 503, lambda: _("tjenesten er ikke tilgjengelig akkurat nå; prøv igjen om litt")
        )
    else:
        with translation.override(language_of(request)):
            response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response

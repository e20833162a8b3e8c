"""What a request may be: its method, and no control characters where ids are read.

Every refusal is answered here, in the API's error shape under /api/ and on our own page, in the
reader's language, elsewhere (so it sits after LocaleMiddleware and before CSRF).
"""

import re
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponse

from rusfakta.errors import client_error
from rusfakta.serving.bodies import REFUSED_KEY

READ = ("GET", "HEAD", "OPTIONS")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def allowed_methods(path):
    return READ + ("POST",) if path.startswith(settings.BODY_PATHS) else READ


def malformed(request):
    """The status for a control character in the path (404: no page or id has one), or a NUL or
    bytes that aren't UTF-8 in the query (400), else None. PostgreSQL refuses NUL in text, which must not look like an outage."""
    if CONTROL.search(request.path_info):
        return 404
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or "\x00" in query:
        return 400
    try:
        unquote_to_bytes(query.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return 400  # Django would read it with replacement characters; no form of ours sends it
    return None


class RequestRulesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = request.META.get(REFUSED_KEY)
        if refused:
            return client_error(request, refused)
        allowed = allowed_methods(request.path_info)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in allowed:
            response = client_error(request, 405)
        elif malformed(request):
            return client_error(request, malformed(request))
        elif request.method == "HEAD":
            return self._head(request)
        else:
            return self.get_response(request)
        response["Allow"] = ", ".join(allowed)
        return response

    def _head(self, request):
        """HEAD works wherever GET does: the GET answer's headers, without its body. (A streamed body,
        the PDF's, is left to the server, which sends none for HEAD.)"""
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

import logging
import time

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

from rusfakta.errors import client_error, is_bad_value, is_outage, unavailable
from rusfakta.serving.logs import printable_path

access_log = logging.getLogger("rusfakta.access")


class AccessLogMiddleware:
    """One line per request: method, path, status, time. Never the query string, never the client's address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        milliseconds = (time.perf_counter() - start) * 1000
        path = printable_path(request.path)
        access_log.info("%s %s %s %.1fms", request.method, path, response.status_code, milliseconds)
        return response


class SecurityHeadersMiddleware:
    """The headers Django's own middleware leaves out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class DatabaseUnavailableMiddleware:
    """A lost database connection in a view gives a clean 503, never a traceback; a value the database
    refuses (a NUL byte in an id, on PostgreSQL) is the client's error, a 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            return unavailable(request)
        if is_bad_value(exception):
            return client_error(request, 400)
        return None


class CompressPagesMiddleware(GZipMiddleware):
    """gzip for pages and API answers. Left out: the admin (which carries CSRF tokens), byte ranges
    (a range is of the file as it is) and PDFs (already compressed)."""

    def process_response(self, request, response):
        if (
            request.path.startswith(settings.ADMIN_URL_PREFIX)
            or response.has_header("Content-Range")
            or response.get("Content-Type") == "application/pdf"
        ):
            return response
        return super().process_response(request, response)

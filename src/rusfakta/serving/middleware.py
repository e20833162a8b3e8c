import hashlib
import logging
import time

from django.conf import settings
from django.db import DatabaseError
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from rusfakta.errors import client_error, error_response, is_bad_value, is_outage, outage, unavailable
from rusfakta.serving.logs import printable_path
from rusfakta.serving.ratelimit import TokenBucket, client_address
from rusfakta.serving.searchpath import BUCKET_KEY, LIMITED_KEY

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


class SearchRateLimitMiddleware:
    """Per-client limit on the search API → 429 in the API error shape."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.bucket = TokenBucket(settings.SEARCH_RATE_PER_SECOND, settings.SEARCH_RATE_BURST)

    def __call__(self, request):
        # In production the WSGI search path (serving/searchpath.py) lends its bucket, so a client
        # has one limit whichever way its request is answered.
        bucket = request.META.get(BUCKET_KEY, self.bucket)
        if request.path.startswith("/api/v1/search") and (
            request.META.get(LIMITED_KEY) or not bucket.allow(client_address(request.META))
        ):
            response = error_response(429, "too many questions in a short time; wait a moment and try again")
            response["Retry-After"] = "5"
            return response
        return self.get_response(request)


STORE_MARKER = "X-Rusfakta-Page-Cache"


def page_cache_key(stamp, path, accept_encoding):
    digest = hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()
    gzip = "gzip" if re_accepts_gzip.search(accept_encoding) else "plain"
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    return f"page:{stamp}:{language}:{gzip}:{digest}"


def page_cacheable(method, path, query_string, cookies):
    return (
        method in ("GET", "HEAD")
        and not path.startswith(settings.PAGE_CACHE_SKIP)
        and not query_string
        and not cookies
    )


class PageCacheMiddleware:
    """Marks the public pages that may be cached, with Last-Modified, ETag and revalidation headers.

    The caching itself happens in front of Django (serving/fastpath.py), on the finished answer;
    Django's ConditionalGetMiddleware answers 304s for the requests that do reach Django. Pages that
    change with the clock, hold a visitor's question or are private are never marked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cacheable(
            request.method, request.path, request.META.get("QUERY_STRING"), request.COOKIES
        ):
            return self.get_response(request)
        from rusfakta.content.models import ContentVersion

        try:
            _, changed_at = ContentVersion.latest()
        except DatabaseError:
            return unavailable(request)
        outage.back()
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            response["Last-Modified"] = http_date(changed_at.timestamp())
            patch_cache_control(response, public=True, no_cache=True)
            set_response_etag(response)
            response[STORE_MARKER] = "1"
        return response


class CompressPagesMiddleware(GZipMiddleware):
    """gzip for pages and API answers; the admin (which carries CSRF tokens) is left out."""

    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_URL_PREFIX):
            return response
        return super().process_response(request, response)

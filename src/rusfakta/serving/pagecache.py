"""The page cache: Django marks what may be cached, and the finished answer is served in front of it.

PageCacheMiddleware marks the public pages that may be cached, with Last-Modified, ETag and
revalidation headers; Django's ConditionalGetMiddleware answers 304s for the requests that do reach
Django. CachedPages, a WSGI wrapper, keeps the final status, headers and body of those answers and
answers the next identical request, or its 304, without building a request object or running the
middleware stack.

The key holds the content version, the scheme, the host (checked against ALLOWED_HOSTS first, so a
forged Host never gets a cached page), the language, gzip or not, and the path. A query string is
ignored on pages that read none (`/tall/?cb=1` is `/tall/`); pages that read one are not cached
with one. Cookies bypass the cache only when they hold an editor's session. Pages that change with
the clock, hold a visitor's question or are private are never cached.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http.request import split_domain_port, validate_host
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from rusfakta.errors import outage, unavailable
from rusfakta.serving.logs import printable_path

access_log = logging.getLogger("rusfakta.access")
STORE_MARKER = "X-Rusfakta-Page-Cache"


def page_cacheable(method, path, query_string, editor):
    return (
        method in ("GET", "HEAD")
        and not path.startswith(settings.PAGE_CACHE_SKIP)
        and not (query_string and path.startswith(settings.PAGE_QUERY_PATHS))
        and not editor
    )


def has_editor_session(cookie_header):
    return f"{settings.SESSION_COOKIE_NAME}=" in (cookie_header or "")


def page_cache_key(stamp, scheme, host, path, accept_encoding):
    digest = hashlib.sha1(f"{scheme}://{host}{path}".encode(), usedforsecurity=False).hexdigest()
    gzip = "gzip" if re_accepts_gzip.search(accept_encoding) else "plain"
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    return f"page:{stamp}:{language}:{gzip}:{digest}"


def scheme_of(environ):
    if settings.BEHIND_PROXY and "HTTP_X_FORWARDED_PROTO" in environ:
        return "https" if environ["HTTP_X_FORWARDED_PROTO"] == "https" else "http"
    return environ.get("wsgi.url_scheme", "http")


def allowed_host(environ):
    """The Host, lowercased, when ALLOWED_HOSTS lets it in, else None (Django then answers 400)."""
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    domain, _ = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS or ([".localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else [])
    return host.lower() if domain and validate_host(domain, allowed) else None


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        editor = settings.SESSION_COOKIE_NAME in request.COOKIES
        if not page_cacheable(request.method, request.path, request.META.get("QUERY_STRING"), editor):
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


class CachedPages:
    def __init__(self, app):
        self.app = app
        self.cache = caches["default"]

    def __call__(self, environ, start_response):
        path, method = environ.get("PATH_INFO", "/"), environ.get("REQUEST_METHOD", "GET")
        editor = has_editor_session(environ.get("HTTP_COOKIE"))
        host = allowed_host(environ)
        if host is None or not page_cacheable(method, path, environ.get("QUERY_STRING"), editor):
            return self.app(environ, start_response)
        from rusfakta.content.models import ContentVersion

        try:
            stamp, _ = ContentVersion.latest()
        except DatabaseError:
            return self.app(environ, start_response)
        outage.back()
        key = "wsgi-" + page_cache_key(
            stamp, scheme_of(environ), host, path, environ.get("HTTP_ACCEPT_ENCODING", "")
        )
        entry = self.cache.get(key)
        if entry is None:
            return self._fill(key, environ, start_response)
        start = time.perf_counter()
        status, headers, body = entry
        if _not_modified(environ, dict(headers)):
            status, body = "304 Not Modified", b""
            headers = [(k, v) for k, v in headers if k.lower() not in ("content-length", "content-encoding")]
        start_response(status, headers)
        milliseconds = (time.perf_counter() - start) * 1000
        access_log.info("%s %s %s %.1fms", method, printable_path(path), status[:3], milliseconds)
        return [b"" if method == "HEAD" else body]

    def _fill(self, key, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = captured["status"], captured["headers"]
        store = any(k == STORE_MARKER for k, _ in headers)
        headers = [(k, v) for k, v in headers if k != STORE_MARKER]
        if store and status.startswith("200") and environ.get("REQUEST_METHOD") == "GET":
            self.cache.set(key, (status, headers, body), settings.PAGE_CACHE_SECONDS)
        start_response(status, headers)
        return [body]


def _opaque(tag):
    """An entity tag without its weak marker: If-None-Match compares weakly (RFC 9110, 13.1.2)."""
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def _not_modified(environ, headers):
    etag = headers.get("ETag")
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if not if_none_match and "HTTP_IF_MODIFIED_SINCE" not in environ:
        return False
    if if_none_match and etag:
        return if_none_match.strip() == "*" or _opaque(etag) in [_opaque(t) for t in if_none_match.split(",")]
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    modified = parse_http_date_safe(headers.get("Last-Modified", ""))
    return since is not None and modified is not None and modified <= since

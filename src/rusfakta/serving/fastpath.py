"""Answer repeat requests for cached pages in front of Django, straight from the finished bytes.

Django (with PageCacheMiddleware) decides what may be cached and marks it; this WSGI wrapper keeps
the final status, headers and body of those answers, keyed like the page cache (content version,
language, gzip or not, path), and answers the next identical request, or its 304, without building
a request object or running the middleware stack.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.utils.http import parse_http_date_safe

from rusfakta.errors import outage
from rusfakta.serving.logs import printable_path
from rusfakta.serving.middleware import STORE_MARKER, page_cache_key, page_cacheable

access_log = logging.getLogger("rusfakta.access")


class CachedPages:
    def __init__(self, app):
        self.app = app
        self.cache = caches["default"]

    def __call__(self, environ, start_response):
        path, method = environ.get("PATH_INFO", "/"), environ.get("REQUEST_METHOD", "GET")
        if not page_cacheable(method, path, environ.get("QUERY_STRING"), environ.get("HTTP_COOKIE")):
            return self.app(environ, start_response)
        from rusfakta.content.models import ContentVersion

        try:
            stamp, _ = ContentVersion.latest()
        except DatabaseError:
            return self.app(environ, start_response)
        outage.back()
        key = "wsgi-" + page_cache_key(stamp, path, environ.get("HTTP_ACCEPT_ENCODING", ""))
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


def _not_modified(environ, headers):
    etag = headers.get("ETag")
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if not if_none_match and "HTTP_IF_MODIFIED_SINCE" not in environ:
        return False
    if if_none_match and etag:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE", ""))
    modified = parse_http_date_safe(headers.get("Last-Modified", ""))
    return since is not None and modified is not None and modified <= since

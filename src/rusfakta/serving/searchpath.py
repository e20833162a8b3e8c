"""Answer well-formed search API questions in front of Django, without its request cycle.

A question costs about a millisecond to answer; Django's middleware and django-ninja's parsing
cost twice that again. Under a burst of traffic that difference decides whether answers come back
in 30 ms or 300 ms, so the common case, `GET /api/v1/search?q=…[&limit=N][&lang=nb|en]` with
valid values, is answered here:

- the answer is the same `ask()` the API view returns, rendered with django-ninja's own JSON
  encoder, compressed by the same rule as Django's GZipMiddleware;
- the headers (CSP and the other security headers, Content-Type, Content-Language) are the ones
  Django sent for the first search answer of this process, so they are set in one place; Vary
  follows GZipMiddleware's rule (a test compares every header). Answers are `no-store`, so
  ConditionalGetMiddleware gives them no ETag;
- the per-client rate limit is the same token bucket, shared with Django's middleware.

Everything else (a bad or missing parameter, HEAD, a conditional request, a database error,
a client over its limit) goes to Django, which gives the documented answer or error. Nothing about the question is stored
or logged: the access line has the path, never the query string.
"""

import json
import logging
import re
import time
from urllib.parse import parse_qsl

from django.conf import settings
from django.db import DatabaseError
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.text import compress_string
from ninja.responses import NinjaJSONEncoder

from rusfakta.search.engine import MAX_LIMIT
from rusfakta.serving.ratelimit import TokenBucket, client_address

access_log = logging.getLogger("rusfakta.access")

PATH = "/api/v1/search"
BUCKET_KEY = "rusfakta.search_bucket"  # environ: the bucket Django's rate-limit middleware uses too
LIMITED_KEY = "rusfakta.search_limited"  # environ: this client is over its limit; Django answers 429
LIMIT = re.compile(r"[1-9][0-9]?")
PER_ANSWER = {"content-length", "content-encoding", "vary"}
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


def well_formed(query_string):
    """(q, limit) when the query string is one the API view would answer with 200, else None."""
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    params = dict(pairs)
    if len(params) != len(pairs) or not params.keys() <= {"q", "limit", "lang"} or "q" not in params:
        return None
    limit = params.get("limit", "5")
    if not LIMIT.fullmatch(limit) or int(limit) > MAX_LIMIT or params.get("lang", "nb") not in ("nb", "en"):
        return None
    from rusfakta.search.service import BadQuestion, validate

    try:
        return validate(params["q"], int(limit)), int(limit)
    except BadQuestion:
        return None


class SearchAnswers:
    def __init__(self, app):
        self.app = app
        self.bucket = TokenBucket(settings.SEARCH_RATE_PER_SECOND, settings.SEARCH_RATE_BURST)
        self.headers = None  # learnt from Django's first 200 answer to a search
        self.vary = ()  # what else that answer varied on (Accept-Language, from LocaleMiddleware)

    def __call__(self, environ, start_response):
        if (
            environ.get("PATH_INFO") != PATH
            or environ.get("REQUEST_METHOD") != "GET"
            or any(header in environ for header in CONDITIONAL)
        ):
            return self.app(environ, start_response)
        environ[BUCKET_KEY] = self.bucket
        question = well_formed(environ.get("QUERY_STRING", ""))
        if question is None:
            return self.app(environ, start_response)
        if self.headers is None:
            return self._learn(environ, start_response)
        if not self.bucket.allow(client_address(environ)):
            environ[LIMITED_KEY] = True
            return self.app(environ, start_response)
        start = time.perf_counter()
        from rusfakta.search.service import ask

        try:
            answer = ask(*question)
        except DatabaseError:
            return self.app(environ, start_response)
        body, headers = self._encode(answer, environ.get("HTTP_ACCEPT_ENCODING", ""))
        start_response("200 OK", headers)
        access_log.info("GET %s 200 %.1fms", PATH, (time.perf_counter() - start) * 1000)
        return [body]

    def _encode(self, answer, accept_encoding):
        body = json.dumps(answer, cls=NinjaJSONEncoder).encode()
        headers, vary = list(self.headers), list(self.vary)
        # GZipMiddleware's rule: short answers are left alone, the rest vary on Accept-Encoding and
        # are compressed when the client takes gzip and it makes them smaller.
        if len(body) >= 200:
            vary.insert(0, "Accept-Encoding")
            if re_accepts_gzip.search(accept_encoding):
                compressed = compress_string(body, max_random_bytes=GZipMiddleware.max_random_bytes)
                if len(compressed) < len(body):
                    body = compressed
                    headers.append(("Content-Encoding", "gzip"))
        if vary:
            headers.append(("Vary", ", ".join(vary)))
        headers.append(("Content-Length", str(len(body))))
        return body, headers

    def _learn(self, environ, start_response):
        def learning(status, headers, exc_info=None):
            if status.startswith("200 ") and self.headers is None:
                vary = next((v for k, v in headers if k.lower() == "vary"), "")
                self.vary = tuple(
                    v.strip() for v in vary.split(",") if v.strip() not in ("", "Accept-Encoding")
                )
                self.headers = [(k, v) for k, v in headers if k.lower() not in PER_ANSWER]
            return start_response(status, headers, exc_info)

        return self.app(environ, learning)

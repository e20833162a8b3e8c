"""The search front: one search budget per client, and well-formed search API questions answered in
front of Django.

**The budget.** Each client (a keyed hash of its address, never the address) has a token bucket
of SEARCH_RATE_BURST questions, refilled at SEARCH_RATE_PER_SECOND, shared by `/api/v1/search` and
`/spor/?q=` (which live search calls). It is kept in Django's "search" cache: a file cache in the
data folder on one machine, Redis or Valkey (RUSFAKTA_CACHE_URL) across machines, so every worker
and every instance spends from the same bucket. An entry lives until its bucket is full again.

**The fast path.** A question costs about a millisecond to answer; Django's middleware and
django-ninja's parsing cost twice that again. Under a burst of traffic that difference decides whether
answers come back in 30 ms or 300 ms, so the common case,
`GET /api/v1/search?q=…[&limit=N][&lang=nb|nn|en]` with valid values, is answered here:

- the answer is the same `ask()` the API view returns, rendered with django-ninja's own JSON
  encoder, compressed by the same rule as Django's GZipMiddleware;
- the headers (CSP and the other security headers, Content-Type, Content-Language) are the ones
  Django sent for the first search answer of this process in that language, so they are set in one place; Vary
  follows GZipMiddleware's rule (a test compares every header). Answers are `no-store`, so
  ConditionalGetMiddleware gives them no ETag.

Everything else (a bad or missing parameter, HEAD, a conditional request, a database error,
a client over its budget) goes to Django, which gives the documented answer or error. Nothing about
the question is stored or logged: the access line has the path, never the query string.
"""

import hashlib
import json
import logging
import re
import time
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.text import compress_string
from ninja.responses import NinjaJSONEncoder

from rusfakta.errors import api_error, client_error
from rusfakta.search.index import MAX_LIMIT

access_log = logging.getLogger("rusfakta.access")

PATH = "/api/v1/search"
LIMITED_KEY = "rusfakta.search_limited"  # environ: this client is over its limit; Django answers 429
LIMIT = re.compile(r"[1-9][0-9]?")
PER_ANSWER = {"content-length", "content-encoding", "vary"}
EDITIONS = ("nb", "nn", "en")
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


def client_address(meta):
    """The visitor's address from a WSGI environ (or request.META), used only as a budget key.

    Behind our own proxy (RUSFAKTA_BEHIND_PROXY) every request comes from the proxy, so the
    address is the last one in X-Forwarded-For: the one our proxy added. Earlier entries are
    the client's own claims and are ignored.
    """
    if settings.BEHIND_PROXY:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return meta.get("REMOTE_ADDR", "")


class SearchBudget:
    """A token bucket per client in a shared cache, kept as the time its bucket is full again (GCRA).

    Reading and writing the entry are two steps, so two workers answering one client in the same
    millisecond may both let a question through: the budget can be passed by the number of
    workers at once, never by the number of workers times the burst.
    """

    def __init__(self, rate=None, burst=None, cache="search"):
        rate = settings.SEARCH_RATE_PER_SECOND if rate is None else rate
        burst = settings.SEARCH_RATE_BURST if burst is None else burst
        self.interval = 1 / rate if rate > 0 else float("inf")
        self.tolerance = (burst - 1) * self.interval
        self.cache = caches[cache]
        self.salt = settings.SECRET_KEY.encode()[:64]

    def key(self, client):
        return "search-budget:" + hashlib.blake2b(client.encode(), key=self.salt, digest_size=12).hexdigest()

    def allow(self, client, now=None):
        now = time.time() if now is None else now
        key = self.key(client)
        full_at = max(self.cache.get(key, now), now)
        if full_at - now > self.tolerance:
            return False
        full_at += self.interval
        self.cache.set(key, full_at, timeout=max(1, int(full_at - now) + 1))
        return True


def is_search(request):
    return request.path == PATH or (request.path in settings.SEARCH_PAGES and "q" in request.GET)


class SearchRateLimitMiddleware:
    """The search budget for requests Django answers: 429 in the API's shape or on our page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.budget = SearchBudget()

    def __call__(self, request):
        # A question the fast path found over budget is marked, not counted again.
        if is_search(request) and (
            request.META.get(LIMITED_KEY) or not self.budget.allow(client_address(request.META))
        ):
            response = api_error(request, 429) if request.path == PATH else client_error(request, 429)
            response["Retry-After"] = "5"
            return response
        return self.get_response(request)


def well_formed(query_string):
    """(q, limit, lang) when the query string is one the API view would answer with 200, else None."""
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    params = dict(pairs)
    if len(params) != len(pairs) or not params.keys() <= {"q", "limit", "lang"} or "q" not in params:
        return None
    limit = params.get("limit", "5")
    lang = params.get("lang", "nb")
    if not LIMIT.fullmatch(limit) or int(limit) > MAX_LIMIT or lang not in EDITIONS:
        return None
    from rusfakta.search.service import BadQuestion, validate

    try:
        return validate(params["q"], int(limit)), int(limit), lang
    except BadQuestion:
        return None


class SearchAnswers:
    def __init__(self, app):
        self.app = app
        self.budget = SearchBudget()
        self.headers = {}  # per language: learnt from Django's first 200 answer to a search in it
        self.vary = {}  # what else that answer varied on (Accept-Language, from LocaleMiddleware)

    def __call__(self, environ, start_response):
        if (
            environ.get("PATH_INFO") != PATH
            or environ.get("REQUEST_METHOD") != "GET"
            or any(header in environ for header in CONDITIONAL)
        ):
            return self.app(environ, start_response)
        question = well_formed(environ.get("QUERY_STRING", ""))
        if question is None:
            return self.app(environ, start_response)
        lang = question[2]
        if lang not in self.headers:
            return self._learn(environ, start_response, lang)
        if not self.budget.allow(client_address(environ)):
            environ[LIMITED_KEY] = True
            return self.app(environ, start_response)
        start = time.perf_counter()
        from rusfakta.search.service import ask

        try:
            answer = ask(*question)
        except DatabaseError:
            return self.app(environ, start_response)
        body, headers = self._encode(answer, environ.get("HTTP_ACCEPT_ENCODING", ""), lang)
        start_response("200 OK", headers)
        access_log.info("GET %s 200 %.1fms", PATH, (time.perf_counter() - start) * 1000)
        return [body]

    def _encode(self, answer, accept_encoding, lang):
        body = json.dumps(answer, cls=NinjaJSONEncoder).encode()
        headers, vary = list(self.headers[lang]), list(self.vary[lang])
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

    def _learn(self, environ, start_response, lang):
        def learning(status, headers, exc_info=None):
            if status.startswith("200 ") and lang not in self.headers:
                vary = next((v for k, v in headers if k.lower() == "vary"), "")
                self.vary[lang] = tuple(
                    v.strip() for v in vary.split(",") if v.strip() not in ("", "Accept-Encoding")
                )
                self.headers[lang] = [(k, v) for k, v in headers if k.lower() not in PER_ANSWER]
            return start_response(status, headers, exc_info)

        return self.app(environ, learning)

"""The WSGI fast path in front of Django: the same answer, from the finished bytes."""

import pytest
from django.core.cache import cache

from rusfakta.serving.pagecache import CachedPages
from tests.serving.conftest import call_wsgi


@pytest.fixture
def wsgi(make_django_wsgi):
    cache.clear()
    django_wsgi = make_django_wsgi()
    calls = []

    def counting(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return django_wsgi(environ, start_response)

    app = CachedPages(counting)

    def get(path, **headers):
        return call_wsgi(app, path, **headers)

    yield get, calls


def test_second_request_is_served_without_django_and_is_identical(wsgi):
    get, calls = wsgi
    first, second = get("/kilder/"), get("/kilder/")
    assert calls == ["/kilder/"]
    assert first == second
    assert "Content-Security-Policy" in second["headers"]
    assert "X-Rusfakta-Page-Cache" not in second["headers"]


def test_fast_path_answers_304_for_a_known_etag(wsgi):
    get, calls = wsgi
    first = get("/kilder/")
    again = get("/kilder/", if_none_match=first["headers"]["ETag"])
    assert again["status"].startswith("304") and again["body"] == b""


def test_gzip_and_plain_answers_are_kept_apart(wsgi):
    get, _ = wsgi
    plain = get("/kilder/")
    zipped = get("/kilder/", accept_encoding="gzip")
    assert "Content-Encoding" not in plain["headers"]
    assert zipped["headers"]["Content-Encoding"] == "gzip"


def test_a_content_change_is_served_at_once(wsgi):
    from rusfakta.content.models import Passage

    get, calls = wsgi
    get("/kapittel/historikk/")
    passage = Passage.objects.filter(chapter__slug="historikk").first()
    passage.heading = "Helt ny overskrift"
    passage.save()
    assert "Helt ny overskrift" in get("/kapittel/historikk/")["body"].decode()
    assert calls == ["/kapittel/historikk/", "/kapittel/historikk/"]


@pytest.mark.parametrize("path", ["/hjelp/", "/spor/", "/api/v1/search"])
def test_pages_that_must_not_be_cached_always_reach_django(wsgi, path):
    get, calls = wsgi
    get(path)
    get(path)
    assert calls == [path, path]


def test_a_query_string_a_page_does_not_read_is_served_from_the_cache(make_django_wsgi):
    cache.clear()
    calls = []
    django_wsgi = make_django_wsgi()

    def counting(environ, start_response):
        calls.append((environ["PATH_INFO"], environ["QUERY_STRING"]))
        return django_wsgi(environ, start_response)

    app = CachedPages(counting)
    first = call_wsgi(app, "/tall/")
    for n in range(3):
        assert call_wsgi(app, "/tall/", query_string=f"cb={n}")["body"] == first["body"]
    assert call_wsgi(app, "/tall/", cookie="theme=dark; _ga=1")["body"] == first["body"]
    assert calls == [("/tall/", "")]
    # A page that reads its query string, and an editor's session, always reach Django.
    call_wsgi(app, "/blanding/", query_string="med=alkohol")
    call_wsgi(app, "/blanding/", query_string="med=alkohol")
    call_wsgi(app, "/tall/", cookie="sessionid=abc")
    assert calls[1:] == [("/blanding/", "med=alkohol"), ("/blanding/", "med=alkohol"), ("/tall/", "")]


def test_the_cache_keeps_hosts_and_schemes_apart_and_refuses_unknown_hosts(make_django_wsgi, settings):
    settings.ALLOWED_HOSTS = ["rusfakta.no", "testserver"]
    cache.clear()
    calls = []
    django_wsgi = make_django_wsgi()

    def counting(environ, start_response):
        calls.append(environ.get("HTTP_HOST"))
        return django_wsgi(environ, start_response)

    app = CachedPages(counting)
    call_wsgi(app, "/om/", host="rusfakta.no")
    call_wsgi(app, "/om/", host="rusfakta.no")
    assert call_wsgi(app, "/om/", host="evil.example")["status"].startswith("400")
    assert call_wsgi(app, "/om/", host="evil.example")["status"].startswith("400")
    assert calls == ["rusfakta.no", "evil.example", "evil.example"]

"""The WSGI search path: the same answers as the API view, without Django's request cycle."""

import gzip
import json
import logging
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusfakta.serving.searchfront import SearchAnswers, well_formed
from tests.serving.conftest import call_wsgi

QUESTIONS = [
    entry["q"]
    for entry in yaml.safe_load((Path(__file__).parents[2] / "bench" / "search_questions.yaml").read_text())
]


@pytest.fixture
def wsgi(make_django_wsgi, settings):
    settings.SEARCH_RATE_PER_SECOND, settings.SEARCH_RATE_BURST = 0.001, 1000
    django_wsgi = make_django_wsgi()
    reached_django = []

    def counting(environ, start_response):
        reached_django.append(environ.get("QUERY_STRING"))
        return django_wsgi(environ, start_response)

    fast = SearchAnswers(counting)

    class Apps:
        def fast_path(self, query_string, **kwargs):
            return _call(fast, query_string, **kwargs)

        def django(self, query_string, **kwargs):
            return _call(django_wsgi, query_string, **kwargs)

        reached = reached_django

    return Apps()


def encode(**params):
    return urlencode(params)


def test_answers_are_identical_to_the_api_views_and_do_not_reach_django(wsgi):
    for lang in ("nb", "nn", "en"):  # the first answer in each language teaches the path Django's headers
        wsgi.fast_path(encode(q="koks", lang=lang))
    learnt = len(wsgi.reached)
    assert learnt == 3
    queries = [encode(q=q) for q in QUESTIONS[::6]] + [
        encode(q="kan man dø av kokain", limit=1),
        encode(q="kokain og alkohool", limit=20, lang="en"),
        encode(q="cocaine and alchohol", limit=3, lang="en"),
        encode(q="kva skjer viss eg blandar kokain og alkohol", lang="nn"),
        encode(q="kvar kan eg kjøpe kokain", lang="nn"),
        encode(q="puster ikke etter en fest"),
        encode(q="xyzzy qwerty"),  # no passage at all: a short answer, never compressed
    ]
    for query in queries:
        for headers in ({}, {"accept_encoding": "gzip, br", "accept_language": "en-GB,en;q=0.8"}):
            ours = wsgi.fast_path(query, **headers)
            theirs = wsgi.django(query, **headers)
            assert same(ours, theirs), query
    assert len(wsgi.reached) == learnt


def test_compressed_answers_decompress_to_the_plain_answer(wsgi):
    wsgi.fast_path(encode(q="koks"))
    plain = wsgi.fast_path(encode(q="er kokain farlig"))
    zipped = wsgi.fast_path(encode(q="er kokain farlig"), accept_encoding="gzip")
    assert zipped["headers"]["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped["body"]) == plain["body"]
    answer = json.loads(plain["body"])
    assert answer["query"] == "er kokain farlig" and answer["results"]
    assert plain["headers"]["Content-Length"] == str(len(plain["body"]))
    assert "Content-Security-Policy" in plain["headers"] and "Set-Cookie" not in plain["headers"]


@pytest.mark.parametrize(
    "query_string",
    [
        "",
        "q=",
        "q=%20%20",
        "q=" + "a" * 301,
        "q=koks&limit=0",
        "q=koks&limit=21",
        "q=koks&limit=05",
        "q=koks&limit=x",
        "q=koks&lang=de",
        "q=koks&q=snø",
        "q=koks&page=2",
        "q=%FF%FE",
        "limit=3",
    ],
)
def test_anything_unusual_is_left_to_django_which_answers_it(wsgi, query_string):
    wsgi.fast_path(encode(q="koks"))
    before = len(wsgi.reached)
    ours = wsgi.fast_path(query_string)
    assert len(wsgi.reached) == before + 1
    assert same(ours, wsgi.django(query_string))
    if ours["status"].startswith("400"):
        assert set(json.loads(ours["body"])["error"]) == {"code", "message"}


def test_well_formed_accepts_exactly_the_common_case():
    assert well_formed("q=koks") == ("koks", 5, "nb")
    assert well_formed("q=kan+man+d%C3%B8&limit=12&lang=en") == ("kan man dø", 12, "en")
    assert well_formed("lang=nb&q=x") == ("x", 5, "nb")
    assert well_formed("lang=nn&q=x") == ("x", 5, "nn")
    for bad in ("", "q=a&q=b", "q=a&limit=", "q=a&limit=0", "q=a&limit=-1", "q=a&x=1", "q=%C3"):
        assert well_formed(bad) is None, bad


def test_head_and_post_are_left_to_django(wsgi):
    wsgi.fast_path(encode(q="koks"))
    before = len(wsgi.reached)
    for method, status in (("HEAD", "200"), ("POST", "405")):
        ours = wsgi.fast_path(encode(q="koks"), method=method)
        assert ours["status"].startswith(status) and same(ours, wsgi.django(encode(q="koks"), method=method))
    assert len(wsgi.reached) == before + 2


def test_conditional_requests_are_left_to_django(wsgi):
    first = wsgi.fast_path(encode(q="koks"))
    before = len(wsgi.reached)
    assert "ETag" not in first["headers"]  # answers are no-store: nothing to revalidate
    again = wsgi.fast_path(
        encode(q="koks"), if_none_match='"abc"', if_modified_since="Sun, 29 Nov 2026 10:00:00 GMT"
    )
    assert len(wsgi.reached) == before + 1
    assert same(again, wsgi.django(encode(q="koks"), if_none_match='"abc"'))


def test_one_rate_limit_per_client_whichever_way_the_question_is_answered(make_django_wsgi, settings):
    # A path with its own small bucket; its first answer (which teaches it the headers) comes from Django.
    settings.SEARCH_RATE_PER_SECOND, settings.SEARCH_RATE_BURST = 0.001, 3  # no refill during the test
    fast = SearchAnswers(make_django_wsgi())
    statuses = []
    for query in (encode(q="koks"), encode(q="snø"), encode(q="kola"), encode(q="tusi")):
        statuses.append(_call(fast, query, client="10.1.1.1")["status"][:3])
    assert statuses == ["200", "200", "200", "429"]
    # The same client's unusual request, which Django answers, counts against the same bucket.
    refused = _call(fast, "q=koks&limit=0", client="10.1.1.1")
    assert refused["status"].startswith("429")
    assert json.loads(refused["body"])["error"]["code"] == "too_many_requests"
    assert refused["headers"]["Retry-After"] == "5"
    assert _call(fast, encode(q="koks"), client="10.1.1.2")["status"].startswith("200")


def test_the_question_is_not_in_the_access_log(wsgi, caplog):
    wsgi.fast_path(encode(q="koks"))
    with caplog.at_level(logging.INFO, logger="rusfakta.access"):
        wsgi.fast_path(encode(q="hemmelig spørsmål om kokain"))
    lines = [r.getMessage() for r in caplog.records if r.name == "rusfakta.access"]
    assert lines and lines[-1].startswith("GET /api/v1/search 200 ")
    assert not any("hemmelig" in line or "q=" in line for line in lines)


def same(ours, theirs):
    """Equal answers. django-csp writes its directives in no fixed order, so those compare as sets;
    gzip adds random bytes against BREACH, so compressed bodies compare decompressed, and their
    length can only be checked against the bytes."""

    def normal(answer):
        headers, body = dict(answer["headers"]), answer["body"]
        if "Content-Security-Policy" in headers:
            headers["Content-Security-Policy"] = set(headers["Content-Security-Policy"].split("; "))
        if headers.get("Content-Encoding") == "gzip":
            assert headers.pop("Content-Length") == str(len(body))
            body = gzip.decompress(body)
        return answer["status"], headers, body

    return normal(ours) == normal(theirs)


def _call(app, query_string, **kwargs):
    return call_wsgi(app, "/api/v1/search", query_string, **kwargs)


def test_no_cache_may_keep_a_question_or_its_answer(wsgi):
    wsgi.fast_path(encode(q="koks"))
    assert wsgi.fast_path(encode(q="snø"))["headers"]["Cache-Control"] == "no-store"
    assert wsgi.django(encode(q="snø"))["headers"]["Cache-Control"] == "no-store"


values = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["5", "1", "20", "21", "0", "05", "-1", "nb", "en", "NB", " koks ", "%FF", "%C3%B8"]),
)
query_strings = st.one_of(
    st.lists(st.tuples(st.sampled_from(["q", "limit", "lang", "x", "Q"]), values), max_size=4).map(
        lambda pairs: "&".join(f"{k}={quote(v, safe='%')}" for k, v in pairs)
    ),
    st.text(max_size=30),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query_string=query_strings)
def test_any_query_string_gets_the_answer_django_would_give(wsgi, query_string):
    wsgi.fast_path(encode(q="koks"))
    before = len(wsgi.reached)
    question = well_formed(query_string)  # never raises
    ours = wsgi.fast_path(query_string)
    assert same(ours, wsgi.django(query_string))
    if question is None:
        assert len(wsgi.reached) == before + 1
    else:
        assert ours["status"].startswith("200") and len(wsgi.reached) == before


def test_a_lost_database_gives_the_clean_503_not_a_traceback(wsgi, monkeypatch):
    from django.db import OperationalError
    from django.db.backends.base.base import BaseDatabaseWrapper

    wsgi.fast_path(encode(q="koks"))
    before = len(wsgi.reached)

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", broken)
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", broken)
    try:
        answer = wsgi.fast_path(encode(q="er kokain farlig"))
    finally:
        monkeypatch.undo()  # before the test database rolls back
    assert answer["status"].startswith("503") and len(wsgi.reached) == before + 1
    assert json.loads(answer["body"])["error"]["code"] == "unavailable"


def test_behind_our_proxy_each_visitor_has_their_own_limit(make_django_wsgi, settings):
    settings.BEHIND_PROXY, settings.SEARCH_RATE_PER_SECOND, settings.SEARCH_RATE_BURST = True, 0.001, 2
    fast = SearchAnswers(make_django_wsgi())

    def status(forwarded):
        # Every request reaches us from the proxy's address; the proxy appends the visitor's.
        return _call(fast, encode(q="koks"), client="10.0.0.99", x_forwarded_for=forwarded)["status"][:3]

    assert [status("203.0.113.5") for _ in range(3)] == ["200", "200", "429"]
    assert status("203.0.113.6") == "200"
    # A visitor cannot pick a fresh bucket by sending their own X-Forwarded-For first.
    assert status("198.51.100.1, 203.0.113.5") == "429"


def test_without_a_proxy_x_forwarded_for_is_ignored(settings):
    from rusfakta.serving.searchfront import client_address

    settings.BEHIND_PROXY = False
    assert client_address({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}) == "10.0.0.1"
    settings.BEHIND_PROXY = True
    assert (
        client_address({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 5.6.7.8"}) == "5.6.7.8"
    )
    assert client_address({"REMOTE_ADDR": "10.0.0.1"}) == "10.0.0.1"

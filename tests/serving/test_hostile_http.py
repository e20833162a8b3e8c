"""Hostile and odd clients against the real server (`rusfakta serve`, granian) over real HTTP."""

import http.client
import json
import os
import re
import socket
import time
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import drop_database, server_environment, start_server, stop_server

# Only the admin reads a body. Not its login form, which counts posts per client (editors/login.py).
ADMIN_FORM = "/" + os.environ.get("RUSFAKTA_ADMIN_PATH", "admin").strip("/") + "/statistics/statistic/add/"
ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d ")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env, cleanup = server_environment(tmp_path_factory.mktemp("data"))
    env.update(
        RUSFAKTA_BODY_SECONDS="1",
        RUSFAKTA_ALLOWED_HOSTS="127.0.0.1,localhost",
        RUSFAKTA_BEHIND_PROXY="1",
        RUSFAKTA_SEARCH_RATE="0.001",
        RUSFAKTA_SEARCH_BURST="20",
    )
    log = tmp_path_factory.mktemp("log") / "serve.log"
    process, base = start_server(env, log)
    yield urlparse(base), log
    stop_server(process)
    drop_database(cleanup)


def ask(server, method, path, body=None, **headers):
    target, _ = server
    # Generous: the first /hefte.pdf draws every chart and builds the booklet, on a busy machine.
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
    try:
        connection.request(
            method, path, body=body, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read()  # headers: case-insensitive
    finally:
        connection.close()


def log_lines(server):
    _, log = server
    return log.read_text(errors="replace").splitlines()


def raw(server, payload):
    target, _ = server
    s = socket.create_connection((target.hostname, target.port), timeout=10)
    s.sendall(payload)
    return s


def stalled_post(server, path):
    return raw(
        server,
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 20000\r\n\r\nq1=a".encode(),
    )


def test_stalled_bodies_and_slow_headers_hold_no_worker(server):
    stalled = [stalled_post(server, ADMIN_FORM) for _ in range(30)]
    slow = [raw(server, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") for _ in range(30)]
    try:
        time.sleep(0.5)
        for path in ("/", "/hjelp/") * 10:
            start = time.monotonic()
            status, _, _ = ask(server, "GET", path)
            assert status == 200
            assert time.monotonic() - start < 5  # far below the body deadline times the stalled clients
    finally:
        for s in stalled + slow:
            s.close()


def test_a_stalled_body_is_answered_408_after_the_deadline(server):
    # The test before leaves 30 closed stalled clients; on a loaded machine their reader threads may
    # not have seen the close yet, and while they hold every reader slot a new body gets 503 at once.
    give_up = time.monotonic() + 10
    while True:
        s = stalled_post(server, ADMIN_FORM)
        try:
            answer = s.recv(64)
        finally:
            s.close()
        if not answer.startswith(b"HTTP/1.1 503") or time.monotonic() > give_up:
            break
        time.sleep(0.2)
    assert answer.startswith(b"HTTP/1.1 408")


@pytest.mark.parametrize("path", ["/om/", "/quiz/resultat/", "/en/quiz/ett-om-gangen/"])
def test_a_body_on_a_path_that_takes_none_is_not_waited_for(server, path):
    """Only the admin reads a body: the quiz's forms are GET, so a POST there is refused at once."""
    s = stalled_post(server, path)
    try:
        start = time.monotonic()
        answer = s.recv(4096)
        assert answer.startswith(b"HTTP/1.1 405") and b"\r\nallow: get, head, options\r\n" in answer.lower()
        assert time.monotonic() - start < 1
    finally:
        s.close()


def test_file_uploads_and_large_bodies_are_refused(server):
    upload = (
        b'--x\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n'
        + b"0" * 1000
        + b"\r\n--x--\r\n"
    )
    status, _, body = ask(
        server, "POST", "/quiz/resultat/", upload, Content_Type="multipart/form-data; boundary=x"
    )
    assert status == 405  # no form outside the admin takes a body at all, let alone a file
    status, _, _ = ask(
        server,
        "POST",
        ADMIN_FORM,
        b"a=" + b"1" * 200_000,
        Content_Type="application/x-www-form-urlencoded",
    )
    assert status == 413


MALFORMED = [
    ("/api/v1/statistics?" + "&".join(f"p{i}=1" for i in range(250)), 400),
    ("/api/v1/search?" + "&".join(f"q{i}=1" for i in range(250)), 400),
    ("/api/v1/statistics/x%00", 404),
    ("/api/v1/mixing/x%00", 404),
    ("/api/v1/statistics?lang=nb%00", 400),
    ("/api/v1/search?q=%ff%fe", 400),
    ("/spor/?" + "&".join(f"q{i}=1" for i in range(250)), 400),
    ("/kapittel/x%00/", 404),
    ("/tall/x%00/", 404),
    ("/spor/?q=koks%00", 400),
    ("/kapittel/%ff/", 404),
]


@pytest.mark.parametrize("path, expected", MALFORMED, ids=[p[:40] for p, _ in MALFORMED])
def test_malformed_requests_get_a_4xx_in_our_shape_never_unavailable(server, path, expected):
    status, headers, body = ask(server, "GET", path)
    assert status == expected
    assert "Retry-After" not in headers
    if path.startswith("/api/"):
        assert set(json.loads(body)["error"]) == {"code", "message"}
        assert headers["Cache-Control"] == "no-store"
    else:
        assert '<html lang="nb">' in body.decode() and "Rusfakta" in body.decode()


def test_trace_is_refused_and_options_is_an_empty_answer_with_allow(server):
    status, headers, _ = ask(server, "TRACE", "/")
    assert status == 405 and headers["Allow"] == "GET, HEAD, OPTIONS"
    status, headers, body = ask(server, "OPTIONS", "/hefte.pdf")
    assert status == 204 and body == b"" and headers["Allow"] == "GET, HEAD, OPTIONS"
    status, headers, _ = ask(server, "OPTIONS", "/admin/login/")
    assert status == 204 and headers["Allow"] == "GET, HEAD, OPTIONS, POST"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "PROPFIND"])
def test_other_methods_get_405_in_the_readers_language_or_json(server, method):
    status, headers, body = ask(server, method, "/om/")
    assert status == 405 and "Denne siden kan bare leses" in body.decode() and "DEBUG" not in body.decode()
    status, _, body = ask(server, method, "/en/om/")
    assert status == 405 and "This page can only be read" in body.decode()
    status, headers, body = ask(server, method, "/api/v1/statistics")
    assert status == 405 and json.loads(body)["error"]["code"] == "method_not_allowed"
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/", "/tall/", "/hjelp/", "/api/v1/search?q=koks", "/api/v1/statistics", "/hefte.pdf"]
)
def test_head_works_wherever_get_does(server, path):
    get_status, get_headers, get_body = ask(server, "GET", path)
    status, headers, body = ask(server, "HEAD", path)
    assert (status, body) == (get_status, b"") and get_status == 200
    assert headers["Content-Type"] == get_headers["Content-Type"]


def test_the_pdf_has_validators_ranges_and_a_long_max_age_per_version(server):
    status, headers, body = ask(server, "GET", "/hefte.pdf")
    assert status == 200 and body.startswith(b"%PDF")
    etag, size = headers["ETag"], len(body)
    assert headers["Last-Modified"] and headers["Accept-Ranges"] == "bytes"
    status, headers, part = ask(server, "GET", "/hefte.pdf", Range="bytes=0-99")
    assert status == 206 and part == body[:100] and headers["Content-Range"] == f"bytes 0-99/{size}"
    status, _, part = ask(server, "GET", "/hefte.pdf", Range="bytes=-10")
    assert status == 206 and part == body[-10:]
    status, headers, _ = ask(server, "GET", "/hefte.pdf", Range=f"bytes={size}-")
    assert status == 416 and headers["Content-Range"] == f"bytes */{size}"
    assert ask(server, "GET", "/hefte.pdf", If_None_Match=etag)[0] == 304
    assert ask(server, "GET", "/hefte.pdf", If_None_Match="W/" + etag)[0] == 304
    version = etag.strip('"')
    _, headers, _ = ask(server, "GET", f"/hefte.pdf?v={version}")
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # The pages link the PDF with the version it is now, so the long max-age is the one they get.
    for page in ("/", "/innhold/"):
        assert f'href="/hefte.pdf?v={version}"' in ask(server, "GET", page)[2].decode()
    # A link from an older version (a page kept somewhere) still gets today's PDF, revalidated.
    status, headers, old = ask(server, "GET", "/hefte.pdf?v=0123abcd-0123456789-nb")
    assert status == 200 and old == body and headers["ETag"] == etag
    assert headers["Cache-Control"] == "public, no-cache"


def test_weak_etags_are_compared_weakly_on_cached_pages(server):
    ask(server, "GET", "/kilder/")
    status, headers, _ = ask(server, "GET", "/kilder/")
    etag = headers["ETag"]
    for tag in (etag, "W/" + etag.removeprefix("W/"), etag.removeprefix("W/")):
        assert ask(server, "GET", "/kilder/", If_None_Match=tag)[0] == 304


def test_api_4xx_and_429_answers_are_no_store(server):
    statuses = [ask(server, "GET", "/api/v1/search?q=koks") for _ in range(25)]
    limited = [(s, h) for s, h, _ in statuses if s == 429]
    assert limited and all(h["Cache-Control"] == "no-store" for _, h in limited)
    status, headers, _ = ask(server, "GET", "/api/v1/statistics/finnes-ikke")
    assert status == 404 and headers["Cache-Control"] == "no-store"


def test_the_cache_keeps_schemes_apart_and_checks_the_host_first(server):
    for _ in range(2):
        status, headers, _ = ask(server, "GET", "/om/", X_Forwarded_Proto="http")
        assert status == 200 and "Strict-Transport-Security" not in headers
    status, headers, _ = ask(server, "GET", "/om/", X_Forwarded_Proto="https")
    assert status == 200 and headers["Strict-Transport-Security"].startswith("max-age=")
    status, _, body = ask(server, "GET", "/om/", Host="evil.example")
    assert status == 400 and "Forespørselen var ugyldig" in body.decode()


def test_unused_query_strings_and_visitors_cookies_get_the_one_cached_page_per_language(server):
    _, headers, body = ask(server, "GET", "/tall/")
    etag = headers["ETag"]
    for variant in (
        {"path": "/tall/?cb=1"},
        {"path": "/tall/?cb=2&x=y"},
        {"path": "/tall/", "Cookie": "a=1"},
    ):
        path = variant.pop("path")
        status, headers, same = ask(server, "GET", path, **variant)
        assert status == 200 and headers["ETag"] == etag and same == body, path
        assert ask(server, "GET", path, If_None_Match=etag, **variant)[0] == 304
    status, headers, _ = ask(server, "GET", "/en/tall/")
    assert status == 200 and headers["Content-Language"] == "en" and headers["ETag"] != etag
    # A page that reads its query string is never answered with another query's page.
    first = ask(server, "GET", "/blanding/?med=alkohol")[2]
    assert ask(server, "GET", "/blanding/?med=heroin")[2] != first


def test_log_lines_are_escaped_timed_with_offset_and_hold_no_client_traceback(server):
    ask(server, "GET", "/om/%0a2026-01-01%20INFO%20rusfakta.access%20GET%20/fake%20200")
    ask(server, "GET", "/om/%00x")
    ask(server, "GET", "/", Host="evil.example\u0000")
    time.sleep(0.5)
    lines = log_lines(server)
    access = [line for line in lines if " rusfakta.access " in line]
    assert access and all(ISO_TIME.match(line) for line in access)
    assert not any(line.startswith("2026-01-01") for line in lines)
    assert any("/om/%0A2026-01-01%20INFO" in line for line in access)
    assert any("/om/%00x 404" in line for line in access)
    assert "\x00" not in "\n".join(lines)
    assert not any("Traceback" in line or "evil.example" in line for line in lines)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    env, cleanup = server_environment(tmp_path_factory.mktemp("production"))
    env.update(
        RUSFAKTA_ENV="production",
        RUSFAKTA_SECRET_KEY="production-test-" + "0123456789abcdef" * 3,
        RUSFAKTA_ALLOWED_HOSTS="127.0.0.1",
        RUSFAKTA_BEHIND_PROXY="1",
    )
    process, base = start_server(env, tmp_path_factory.mktemp("log") / "production.log")
    yield urlparse(base), None
    stop_server(process)
    drop_database(cleanup)


def test_behind_the_proxy_plain_http_is_redirected_to_https(production):
    target, _ = production
    status, headers, _ = ask(production, "GET", "/om/?a=1", X_Forwarded_Proto="http")
    assert status == 301 and headers["Location"] == f"https://127.0.0.1:{target.port}/om/?a=1"
    status, headers, _ = ask(production, "GET", "/om/", X_Forwarded_Proto="https")
    assert status == 200 and "includeSubDomains" in headers["Strict-Transport-Security"]
    assert ask(production, "GET", "/healthz", X_Forwarded_Proto="http")[0] == 200  # the load balancer's check


def test_an_admin_form_may_be_multipart_but_its_files_are_never_kept(settings, tmp_path):
    """The admin's revert form is multipart; a file part in any admin post is dropped unread."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import RequestFactory

    request = RequestFactory().post(
        "/admin/x/", {"name": "kept", "upload": SimpleUploadedFile("a.txt", b"x" * 100)}
    )
    assert request.POST["name"] == "kept"
    assert len(request.FILES) == 0

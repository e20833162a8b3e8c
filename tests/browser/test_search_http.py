"""The search API over real HTTP, from the production server (where the WSGI search path answers)."""

import concurrent.futures
import gzip
import http.client
import json
from urllib.parse import urlencode, urlparse

import pytest

pytestmark = pytest.mark.browser


def fetch(live_url, query_string, **headers):
    target = urlparse(live_url)
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
    connection.request("GET", "/api/v1/search?" + query_string, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_a_question_gets_passages_with_the_sites_headers_and_no_cookie(live_url):
    status, headers, body = fetch(live_url, urlencode({"q": "kan man dø av kokain", "limit": 3}))
    assert status == 200
    answer = json.loads(body)
    assert set(answer) == {"query", "corrected", "covered", "answer", "results", "notice"}
    assert answer["query"] == "kan man dø av kokain" and 1 <= len(answer["results"]) <= 3
    first = answer["results"][0]
    assert set(first) == {"id", "title", "text", "url", "score", "sources", "pages"}
    assert first["url"].startswith("/kapittel/") and first["sources"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer" and headers["x-content-type-options"] == "nosniff"
    assert "set-cookie" not in headers
    assert headers["content-length"] == str(len(body))
    assert headers["cache-control"] == "no-store"


def test_answers_are_compressed_for_clients_that_take_gzip(live_url):
    query = urlencode({"q": "kokain og alkohol"})
    _, plain_headers, plain = fetch(live_url, query)
    status, headers, body = fetch(live_url, query, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain_headers
    assert json.loads(gzip.decompress(body)) == json.loads(plain)


def test_the_emergency_notice_comes_with_the_answers(live_url):
    _, _, body = fetch(live_url, urlencode({"q": "han puster ikke"}))
    answer = json.loads(body)
    assert answer["notice"]["kind"] == "emergency" and "113" in answer["notice"]["text"]
    assert answer["results"]


@pytest.mark.parametrize(
    "query_string",
    [
        "",
        "q=",
        "q=%20%09",
        urlencode({"q": "a" * 301}),
        "q=koks&limit=0",
        "q=koks&limit=abc",
        "q=koks&lang=xx",
    ],
)
def test_bad_questions_get_400_in_the_error_shape(live_url, query_string):
    status, headers, body = fetch(live_url, query_string)
    assert status == 400
    assert set(json.loads(body)["error"]) == {"code", "message"}
    assert "set-cookie" not in headers


def test_zz_a_client_asking_too_fast_gets_429_and_the_server_keeps_answering(live_url):
    # Runs last in this file: it spends this client's bucket (30 questions, then 5 a second).
    def ask(number):
        return fetch(live_url, urlencode({"q": f"kokain {number}"}))

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(80)))
    statuses = [status for status, _, _ in answers]
    assert set(statuses) == {200, 429}
    _, headers, body = next(answer for answer in answers if answer[0] == 429)
    assert headers["retry-after"] == "5" and "set-cookie" not in headers
    assert json.loads(body)["error"]["code"] == "too_many_requests"
    health = http.client.HTTPConnection(urlparse(live_url).hostname, urlparse(live_url).port, timeout=5)
    health.request("GET", "/healthz")
    assert health.getresponse().status == 200

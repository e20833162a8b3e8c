"""A PostgreSQL outage over real HTTP: `rusfakta serve` reaches the database through a proxy that the
test cuts and restores. While cut, pages and the API answer 503 with Retry-After; the log gets one
ERROR line when the outage starts and one when it ends, with the count of 503s between.

One worker: each process reports its own outage (decision 0013), so with two there would be a pair
of lines from each."""

import json
import os
import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.browser.conftest import drop_database, server_environment, start_server, stop_server
from tests.support.plainhttp import get
from tests.support.tcpproxy import CuttableProxy

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="an outage of PostgreSQL, through a proxy the test cuts: scripts/test runs this in its PostgreSQL pass",
)

STARTED = "database unavailable: answering 503 until it is back"
DATABASE_PATHS = (
    "/tall/",
    "/kapittel/historikk/",
    "/en/om/",
    "/api/v1/statistics",
    "/api/v1/search?q=koks",
    "/spor/?q=koks",
)


@pytest.fixture
def server_behind_proxy(tmp_path):
    env, cleanup = server_environment(tmp_path / "data")
    url = urlsplit(env["DATABASE_URL"])
    proxy = CuttableProxy(url.hostname, url.port)
    user = url.netloc.rpartition("@")[0]
    env["DATABASE_URL"] = urlunsplit(url._replace(netloc=f"{user}@127.0.0.1:{proxy.port}"))
    log = tmp_path / "serve.log"
    server, base = start_server(env, log)
    yield urlsplit(base), proxy, log
    stop_server(server)
    proxy.close()
    drop_database(cleanup)


def error_lines(log):
    """The log's ERROR lines (time, level, logger, message), without the time."""
    lines = log.read_text().splitlines()
    return [line.split(" ", 2)[2] for line in lines if line.split(" ")[1:2] == ["ERROR"]]


def test_an_outage_answers_503_and_logs_one_line_when_it_starts_and_one_when_it_ends(server_behind_proxy):
    target, proxy, log = server_behind_proxy
    for path in DATABASE_PATHS:  # every page and answer once with the database there (caches filled)
        assert get(target, path)[0] == 200, path
    assert error_lines(log) == []

    proxy.cut()
    answers = [get(target, path) for path in DATABASE_PATHS * 3]
    assert [status for status, _, _ in answers] == [503] * len(answers)
    assert all(headers["Retry-After"] == "30" for _, headers, _ in answers)
    for (_, headers, body), path in zip(answers, DATABASE_PATHS * 3, strict=True):
        if path.startswith("/api/"):
            assert json.loads(body)["error"]["code"] == "unavailable", path
        else:
            assert "text/html" in headers["Content-Type"], path
    assert error_lines(log) == [f"rusfakta {STARTED}"]  # one line for the whole outage so far

    proxy.restore()
    assert get(target, "/tall/")[0] == 200  # the first request after it is back is answered
    for path in DATABASE_PATHS:
        assert get(target, path)[0] == 200, path
    deadline = time.monotonic() + 5
    while len(error_lines(log)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    started, ended = error_lines(log)
    assert started == f"rusfakta {STARTED}"
    assert ended.startswith("rusfakta database back after ")
    assert ended.endswith(f" s; {len(answers)} requests were answered 503")
    assert "Traceback" not in log.read_text()

"""A bounded burst against the real server: no errors, and /healthz keeps answering."""

import concurrent.futures
import http.client
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

PATHS = [
    "/",
    "/kapittel/utbredelse/",
    "/tall/",
    "/kilder/",
    "/api/v1/statistics",
    "/tall/diagram/figur-6-tilbudt.svg",
]


def test_server_survives_a_burst_with_zero_errors(live_url):
    target = urlparse(live_url)

    def worker(number):
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        statuses = []
        for i in range(60):
            connection.request("GET", PATHS[(number + i) % len(PATHS)], headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        return statuses

    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        statuses = [s for batch in pool.map(worker, range(16)) for s in batch]
    assert len(statuses) == 960
    assert set(statuses) == {200}
    health = http.client.HTTPConnection(target.hostname, target.port, timeout=5)
    health.request("GET", "/healthz")
    assert health.getresponse().status == 200

"""Hostile clients against `rusfakta serve` on loopback: stalled bodies, slow headers, odd requests.

Opens N connections that send POST headers for the admin's login (the only path that reads a body)
with `Content-Length: 20000`, 4 bytes of body and then nothing, and N that send half a request line
and headers and then nothing. While they are open it times plain GETs of `/` and `/hjelp/` on fresh connections, then prints what a list of malformed
requests is answered with. Prints figures; asserts nothing. Every loop is bounded.

    .venv/bin/python bench/hostile.py [--stalled 100] [--slow 100] [--requests 100] [--workers N]
"""

import argparse
import http.client
import os
import socket
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import running_server  # noqa: E402

# The admin's login is the one form that is posted, so the only place a body is read (and waited for).
LOGIN = "/" + os.environ.get("RUSFAKTA_ADMIN_PATH", "admin").strip("/") + "/login/"
STALLED_BODY = (
    f"POST {LOGIN} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode()
    + b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\nq1=a"
)
SLOW_HEADERS = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
MALFORMED = [
    ("250 query parameters", "GET", "/api/v1/statistics?" + "&".join(f"p{i}=1" for i in range(250)), {}),
    ("250 parameters on /spor/", "GET", "/spor/?" + "&".join(f"q{i}=1" for i in range(250)), {}),
    ("NUL in an API id", "GET", "/api/v1/statistics/x%00", {}),
    ("NUL in a chapter slug", "GET", "/kapittel/x%00/", {}),
    ("bad UTF-8 in the query", "GET", "/api/v1/search?q=%ff%fe", {}),
    ("bad UTF-8 in the path", "GET", "/kapittel/%ff/", {}),
    ("bad Host", "GET", "/", {"Host": "evil.example"}),
    ("TRACE", "TRACE", "/", {}),
    ("OPTIONS on the PDF", "OPTIONS", "/hefte.pdf", {}),
    ("DELETE", "DELETE", "/om/", {}),
    ("PUT on the API", "PUT", "/api/v1/statistics", {}),
    ("HEAD on the search API", "HEAD", "/api/v1/search?q=kokain", {}),
    ("Range on the PDF", "GET", "/hefte.pdf", {"Range": "bytes=0-99"}),
]


def open_hostile(host, port, count, payload):
    sockets = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(payload)
        sockets.append(s)
    return sockets


def still_open(sockets):
    open_count = 0
    for s in sockets:
        s.setblocking(False)
        try:
            open_count += s.recv(1, socket.MSG_PEEK) != b""
        except BlockingIOError:
            open_count += 1
        except OSError:
            pass
    return open_count


def timed_gets(host, port, path, count, timeout):
    timings, failures = [], 0
    for _ in range(count):
        start = time.perf_counter()
        try:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            failures += response.status != 200
            connection.close()
        except OSError:
            failures += 1
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))], failures


def status_of(host, port, method, path, headers):
    connection = http.client.HTTPConnection(host, port, timeout=120)  # the first PDF is built now
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        kind = response.getheader("Content-Type", "").split(";")[0]
        extra = [f"{name}: {response.getheader(name)}" for name in ("Allow", "ETag", "Content-Range")]
        return f"{response.status} {kind} {len(body)} B " + " ".join(
            e for e in extra if not e.endswith("None")
        )
    except OSError as exc:
        return f"failed: {exc.__class__.__name__}"
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stalled", type=int, default=100)
    parser.add_argument("--slow", type=int, default=100)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=2.0, help="per GET, seconds")
    parser.add_argument("--workers", type=int)
    args = parser.parse_args()
    with running_server(args.workers) as base:
        host, port = urlparse(base).hostname, urlparse(base).port
        for path in ("/", "/hjelp/"):
            timed_gets(host, port, path, 5, 10)  # warm caches
        for path in ("/", "/hjelp/"):
            p50, p99, failures = timed_gets(host, port, path, args.requests, args.timeout)
            print(f"quiet        GET {path:8s} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  failures {failures}")
        stalled = open_hostile(host, port, args.stalled, STALLED_BODY)
        slow = open_hostile(host, port, args.slow, SLOW_HEADERS)
        time.sleep(1)
        try:
            for path in ("/", "/hjelp/"):
                p50, p99, failures = timed_gets(host, port, path, args.requests, args.timeout)
                print(
                    f"under attack GET {path:8s} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
                    f"failures {failures}/{args.requests} (timeout {args.timeout:g} s)"
                )
            print(
                f"after the GETs: {still_open(stalled)}/{args.stalled} stalled bodies and "
                f"{still_open(slow)}/{args.slow} slow headers still open"
            )
        finally:
            for s in stalled + slow:
                s.close()
        for name, method, path, headers in MALFORMED:
            print(f"{name:28s} {status_of(host, port, method, path, headers)}")


if __name__ == "__main__":
    main()

"""What an ordinary visitor sees while someone floods the editors' login with wrong passwords.

Starts `rusfakta serve` (default workers) twice: once with the per-client login limit as shipped,
once with it effectively off (RUSFAKTA_LOGIN_ATTEMPTS=1000000, how it was before). In each, N
attackers on loopback post wrong passwords (with a valid CSRF token, as a browser would, and a new user name
each time so that the lockout never stops them) for
--seconds, while one visitor asks for /om/ in a loop. Prints the visitor's p50/p99 and the
attackers' statuses. Bounded in time; loopback only; asserts nothing.

    .venv/bin/python bench/login_flood.py [--seconds 10] [--attackers 8]
"""

import argparse
import http.client
import os
import re
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import running_server  # noqa: E402


def attacker(host, port, until, statuses):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/admin/login/")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    attempt = 0
    while time.monotonic() < until:
        attempt += 1  # a new user name each time, so the lockout never stops the hashing
        body = urlencode({"csrfmiddlewaretoken": token, "username": f"redaktor{attempt}", "password": "feil"})
        try:
            connection.request("POST", "/admin/login/", body, headers)
            response = connection.getresponse()
            response.read()
            statuses[response.status] += 1
        except (OSError, http.client.HTTPException):  # the server closed the connection: open another
            statuses["reconnect"] += 1
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)


def visitor(host, port, until, times):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    while time.monotonic() < until:
        start = time.perf_counter()
        connection.request("GET", "/om/")
        connection.getresponse().read()
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.01)


def run(label, seconds, attackers):
    with running_server() as base:
        target = urlparse(base)
        quiet = []
        visitor(target.hostname, target.port, time.monotonic() + 2, quiet)
        statuses, times = Counter(), []
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(target=attacker, args=(target.hostname, target.port, until, statuses))
            for _ in range(attackers)
        ]
        for thread in threads:
            thread.start()
        visitor(target.hostname, target.port, until, times)
        for thread in threads:
            thread.join()
        q = statistics.quantiles(times, n=100)
        print(
            f"{label:28} visitor /om/ quiet p50 {statistics.median(quiet):6.1f} ms | during flood "
            f"p50 {q[49]:6.1f} ms p99 {q[98]:7.1f} ms ({len(times)} requests) | "
            f"login posts: {dict(sorted(statuses.items(), key=str))}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--attackers", type=int, default=8)
    args = parser.parse_args()
    os.environ.pop("RUSFAKTA_LOGIN_ATTEMPTS", None)
    run("limit on (shipped)", args.seconds, args.attackers)
    os.environ["RUSFAKTA_LOGIN_ATTEMPTS"] = "1000000"
    run("limit off (as before)", args.seconds, args.attackers)


if __name__ == "__main__":
    main()

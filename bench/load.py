"""Load benchmark: requests/s and latency at 32 connections against `rusfakta serve`.

Uses wrk (Debian package `wrk`) when installed, else a bounded Python load loop. When nginx is
installed, the same home page HTML is also served by nginx from a file, and the ratio printed.
Prints figures; asserts nothing.

    python3 bench/load.py [--seconds 10] [--connections 32]
"""

import argparse
import concurrent.futures
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import free_port, running_server  # noqa: E402

TARGETS = {
    "home": "/",
    "chapter": "/kapittel/utbredelse/",
    "numbers": "/tall/",
    "search API": "/api/v1/search?q=kan+man+d%C3%B8+av+kokain",
}


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    count = int(errors.group(1)) if errors else 0
    count += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return rate, float(p50.group(1)) * scale[p50.group(2)], float(p99.group(1)) * scale[p99.group(2)], count


def python_load(url, seconds, connections):
    parsed = urlparse(url)
    path = parsed.path + ("?" + parsed.query if parsed.query else "")
    deadline = time.monotonic() + seconds

    def worker():
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
        timings, errors = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = conn.getresponse()
                response.read()
                errors += response.status >= 400
            except OSError:
                errors += 1
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
            timings.append((time.perf_counter() - start) * 1000)
        return timings, errors

    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        results = list(pool.map(lambda _: worker(), range(connections)))
    timings = sorted(t for ts, _ in results for t in ts)
    errors = sum(e for _, e in results)
    return len(timings) / seconds, statistics.median(timings), timings[int(len(timings) * 0.99)], errors


def nginx_rate(html, seconds, connections, measure):
    root = Path(tempfile.mkdtemp())
    root.chmod(0o755)  # nginx's workers run as another user
    (root / "index.html").write_bytes(html)
    (root / "index.html").chmod(0o644)
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(
        f"worker_processes {os.cpu_count()}; pid {root}/nginx.pid; error_log {root}/error.log; daemon off;\n"
        f"events {{ worker_connections 1024; }}\n"
        f"http {{ access_log off; server {{ listen 127.0.0.1:{port}; root {root}; }} }}\n"
    )
    nginx = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(root)])
    try:
        time.sleep(1)
        return measure(f"http://127.0.0.1:{port}/index.html", seconds, connections)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    measure = wrk if shutil.which("wrk") else python_load
    print(
        f"tool: {'wrk' if measure is wrk else 'python threads'}, {args.connections} connections, {args.seconds} s each"
    )
    with running_server() as base:
        for path in TARGETS.values():  # warm caches (page cache, charts, search index)
            urllib.request.urlopen(base + path).read()
        results = {}
        for name, path in TARGETS.items():
            rate, p50, p99, errors = measure(base + path, args.seconds, args.connections)
            results[name] = rate
            print(f"{name:12s} {rate:9.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   errors {errors}")
        with urllib.request.urlopen(base + "/healthz") as response:
            print(f"healthz after the load: {response.status} {response.read().decode()}")
        if shutil.which("nginx"):
            html = urllib.request.urlopen(base + "/").read()
            rate, p50, p99, errors = nginx_rate(html, args.seconds, args.connections, measure)
            print(
                f"{'nginx file':12s} {rate:9.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   errors {errors}"
            )
            for name in ("home", "chapter", "numbers"):
                print(f"{name} at {results[name] / rate:.1%} of nginx's rate")
        else:
            print("nginx is not installed: no comparison (apt-get install nginx)")


if __name__ == "__main__":
    main()

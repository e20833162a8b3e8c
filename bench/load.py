"""Load benchmark: requests/s and latency at 32 connections against `rusfakta serve`.

Uses wrk (Debian package `wrk`) when installed, else a bounded Python load loop. When nginx is
installed, the same home page HTML is also served by nginx from a file, and the ratio printed.
Prints figures; asserts nothing.

The server runs as in production behind our TLS proxy (RUSFAKTA_BEHIND_PROXY), and each request
comes from one of --clients addresses in turn, in the X-Forwarded-For the proxy adds: the search
budget then keeps one entry per client, as it does for real visitors. --stores measures only the
search API, once with each store the budget can have: ours (serving/budgetcache.py), Django's own
file cache, and Redis when RUSFAKTA_CACHE_URL is set.

    .venv/bin/python bench/load.py [--seconds 10] [--connections 32] [--clients 2000] [--stores]
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
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import free_port, running_server  # noqa: E402

TARGETS = {
    "home": "/",
    "chapter": "/kapittel/utbredelse/",
    "numbers": "/tall/",
    "numbers ?cb=N": None,  # /tall/?cb=1, ?cb=2, …: a query string the page doesn't read
    "search API": None,  # the questions below, in turn
}
CACHE_BUSTERS = [f"/tall/?cb={n}" for n in range(1, 313)]
# The search API is asked the 312 different questions of the search benchmark in turn, not one
# question over and over: every answer is worked out afresh (answers are never cached).
QUESTIONS = Path(__file__).resolve().parent / "search_questions.yaml"


def question_paths():
    import yaml

    return [
        "/api/v1/search?" + urlencode({"q": entry["q"]}) for entry in yaml.safe_load(QUESTIONS.read_text())
    ]


def client_address(number):
    """The number-th client's address, as our proxy would put it in X-Forwarded-For."""
    return f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"


def wrk_script(paths, clients):
    """A wrk Lua script that walks through the paths, each connection from its own starting point,
    and through the clients' addresses."""
    quoted = ",\n".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(
        f"paths = {{\n{quoted}\n}}\n"
        f"clients = {clients}\n"
        "i, k = 0, 0\n"
        "setup = function(thread) thread:set('i', math.random(#paths)); thread:set('k', math.random(clients)) end\n"
        "request = function()\n"
        "  i, k = i % #paths + 1, k % clients + 1\n"
        "  local address = string.format('10.%d.%d.%d', math.floor(k / 65536) % 256, math.floor(k / 256) % 256, k % 256)\n"
        "  return wrk.format(nil, paths[i], {['X-Forwarded-For'] = address})\n"
        "end\n"
    )
    script.close()
    return script.name


def wrk(base, paths, seconds, connections, clients):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-s", wrk_script(paths, clients)]
    out = subprocess.run(command + [base + paths[0]], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    count = int(errors.group(1)) if errors else 0
    count += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return rate, float(p50.group(1)) * scale[p50.group(2)], float(p99.group(1)) * scale[p99.group(2)], count


def python_load(base, paths, seconds, connections, clients):
    parsed = urlparse(base)
    deadline = time.monotonic() + seconds

    def worker(first):
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
        timings, errors, turn = [], 0, first
        while time.monotonic() < deadline:
            start = time.perf_counter()
            path, client, turn = (
                paths[turn % len(paths)],
                client_address((turn * connections + first) % clients),
                turn + 1,
            )
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "gzip", "X-Forwarded-For": client})
                response = conn.getresponse()
                response.read()
                errors += response.status >= 400
            except OSError:
                errors += 1
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
            timings.append((time.perf_counter() - start) * 1000)
        return timings, errors

    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        results = list(pool.map(worker, range(connections)))
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
        return measure(f"http://127.0.0.1:{port}", ["/index.html"], seconds, connections, 1)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)


# The search budget's stores: the server's environment for each (None unsets a variable).
BENCH = str(Path(__file__).resolve().parent)
STORES = {
    "ours": {"RUSFAKTA_CACHE_URL": None},
    "Django's file cache": {
        "RUSFAKTA_CACHE_URL": None,
        "DJANGO_SETTINGS_MODULE": "_django_file_cache",
        "PYTHONPATH": os.pathsep.join(filter(None, [BENCH, os.environ.get("PYTHONPATH")])),
    },
    "Redis": {},  # RUSFAKTA_CACHE_URL as set
}


def run(targets, measure, args, env, label=""):
    """Start a server, warm every worker's caches (pages, charts, search index), measure each target."""
    results = {}
    with running_server(env={"RUSFAKTA_BEHIND_PROXY": "1", **env}) as base:
        for paths in targets.values():
            for path in paths[:20] * (10 if len(paths) == 1 else 1):
                urllib.request.urlopen(base + path).read()
        for name, paths in targets.items():
            rate, p50, p99, errors = measure(base, paths, args.seconds, args.connections, args.clients)
            results[name] = rate
            print(
                f"{label or name:{28 if label else 12}s} {rate:9.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   errors {errors}"
            )
        with urllib.request.urlopen(base + "/healthz") as response:
            print(f"healthz after the load: {response.status} {response.read().decode()}")
        home = urllib.request.urlopen(base + "/").read()
    return results, home


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--clients", type=int, default=2000, help="addresses the requests come from, in turn")
    parser.add_argument("--only", choices=list(TARGETS), help="measure one target (no nginx comparison)")
    parser.add_argument("--stores", action="store_true", help="the search API with each budget store")
    args = parser.parse_args()
    measure = wrk if shutil.which("wrk") else python_load
    print(
        f"tool: {'wrk' if measure is wrk else 'python threads'}, {args.connections} connections, "
        f"{args.clients} clients, {args.seconds} s each"
    )
    if args.stores:
        stores = [name for name in STORES if name != "Redis" or os.environ.get("RUSFAKTA_CACHE_URL")]
        if "Redis" not in stores:
            print("RUSFAKTA_CACHE_URL is not set: no Redis")
        for name in stores:
            run({"search API": question_paths()}, measure, args, STORES[name], label=f"search, {name}")
        return
    generated = {"numbers ?cb=N": CACHE_BUSTERS, "search API": None}
    targets = {
        name: [path] if path else (generated[name] or question_paths())
        for name, path in TARGETS.items()
        if args.only in (None, name)
    }
    results, home = run(targets, measure, args, {})
    if {"numbers", "numbers ?cb=N"} <= results.keys():
        print(f"/tall/?cb=N at {results['numbers ?cb=N'] / results['numbers']:.2f} of /tall/'s rate")
    if args.only:
        return
    if shutil.which("nginx"):
        rate, p50, p99, errors = nginx_rate(home, args.seconds, args.connections, measure)
        print(
            f"{'nginx file':12s} {rate:9.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   errors {errors}"
        )
        for name in ("home", "chapter", "numbers"):
            print(f"{name} at {results[name] / rate:.1%} of nginx's rate")
    else:
        print("nginx is not installed: no comparison (apt-get install nginx)")


if __name__ == "__main__":
    main()

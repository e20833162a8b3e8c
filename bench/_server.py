"""Start `rusfakta serve` in a fresh data folder for a benchmark, and stop it afterwards."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

# One address of each page type, for the benches that look at pages (screens, weight).
PAGE_TYPES = {
    "home": "/",
    "contents": "/innhold/",
    "chapter": "/kapittel/utbredelse/",
    "chapter-tools": "/kapittel/blandingsbruk/",
    "numbers": "/tall/",
    "record": "/tall/euda-norge-15-34-siste-ar/",
    "comparison": "/tall/hvorfor-forskjellige/",
    "ask": "/spor/?q=kan+man+d%C3%B8+av+kokain",
    "quiz": "/quiz/",
    "normcheck": "/tenk-selv/",
    "mixing": "/blanding/",
    "help": "/hjelp/",
    "about": "/om/",
    "sources": "/kilder/",
    "changes": "/endringer/",
    "not-found": "/finnes-ikke/",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(workers=None, with_process=False, env=None):
    """env: variables to set (a value of None unsets one) over the bench's own."""
    port = free_port()
    env = {
        **os.environ,
        "RUSFAKTA_DATA_DIR": os.environ.get("RUSFAKTA_DATA_DIR") or tempfile.mkdtemp(),
        "RUSFAKTA_ACCESS_LOG": "WARNING",
        "RUSFAKTA_SEARCH_RATE": "100000",
        "RUSFAKTA_SEARCH_BURST": "100000",
        **(env or {}),
    }
    env = {name: value for name, value in env.items() if value is not None}
    if workers:
        env["RUSFAKTA_WORKERS"] = str(workers)
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(
        [sys.executable, "-m", "rusfakta", "serve", "--port", str(port)], env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise SystemExit("server did not start:\n" + log.read().decode()[-2000:]) from None
            time.sleep(0.3)
    log.seek(0)
    started = [line for line in log.read().decode().splitlines() if line.startswith("Rusfakta on")]
    print("server:", started[0] if started else "rusfakta serve")
    try:
        yield (base, server) if with_process else base
    finally:
        server.terminate()
        server.wait(timeout=30)

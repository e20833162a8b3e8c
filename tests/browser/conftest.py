import atexit
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import dj_database_url
import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin(config):
    return dict(
        host=config["HOST"],
        port=config["PORT"],
        user=config["USER"],
        dbname="postgres",
        password=config["PASSWORD"] or None,
        autocommit=True,
    )


_PREPARED = {}


def _prepared():
    """Once per test session, what `serve` makes of a first run (migrated, pack loaded), as a data
    folder for SQLite or a template database for PostgreSQL. Each server starts from a copy, so the
    first run is exercised once, and no test pays the pack load again or sees another's edits.

    RUSFAKTA_TEST_PREPARED names a folder that outlives the session: scripts/test gives each pass one,
    so the pass's timing tests, run later in a session of their own, start from the first run the rest
    of the pass made instead of making it again. Whoever sets it throws the folder (and the database
    server) away."""
    if "env" in _PREPARED:
        return _PREPARED
    import tempfile

    kept = os.environ.get("RUSFAKTA_TEST_PREPARED")
    ready = Path(kept) / "ready.json" if kept else None
    url = os.environ.get("DATABASE_URL", "")
    if ready and ready.is_file():
        made = json.loads(ready.read_text(encoding="utf-8"))
        if made["database_url"] == url:
            _PREPARED["env"] = _prepared_env(Path(made["folder"]), made.get("template"))
            if made.get("template"):
                _PREPARED["template"] = made["template"]
            return _PREPARED
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="rusfakta-prepared-", dir=kept))
    template = None
    if url.startswith("postgres"):
        import psycopg

        template = f"rusfakta_prepared_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(**_admin(dj_database_url.parse(url))) as connection:
            connection.execute(f'CREATE DATABASE "{template}"')
        _PREPARED["template"] = template
    env = _prepared_env(folder, template)
    done = subprocess.run(
        [sys.executable, "-m", "rusfakta", "serve", "--prepare-only"],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.fail("`rusfakta serve --prepare-only` failed on a first run:\n" + done.stderr[-3000:])
    _PREPARED["env"] = env
    if ready:
        made = {"database_url": url, "folder": str(folder), "template": template}
        ready.write_text(json.dumps(made), encoding="utf-8")
    else:
        atexit.register(_drop_prepared, folder)
    return _PREPARED


def _prepared_env(folder, template):
    env = {**os.environ, "RUSFAKTA_DATA_DIR": str(folder / "data"), "PYTHONPATH": _pythonpath()}
    if template:
        env["DATABASE_URL"] = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + template
    return env


def _drop_prepared(folder):
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    if "template" in _PREPARED:
        drop_database((_admin(dj_database_url.parse(os.environ["DATABASE_URL"])), _PREPARED["template"]))


def _live_database_url():
    """The server gets a database of its own: a copy of the prepared SQLite file (made by the caller),
    or a new PostgreSQL database made from the prepared one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None, None
    import psycopg

    admin = _admin(dj_database_url.parse(url))
    name = f"rusfakta_live_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{_prepared()["template"]}"')
    return url.rsplit("/", 1)[0] + "/" + name, (admin, name)


def _pythonpath():
    source = str(Path(__file__).resolve().parents[2] / "src")  # this checkout, whatever is installed
    return os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))


def server_environment(data_dir):
    """Environment for `rusfakta serve` with its own data folder and, on PostgreSQL, its own database,
    both copies of the session's prepared first run."""
    import shutil

    shutil.copytree(_prepared()["env"]["RUSFAKTA_DATA_DIR"], data_dir, dirs_exist_ok=True)
    env = {
        **os.environ,
        "RUSFAKTA_DATA_DIR": str(data_dir),
        "RUSFAKTA_WORKERS": "1",
        "RUSFAKTA_WARM_UP": "1",
        "PYTHONPATH": _pythonpath(),
    }
    database_url, cleanup = _live_database_url()
    if database_url:
        env["DATABASE_URL"] = database_url
    return env, cleanup


def drop_database(cleanup):
    if cleanup:
        import psycopg

        admin, name = cleanup
        with psycopg.connect(**admin) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server(env, log_path):
    """Start `rusfakta serve` and wait for /healthz; returns (process, base URL)."""
    port = _free_port()
    log = open(log_path, "w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "rusfakta", "serve", "--port", str(port)], env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return server, base
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            log.seek(0)
            pytest.fail("rusfakta serve did not become ready:\n" + log.read()[-3000:])
        time.sleep(0.3)


def stop_server(server):
    server.terminate()
    server.wait(timeout=20)


def draw_charts(base):
    """`serve` draws the charts as it prepares, and the prepared data folder is copied with them, so
    this is quick. Were they missing, the drawing (10–30 s) is waited for here, not in a page load
    that would time out."""
    with urllib.request.urlopen(base + "/tall/", timeout=60) as response:
        chart = re.search(r'src="(/tall/diagram/[^"]+\.svg)"', response.read().decode())
    assert chart, "/tall/ shows no chart"
    with urllib.request.urlopen(base + chart.group(1), timeout=300) as response:
        response.read()


@pytest.fixture(scope="session")
def live_url(tmp_path_factory):
    """A real production server (`rusfakta serve`), in its own data folder, from the prepared first run."""
    env, cleanup = server_environment(tmp_path_factory.mktemp("data"))
    server, base = start_server(env, tmp_path_factory.mktemp("log") / "serve.log")
    draw_charts(base)
    yield base
    stop_server(server)
    drop_database(cleanup)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: scripts/test installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, javascript, **options):
    context = browser.new_context(java_script_enabled=javascript, **options)
    page = context.new_page()
    page.requested_urls = []
    page.csp_violations = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return context, page


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def browser_page(request, browser):
    """The same test with JavaScript on and off."""
    context, page = _new_page(browser, request.param)
    yield page
    context.close()


@pytest.fixture
def js_page(browser):
    """For axe, which runs as JavaScript in the page."""
    context, page = _new_page(browser, True)
    yield page
    context.close()

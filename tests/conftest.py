import os
import re
from pathlib import Path

import html5lib
import pytest
from django.conf import settings
from django.test import Client

from rusfakta.pack.sections import load_pack

# Importing the WSGI app must not touch the database during collection; the live server sets it to 1.
os.environ.setdefault("RUSFAKTA_WARM_UP", "0")

CHECKOUT = Path(__file__).resolve().parents[1]


def booklet_path():
    """The booklet's text lives outside the repository: RUSFAKTA_BOOKLET_TEXT, or ../shared/seed/ beside
    the checkout."""
    if os.environ.get("RUSFAKTA_BOOKLET_TEXT"):
        return Path(os.environ["RUSFAKTA_BOOKLET_TEXT"])
    return CHECKOUT.parent / "shared" / "seed" / "000_38941a3a0a2b9d44.txt"


@pytest.fixture(autouse=True)
def fresh_search_budget():
    """The search budget lives in a cache shared by processes; each test starts with full buckets."""
    from django.core.cache import caches

    caches["search"].clear()


# These check what the reader's browser shows (layout, tap targets, axe, JavaScript), which is the
# same HTML on either database; scripts/test runs each in one of its two passes only, the larger share
# in the SQLite pass, so that the two passes, side by side, take about as long. Everything that reads
# or writes the database (pages through the test client, the API, the pack, the admin over HTTP, two
# instances) runs in both. RUSFAKTA_EVERY_TEST=1 runs these in both passes too; plain pytest on SQLite
# runs them all.
BROWSER_ONLY = {
    "tests/browser/test_editions_browser.py": "sqlite",
    "tests/browser/test_help_browser.py": "postgres",
    "tests/browser/test_layout_browser.py": "sqlite",
    "tests/browser/test_numbers_browser.py": "sqlite",
    "tests/browser/test_reader_browser.py": "sqlite",
    "tests/browser/test_ask_browser.py": "postgres",
    "tests/browser/test_tools_browser.py": "postgres",
}

# These measure how a real server copes with time: stalled and slow clients, floods, an outage, two
# processes. When scripts/test runs the two passes side by side (two cores), they would share the
# machine with the other pass; RUSFAKTA_TEST_PART=shared leaves them out and RUSFAKTA_TEST_PART=alone
# runs only them, afterwards, one pass at a time.
ALONE = {
    "tests/serving/test_hostile_http.py",
    "tests/serving/test_outage_http.py",
    "tests/serving/test_two_instances.py",
    "tests/browser/test_load_smoke.py",
    "tests/browser/test_two_processes.py",
}


def _deselect(config, items, drop):
    dropped = [item for item in items if drop(item.nodeid.split("::")[0])]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not drop(item.nodeid.split("::")[0])]


def pytest_collection_modifyitems(config, items):
    part = os.environ.get("RUSFAKTA_TEST_PART", "")
    if part == "shared":
        _deselect(config, items, lambda path: path in ALONE)
    elif part == "alone":
        _deselect(config, items, lambda path: path not in ALONE)
    if os.environ.get("RUSFAKTA_EVERY_TEST") == "1":
        return
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        _deselect(config, items, lambda path: BROWSER_ONLY.get(path) == "sqlite")
    elif os.environ.get("RUSFAKTA_PASS") == "sqlite":  # scripts/test's SQLite pass
        _deselect(config, items, lambda path: BROWSER_ONLY.get(path) == "postgres")


@pytest.fixture(autouse=True)
def bokmal_to_start_with():
    """A request to /en/ or /nn/ through the test client leaves its language active in this thread;
    each test starts in bokmål, as a fresh request would."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session", autouse=True)
def static_files_per_checkout():
    """Pages are rendered with the production static storage (hashed names, manifest). The files are
    collected on first use only, by a test that renders a page, into a folder of this checkout named
    by what was collected, so concurrent runs and other checkouts never share a half-written folder."""
    from django.test import override_settings

    from tests.support.static import STORAGES, static_root

    root = static_root(CHECKOUT)
    root.mkdir(parents=True, exist_ok=True)  # empty until collected; the rename replaces it
    os.environ["RUSFAKTA_STATIC_ROOT"] = str(root)  # the browser tests' server uses the same files
    with override_settings(STATIC_ROOT=root, STORAGES=STORAGES):
        yield


@pytest.fixture(scope="session", autouse=True)
def throwaway_data_dir(tmp_path_factory):
    """Files the site writes while it runs (the printed booklet) go to a temporary folder, not ./var."""
    from django.test import override_settings

    with override_settings(DATA_DIR=tmp_path_factory.mktemp("data")):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real content pack, loaded once and committed."""
    with django_db_blocker.unblock():
        load_pack(settings.CONTENT_PACK_DIR, force=True)


@pytest.fixture(scope="session")
def booklet_text():
    path = booklet_path()
    if not path.is_file():
        reason = f"needs the booklet's text: {path} is missing (set RUSFAKTA_BOOKLET_TEXT to its path)"
        if os.environ.get("RUSFAKTA_REQUIRE_BOOKLET") == "1":
            pytest.fail(reason + "; RUSFAKTA_REQUIRE_BOOKLET=1 turns this skip into a failure")
        pytest.skip(reason)
    return path.read_text(encoding="utf-8")


class PageClient:
    """Fetches pages and checks every HTML page it gets (HTML5, one h1, title, unique ids, no cookies)."""

    def __init__(self):
        self.client = Client()

    def get(self, url, status=200):
        response = self.client.get(url)
        assert response.status_code == status, f"{url}: {response.status_code}"
        assert not response.cookies, f"{url} set cookies: {list(response.cookies)}"
        if response["Content-Type"].startswith("text/html"):
            check_html(url, response.content.decode())
        return response


def check_html(url, html):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    h1s = document.findall(".//h1")
    assert len(h1s) == 1, f"{url}: {len(h1s)} h1 elements"
    h1 = " ".join("".join(h1s[0].itertext()).split())
    title = " ".join("".join(document.find(".//title").itertext()).split())
    assert title.startswith(h1), f"{url}: title {title!r} does not start with h1 {h1!r}"
    ids = [el.get("id") for el in document.iter() if el.get("id")]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"{url}: duplicate ids {duplicates}"
    assert document.get("lang") in ("nb", "nn", "en"), f"{url}: html lang is {document.get('lang')!r}"
    return document


@pytest.fixture
def pages(db):
    return PageClient()


def words(text):
    return re.findall(r"[a-zæøåéü0-9]+", text.lower())

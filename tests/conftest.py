import os
import re
import tempfile
from pathlib import Path

import html5lib
import pytest
from django.conf import settings
from django.test import Client

from rusfakta.content.loader import load_pack

# Importing the WSGI app must not touch the database during collection; the live server sets it to 1.
os.environ.setdefault("RUSFAKTA_WARM_UP", "0")

BOOKLET = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_38941a3a0a2b9d44.txt"


STATIC_ROOT = Path(tempfile.gettempdir()) / "rusfakta-test-static"


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    """Pages are rendered with the production static storage (hashed names, manifest).
    Collected once into a shared folder; later runs and the browser tests' server reuse it."""
    from django.test import override_settings

    from rusfakta.pages.staticfiles import collect_static_if_changed

    os.environ["RUSFAKTA_STATIC_ROOT"] = str(STATIC_ROOT)
    with override_settings(STATIC_ROOT=STATIC_ROOT):
        STATIC_ROOT.mkdir(exist_ok=True)
        collect_static_if_changed()
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
    return BOOKLET.read_text(encoding="utf-8")


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
    assert document.get("lang") in ("nb", "en"), f"{url}: html lang is {document.get('lang')!r}"
    return document


@pytest.fixture
def pages(db):
    return PageClient()


def words(text):
    return re.findall(r"[a-zæøåéü0-9]+", text.lower())

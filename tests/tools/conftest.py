import copy
import shutil

import pytest
from django.conf import settings
from django.test import Client

from rusfakta.pack.sections import read_pack
from rusfakta.tools.pack import read_tools
from tests.conftest import check_html

TOOL_FILES = ("normcheck.yaml", "mixing.yaml", "quiz.yaml")


@pytest.fixture
def whole_pack(tmp_path):
    """A copy of the real pack."""
    target = tmp_path / "kokain"
    shutil.copytree(settings.CONTENT_PACK_DIR, target)
    return target


@pytest.fixture(scope="session")
def real_pack():
    return read_pack(settings.CONTENT_PACK_DIR)


@pytest.fixture
def tools_pack(tmp_path):
    """Copies of the tool files alone, to break one thing in; checked against the real pack's passages and records."""
    target = tmp_path / "kokain"
    target.mkdir()
    for name in TOOL_FILES:
        shutil.copy(settings.CONTENT_PACK_DIR / name, target / name)
    return target


def tool_problems(real_pack, root):
    pack = copy.copy(real_pack)
    pack.root, pack.problems = root, []
    read_tools(pack)
    return [str(p) for p in pack.problems]


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def send(db):
    """Send a form like a visitor (GET, as every tool form is; no cookie, no session) and check the
    page like the pages fixture does."""
    client = Client(enforce_csrf_checks=True)

    def send(url, data, status=200):
        response = client.get(url, data)
        assert response.status_code == status, f"{url}: {response.status_code}"
        assert not response.cookies, f"{url} set cookies: {list(response.cookies)}"
        check_html(url, response.content.decode())
        return response

    return send

"""An editor in the real admin over HTTP (CSRF and all), against `rusfakta serve` on this pass's database:
edit a figure, see old and new value in its history, revert it, and find both changes on /endringer/
and the flag on the admin's front page."""

import json
import os
import subprocess
import sys
import urllib.request

import pytest

from tests.browser.conftest import drop_database, server_environment, start_server, stop_server
from tests.support.admin_http import EDITOR, PASSWORD, create_editor

pytestmark = pytest.mark.browser

FIGURE = "opinion-provd-kokain"  # 8 % in the booklet


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    """A server of its own, so the edits never reach the other browser tests' site."""
    env, cleanup = server_environment(tmp_path_factory.mktemp("data"))
    server, base = start_server(env, tmp_path_factory.mktemp("log") / "serve.log")
    create_editor(env)
    yield base, env
    stop_server(server)
    drop_database(cleanup)


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def follow(page, selector):
    """Click a link or submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(selector)


def log_in(page, base):
    admin = os.environ.get("RUSFAKTA_ADMIN_PATH", "admin").strip("/")
    page.goto(f"{base}/{admin}/login/")
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", PASSWORD)
    follow(page, "input[type=submit]")
    assert page.url.rstrip("/").endswith(admin), page.url
    return f"{base}/{admin}"


def test_an_edit_shows_in_history_can_be_reverted_and_is_on_the_public_change_log(editor_site, browser):
    editor_site, env = editor_site
    context = browser.new_context()
    page = context.new_page()
    admin = log_in(page, editor_site)

    page.goto(f"{admin}/statistics/statistic/?q={FIGURE}")
    follow(page, f"text={FIGURE}")
    assert page.input_value("#id_value") == "8.000"
    page.fill("#id_value", "9.5")
    follow(page, "input[name=_save]")
    assert page.locator(".messagelist .success").count() == 1

    # A plain load would overwrite the edit: it refuses, says what it would lose, and changes nothing.
    load = subprocess.run(
        [sys.executable, "-m", "rusfakta", "content", "load"], env=env, capture_output=True, text=True
    )
    assert load.returncode == 1, load.stdout + load.stderr
    assert f"statistic {FIGURE} value: 8.0 → 9.5" in load.stderr

    changed = get_json(f"{editor_site}/api/v1/changes")["figures"]
    assert [(c["id"], c["old"], c["new"]) for c in changed] == [(FIGURE, "8\u00a0%", "9,5\u00a0%")]

    page.goto(f"{admin}/")
    assert page.locator("#review-flags").count() == 1, page.content()[-3000:]
    flags = page.locator("#review-flags").inner_text()
    assert "Må sjekkes" in flags and "fra 8\u00a0% til 9,5\u00a0%" in flags

    page.goto(f"{admin}/statistics/statistic/?q={FIGURE}")
    follow(page, f"text={FIGURE}")
    page.goto(page.url.replace("/change/", "/history/"))
    history = page.locator("#change-history").inner_text()
    assert "8.000" in history and "9.500" in history and EDITOR in history
    assert "from pack" in history, "the first record is the load's"
    with page.expect_navigation():
        page.locator("#change-history tbody tr").last.locator("a").first.click()  # the version as loaded
    assert page.input_value("#id_value") == "8.000"
    follow(page, "input[name=_save]")  # the Revert button
    assert page.locator(".messagelist .success").count() == 1, page.content()[:3000]

    page.goto(f"{editor_site}/tall/{FIGURE}/")
    assert page.locator(".big-number").inner_text() == "8\u00a0%"
    assert "var 9,5\u00a0%" in page.locator(".changed").inner_text()

    page.goto(f"{editor_site}/endringer/")
    rows = page.locator("main table tbody tr").all_inner_texts()
    assert len(rows) == 2 and "9,5\u00a0%\t8\u00a0%" in rows[0] and "8\u00a0%\t9,5\u00a0%" in rows[1]
    assert EDITOR not in page.content()
    context.close()

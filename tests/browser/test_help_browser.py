import json
import re
import urllib.parse
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_reader_browser import WCAG_AA, assert_private

pytestmark = pytest.mark.browser

TEL = re.compile(r"^tel:(\+47[2-9]\d{7}|11\d|116\d{3})$")


@pytest.mark.parametrize("path", ["/hjelp/", "/en/hjelp/", "/kapittel/behandling/", "/kapittel/hjelp/"])
def test_help_pages_have_no_axe_violations(js_page, live_url, path):
    js_page.goto(live_url + path)
    results = Axe().run(js_page, options=WCAG_AA)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
    assert_private(js_page, live_url)


def _shown(page):
    """The instant the page was computed for, and the ids of the services it lists as open now."""
    at = page.locator("time").first.get_attribute("datetime")
    open_now = page.locator("section[aria-labelledby='open-h'] li.service").evaluate_all(
        "items => items.map(item => item.id.replace('tjeneste-', ''))"
    )
    return at, open_now


def _api_open(live_url, at):
    url = f"{live_url}/api/v1/services?at={urllib.parse.quote(at)}"
    with urllib.request.urlopen(url, timeout=10) as response:
        services = json.load(response)["services"]
    return {s["id"] for s in services if s["open_now"]}


def test_without_javascript_the_page_says_who_is_open_and_agrees_with_the_api(browser, live_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_url + "/hjelp/")
    headings = page.locator("main section h2").all_inner_texts()
    assert headings[:2] == ["Akutt fare for liv eller helse?", "Åpen nå"]
    links = page.locator("a[href^='tel:']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert "tel:113" in links and all(TEL.match(link) for link in links)
    at, open_now = _shown(page)
    emergency = {"medisinsk-nodtelefon", "giftinformasjonen"}
    assert set(open_now) == _api_open(live_url, at) - emergency
    context.close()


def test_the_visitors_own_clock_and_time_zone_change_nothing(browser, live_url):
    shown = []
    for zone, locale in (
        ("Europe/Oslo", "nb-NO"),
        ("America/Los_Angeles", "en-US"),
        ("Pacific/Kiritimati", "en-US"),
    ):
        context = browser.new_context(java_script_enabled=False, timezone_id=zone, locale=locale)
        page = context.new_page()
        page.goto(live_url + "/hjelp/")
        shown.append(_shown(page))
        context.close()
    # Three loads can straddle one minute boundary; within a minute every visitor must see the same.
    by_minute = {}
    for item in shown:
        by_minute.setdefault(item[0], []).append(item)
    largest = max(by_minute.values(), key=len)
    assert len(largest) >= 2
    assert all(all(item == group[0] for item in group) for group in by_minute.values())
    assert shown[0][0].endswith(("+01:00", "+02:00"))

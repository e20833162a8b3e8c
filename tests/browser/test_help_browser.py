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
    """With JavaScript on, a browser clock set years away and time zones far from Oslo, the page
    still shows the server's Oslo instant and exactly who the API says is open then, and no request
    tells the server the browser's zone or clock. A script that used the visitor's clock fails this."""
    emergency = {"medisinsk-nodtelefon", "giftinformasjonen"}
    for zone, locale in (("America/Los_Angeles", "en-US"), ("Pacific/Kiritimati", "en-US")):
        context = browser.new_context(java_script_enabled=True, timezone_id=zone, locale=locale)
        page = context.new_page()
        page.clock.set_fixed_time("2031-07-06T03:00:00Z")  # a Sunday night, years from now
        sent = []
        page.on("request", lambda request, sent=sent: sent.append((request.url, request.headers)))
        page.goto(live_url + "/hjelp/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => new Date().getUTCFullYear()") == 2031  # the fake clock is in force
        at, open_now = _shown(page)
        assert at.endswith(("+01:00", "+02:00")) and not at.startswith("2031")
        assert set(open_now) == _api_open(live_url, at) - emergency
        for url, headers in sent:
            told = urllib.parse.unquote(url) + " ".join(headers.values())
            assert zone not in told and "2031" not in told and "Kiritimati" not in told, url
        context.close()


@pytest.mark.parametrize("width", [320, 360, 375])
def test_help_now_is_never_a_dead_end_and_call_and_chat_are_big_buttons(browser, live_url, width):
    """At whatever hour this runs (the clock is the real one here; every hour of a week is in
    tests/helpservices/test_help_every_hour.py): who can be reached now, or who opens next."""
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_url + "/hjelp/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    emergency = page.locator("section.emergency")
    assert emergency.get_by_role("link", name="Ring 113").get_attribute("href") == "tel:113"
    assert emergency.inner_text().count("Åpen hele døgnet") == 2
    open_now = page.locator("section[aria-labelledby='open-h']")
    if open_now.locator("li.service").count() == 0:
        assert "svarer hele døgnet" in open_now.inner_text()
        assert "Neste som åpner:" in open_now.inner_text()
        assert open_now.locator(".next-open a").get_attribute("href").startswith("#tjeneste-")
    for slug in ("fastlegen", "helsesoster"):
        text = page.locator(f"#tjeneste-{slug}").inner_text()
        assert "Stengt" not in text and "Åpen" not in text
    buttons = page.locator("main .contacts a").all()
    assert len(buttons) >= 7
    for button in buttons:
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, button.inner_text()
        assert box["x"] + box["width"] <= width
    context.close()

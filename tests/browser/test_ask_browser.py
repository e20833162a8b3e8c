import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_reader_browser import WCAG_AA, assert_private

pytestmark = pytest.mark.browser


def test_ask_works_without_javascript(browser_page, live_url):
    browser_page.goto(live_url + "/spor/")
    browser_page.get_by_label("Skriv spørsmålet ditt med egne ord").fill("kan man dø av kokain")
    browser_page.get_by_role("button", name="Spør").click()
    assert "/spor/?q=" in browser_page.url
    assert browser_page.locator(".result").count() >= 3
    assert browser_page.locator(".result mark").count() >= 1
    assert_private(browser_page, live_url)


def test_answers_appear_as_you_type_with_javascript(js_page, live_url):
    js_page.goto(live_url + "/spor/")
    js_page.get_by_label("Skriv spørsmålet ditt med egne ord").press_sequentially("hva er tusi", delay=30)
    js_page.wait_for_selector(".result")
    assert "/spor/" == js_page.url.replace(live_url, "")  # no navigation happened
    assert "rosa" in js_page.locator(".results").inner_text().lower()
    results = Axe().run(js_page, options=WCAG_AA)
    assert results.response["violations"] == []
    assert_private(js_page, live_url)


def test_emergency_notice_is_shown_first_in_the_browser(js_page, live_url):
    js_page.goto(live_url + "/spor/?q=kompisen+min+puster+ikke")
    notice = js_page.locator(".notice.emergency")
    assert notice.is_visible()
    assert notice.locator('a[href="tel:113"]').count() == 1

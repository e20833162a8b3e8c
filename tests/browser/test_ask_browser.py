import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_reader_browser import WCAG_AA, assert_private

pytestmark = pytest.mark.browser


def test_ask_works_without_javascript(browser_page, live_url):
    browser_page.goto(live_url + "/spor/")
    browser_page.get_by_label("Skriv spørsmålet ditt med egne ord").fill("kan man dø av kokain")
    # With JavaScript the typed question may already be fetched and the address replaced when the
    # form is sent: wait for the form's own page load, not for the address.
    with browser_page.expect_response(lambda r: r.request.is_navigation_request() and "?q=" in r.url):
        browser_page.get_by_role("button", name="Spør").click()
    browser_page.locator(".result").nth(2).wait_for()
    assert "/spor/?q=" in browser_page.url
    assert browser_page.locator(".result").count() >= 3
    assert browser_page.locator(".result mark").count() >= 1
    assert_private(browser_page, live_url)


def test_answers_appear_as_you_type_with_javascript(js_page, live_url):
    js_page.goto(live_url + "/spor/")
    js_page.evaluate("window.__same_page = true")
    js_page.get_by_label("Skriv spørsmålet ditt med egne ord").press_sequentially("hva er tusi", delay=30)
    js_page.wait_for_selector(".result")
    assert js_page.evaluate("window.__same_page === true")  # no navigation happened
    assert "rosa" in js_page.locator(".results").first.inner_text().lower()
    results = Axe().run(js_page, options=WCAG_AA)
    assert results.response["violations"] == []
    assert_private(js_page, live_url)


def test_emergency_notice_is_shown_first_in_the_browser(js_page, live_url):
    js_page.goto(live_url + "/spor/?q=kompisen+min+puster+ikke")
    notice = js_page.locator(".notice.emergency")
    assert notice.is_visible()
    assert notice.locator('a[href="tel:113"]').count() == 1


PHONE = {"viewport": {"width": 375, "height": 812}}


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def phone_page(request, browser):
    """A 375 px phone, with JavaScript on and off."""
    from tests.browser.conftest import _new_page

    context, page = _new_page(browser, request.param, **PHONE)
    yield page
    context.close()


@pytest.fixture
def phone_js_page(browser):
    from tests.browser.conftest import _new_page

    context, page = _new_page(browser, True, **PHONE)
    yield page
    context.close()


def _no_sideways_scroll(page):
    # Measured without JavaScript too: Playwright's own evaluation works in a page with scripts off.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, width


def test_three_answers_then_vis_flere_and_a_help_card_on_a_phone(phone_page, live_url):
    phone_page.goto(live_url + "/spor/?q=kokain+og+alkohol")
    assert phone_page.locator(".short-answer").is_visible()
    visible = [r for r in phone_page.locator(".result").all() if r.is_visible()]
    assert len(visible) == 3
    card = phone_page.locator(".help-card")
    assert card.is_visible() and card.locator('a[href="tel:113"]').is_visible()
    assert card.locator('a[href="/hjelp/"]').is_visible()
    more = phone_page.locator(".more-results > summary")
    assert more.is_visible() and "Vis flere" in more.inner_text()
    assert more.bounding_box()["height"] >= 44
    for link in card.locator("a.button").all():
        assert link.bounding_box()["height"] >= 44
    more.click()
    assert len([r for r in phone_page.locator(".result").all() if r.is_visible()]) == 8
    assert phone_page.locator(".result mark").count() >= 1
    assert phone_page.locator(".result mark", has_text="kokain").count() == 0  # in nearly every passage
    _no_sideways_scroll(phone_page)
    assert_private(phone_page, live_url)


def test_example_questions_are_large_chips_on_a_phone(phone_page, live_url):
    phone_page.goto(live_url + "/spor/")
    chips = phone_page.locator(".examples a.chip").all()
    assert len(chips) == 4
    for chip in chips:
        box = chip.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    chips[0].click()
    phone_page.wait_for_selector(".result")
    assert "/spor/?q=" in phone_page.url
    _no_sideways_scroll(phone_page)


def test_with_javascript_the_address_follows_the_question_and_clearing_clears(phone_js_page, live_url):
    page = phone_js_page
    # Every text the status line shows, however briefly.
    page.add_init_script(
        """
        window.__statuses = [];
        document.addEventListener("DOMContentLoaded", function () {
          var s = document.getElementById("ask-status");
          new MutationObserver(function () { window.__statuses.push(s.textContent); })
            .observe(s, { childList: true, characterData: true, subtree: true });
        });
        """
    )
    page.goto(live_url + "/spor/")
    field = page.get_by_label("Skriv spørsmålet ditt med egne ord")
    field.press_sequentially("kan man dø av kokain", delay=20)
    page.wait_for_selector(".result")
    # Functions, not expressions: Playwright polls an expression with eval, which our CSP (script-src
    # 'self') refuses whenever the first check is false; a function is evaluated once.
    page.wait_for_function("() => location.search.indexOf('q=') !== -1")
    assert page.url == live_url + "/spor/?q=kan%20man%20d%C3%B8%20av%20kokain"
    page.wait_for_function("() => document.getElementById('ask-status').textContent === ''")
    assert "Søker …" in page.evaluate("window.__statuses")
    status = page.locator("#ask-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    results = Axe().run(page, options=WCAG_AA)
    assert results.response["violations"] == []

    # Refresh keeps the question: the server renders the same answers.
    page.reload()
    assert page.locator("#q").input_value() == "kan man dø av kokain"
    assert page.locator(".result").count() >= 3

    field = page.get_by_label("Skriv spørsmålet ditt med egne ord")
    field.fill("")
    page.wait_for_function("() => document.querySelectorAll('.result').length === 0")
    assert page.url == live_url + "/spor/"
    page.wait_for_selector(".examples a.chip")  # the examples come back
    results = Axe().run(page, options=WCAG_AA)
    assert results.response["violations"] == []
    _no_sideways_scroll(page)
    assert_private(page, live_url)


def test_ask_page_with_answers_has_no_axe_violations_on_a_phone(phone_js_page, live_url):
    phone_js_page.goto(live_url + "/spor/?q=kokain+og+alkohol")
    phone_js_page.locator(".more-results > summary").click()
    results = Axe().run(phone_js_page, options=WCAG_AA)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []

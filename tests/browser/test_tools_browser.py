"""The three tools in the real browser: with and without JavaScript, axe, no cookies, printable quiz."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_reader_browser import WCAG_AA, assert_private

pytestmark = pytest.mark.browser

TOOL_PAGES = {
    "norm check": "/tenk-selv/",
    "norm check result": "/tenk-selv/svar/?provd-18-25=40&ikke-greit-i-gjengen=5",
    "norm check error": "/tenk-selv/svar/?provd-18-25=abc",
    "mixing": "/blanding/",
    "mixing answer": "/blanding/?med=alkohol",
    "quiz start": "/quiz/",
    "quiz all": "/quiz/alle/",
    "quiz sheet": "/quiz/utskrift/",
    "quiz key": "/quiz/fasit/",
}


def axe_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


@pytest.mark.parametrize("path", TOOL_PAGES.values(), ids=TOOL_PAGES.keys())
def test_tool_page_has_no_axe_violations(js_page, live_url, path):
    js_page.goto(live_url + path)
    assert js_page.locator("h1").count() == 1
    assert axe_violations(js_page) == []
    assert_private(js_page, live_url)


def test_norm_check_reveals_in_place_with_javascript(js_page, live_url):
    js_page.goto(live_url + "/tenk-selv/")
    item = js_page.locator("#sporsmal-provd-18-25")
    item.get_by_label("Din gjetning i prosent").fill("40")
    item.get_by_role("button", name="Se svaret").click()
    panel = item.locator(".reveal")
    assert panel.is_visible()
    assert "40\u00a0%" in panel.locator(".guess-shown").inner_text() or "40 %" in panel.inner_text()
    assert panel.locator('a.stat[href="/tall/opinion-provd-kokain/"]').inner_text() == "8\u00a0%"
    assert panel.get_by_text("Du gjettet høyere enn tallet.").is_visible()
    assert not panel.get_by_text("Du var nær!").is_visible()
    assert js_page.url == live_url + "/tenk-selv/"
    assert axe_violations(js_page) == []


def test_norm_check_says_what_is_wrong_with_a_guess_in_place(js_page, live_url):
    js_page.goto(live_url + "/tenk-selv/")
    item = js_page.locator("#sporsmal-ikke-greit-i-gjengen")
    item.get_by_label("Din gjetning (fra 0 til 10)").fill("12")
    item.get_by_label("Din gjetning (fra 0 til 10)").press("Enter")
    assert item.get_by_text("Skriv et tall fra 0 til 10.").is_visible()
    assert not item.locator(".reveal").is_visible()
    assert js_page.url == live_url + "/tenk-selv/"


def test_norm_check_summary_appears_when_every_answer_is_seen(js_page, live_url):
    js_page.goto(live_url + "/tenk-selv/")
    items = js_page.locator("fieldset.guess")
    for i in range(items.count()):
        items.nth(i).locator("input").fill("5")
        items.nth(i).get_by_role("button", name="Se svaret").click()
    assert js_page.locator("#oppsummering").is_visible()


def test_norm_check_form_goes_to_the_result_page(browser_page, live_url):
    browser_page.goto(live_url + "/tenk-selv/")
    browser_page.locator("#gjett-ikke-brukt-siste-ar").fill("50")
    browser_page.get_by_role("button", name="Se alle svarene").click()
    assert browser_page.locator("h1").inner_text() == "Hva tror du? Svarene"
    assert "ikke-brukt-siste-ar=50" in browser_page.url
    article = browser_page.locator("#svar-ikke-brukt-siste-ar")
    assert "Du gjettet lavere enn tallet." in article.inner_text()
    assert (
        article.locator('a.stat[href="/tall/ssb-16-30-ikke-brukt-siste-ar-2024/"]').inner_text()
        == "95\u00a0%"
    )
    assert_private(browser_page, live_url)


def test_the_reveal_buttons_exist_only_with_javascript(browser, live_url):
    from tests.browser.conftest import _new_page

    for javascript, visible in ((True, True), (False, False)):
        context, page = _new_page(browser, javascript)
        page.goto(live_url + "/tenk-selv/")
        assert page.get_by_role("button", name="Se svaret").first.is_visible() == visible
        context.close()


def test_mixing_answers_a_choice_and_something_not_covered(browser_page, live_url):
    browser_page.goto(live_url + "/blanding/")
    browser_page.get_by_label("Heroin").check()
    browser_page.get_by_role("button", name="Se hva heftet sier").click()
    answer = browser_page.locator("#svar")
    assert "Heftet sier: Økt risiko\n" in answer.inner_text()  # the one level of all the opioids
    assert "øker risikoen for å dø" in answer.inner_text()  # speedball, as an added statement
    assert answer.locator('a[href="/kapittel/dodelighet/#dodelighet-speedball"]').count() >= 1
    browser_page.get_by_label("Noe annet? Skriv hva:").fill("ghb")
    browser_page.get_by_role("button", name="Se hva heftet sier").click()
    assert "Det betyr ikke at den er trygg." in browser_page.locator("#svar").inner_text()
    assert browser_page.locator('#svar a[href="/hjelp/"]').count() == 1
    assert_private(browser_page, live_url)


def test_quiz_all_at_once_gives_a_score_with_explanations(browser_page, live_url):
    browser_page.goto(live_url + "/quiz/alle/")
    browser_page.locator("#svar-speedball").get_by_label(re.compile(r"^A\. Kokain og heroin")).check()
    browser_page.locator("#svar-alkohol").get_by_label(re.compile(r"^A\. ")).check()
    browser_page.get_by_role("button", name="Se resultatet").click()
    assert browser_page.locator("h1").inner_text() == "Resultatet ditt"
    assert re.match(r"1 av \d+ riktige", browser_page.locator(".big-number").inner_text())
    wrong = browser_page.locator("#svar-alkohol")
    assert "Feil" in wrong.inner_text() and "Riktig svar: C." in wrong.inner_text()
    assert wrong.locator('a[href="/kilder/#kilde-helsenorge-2024"]').count() == 1
    assert_private(browser_page, live_url)


def test_quiz_result_has_no_axe_violations(js_page, live_url):
    js_page.goto(live_url + "/quiz/alle/")
    js_page.get_by_role("button", name="Se resultatet").click()
    assert js_page.locator("h1").inner_text() == "Resultatet ditt"
    assert axe_violations(js_page) == []


def test_quiz_one_question_at_a_time(browser_page, live_url):
    browser_page.goto(live_url + "/quiz/")
    browser_page.get_by_role("link", name="Ett spørsmål om gangen").click()
    assert browser_page.locator("h1").inner_text().startswith("Spørsmål 1 av")
    browser_page.get_by_label(re.compile(r"^B\. Som lokalbedøvelse")).check()
    browser_page.get_by_role("button", name="Neste spørsmål").click()
    assert browser_page.locator("h1").inner_text().startswith("Spørsmål 2 av")
    assert (
        browser_page.locator('input[type="hidden"][name="svar-kokain-som-medisin"]').get_attribute("value")
        == "2"
    )
    assert_private(browser_page, live_url)


@pytest.mark.parametrize("path", ["/quiz/utskrift/", "/quiz/fasit/"])
def test_teacher_sheets_print_on_a4_without_the_site_chrome(js_page, live_url, path):
    js_page.goto(live_url + path)
    js_page.emulate_media(media="print")
    assert not js_page.locator(".site-header").is_visible()
    assert not js_page.locator(".help-bar").is_visible()
    assert js_page.locator("ol.sheet > li").first.is_visible()
    if path.endswith("fasit/"):
        assert js_page.locator(".print-url").first.is_visible()
    pdf = js_page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    assert_private(js_page, live_url)

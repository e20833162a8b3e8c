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
    "mixing empty": "/blanding/?annet=",
    "mixing unknown": "/blanding/?med=annet&annet=ketamin",
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
    browser_page.get_by_role("button", name="Se om du har rett").click()
    assert browser_page.locator("h1").inner_text() == "Riktig!"
    browser_page.get_by_role("link", name="Neste spørsmål").click()
    assert browser_page.locator("h1").inner_text().startswith("Spørsmål 2 av")
    assert (
        browser_page.locator('input[type="hidden"][name="svar-kokain-som-medisin"]').get_attribute("value")
        == "2"
    )
    assert_private(browser_page, live_url)


def test_the_quiz_teaches_after_each_answer_and_back_and_refresh_work(browser_page, live_url):
    """The whole quiz, one question at a time over real HTTP: a verdict and the explanation after each
    answer, progress as text and <progress>, Back and refresh without a resubmission prompt, and a
    result that opens only the wrong answers."""
    page = browser_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_url + "/quiz/ett-om-gangen/")
    count = int(page.locator("#quiz-progress").get_attribute("max"))
    wrong = 0
    for number in range(1, count + 1):
        assert page.locator("h1").inner_text() == f"Spørsmål {number} av {count}"
        assert page.locator("label[for=quiz-progress]").inner_text() == f"{number} av {count}"
        assert page.locator("#quiz-progress").get_attribute("value") == str(number)
        # Every other question: the first option, clicked on its text at the far end of the row.
        rows = page.locator("label.choice")
        row = rows.nth(0 if number % 2 else rows.count() - 1)
        box = row.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
        assert row.locator("input").is_checked()
        page.get_by_role("button", name="Se om du har rett").click()
        verdict = page.locator("h1").inner_text()
        assert verdict in ("Riktig!", "Ikke riktig")
        feedback = page.locator(".quiz-feedback")
        assert feedback.locator(".cites a").count() >= 2  # the passage and at least one source
        assert feedback.locator("p").count() >= 3  # the answer, the explanation, the cites
        if verdict == "Ikke riktig":
            wrong += 1
            assert "Riktig svar:" in feedback.inner_text()
        if number == 3:
            feedback_url = page.url
            page.reload()
            assert page.locator("h1").inner_text() == verdict and page.url == feedback_url
            page.go_back()
            assert page.locator("h1").inner_text() == "Spørsmål 3 av " + str(count)
            page.go_forward()
            assert page.url == feedback_url and page.locator("h1").inner_text() == verdict
        page.get_by_role("link", name="Se resultatet" if number == count else "Neste spørsmål").click()
    assert page.locator("h1").inner_text() == "Resultatet ditt"
    assert page.locator(".big-number").inner_text() == f"{count - wrong} av {count} riktige"
    assert page.locator(".quiz-answers details[open]").count() == wrong
    assert page.locator(".quiz-answers details:not([open])").count() == count - wrong
    page.reload()
    assert page.locator(".big-number").inner_text() == f"{count - wrong} av {count} riktige"
    assert dialogs == []
    assert_private(page, live_url)


@pytest.mark.parametrize("width", [320, 360, 375])
def test_question_cards_hold_their_question_and_every_option_row_is_a_big_target(browser, live_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in ("/quiz/ett-om-gangen/?spm=9", "/quiz/alle/", "/blanding/"):
        page.goto(live_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        for card in page.locator("fieldset").all():
            outer, legend = card.bounding_box(), card.locator("legend").bounding_box()
            assert legend["y"] >= outer["y"] + 1 and legend["x"] >= outer["x"], path  # inside the border
            assert legend["x"] + legend["width"] <= outer["x"] + outer["width"], path
        for row in page.locator("label.choice").all():
            box = row.bounding_box()
            assert box["height"] >= 44, (path, row.inner_text(), box)
            radio = row.locator("input").bounding_box()
            assert radio["height"] >= 20 and box["y"] <= radio["y"] <= box["y"] + box["height"]
        for target in page.locator("main button:visible").all():
            assert target.bounding_box()["height"] >= 44, path
    context.close()


def test_quiz_feedback_and_result_have_no_axe_violations(js_page, live_url):
    for path in (
        "/quiz/ett-om-gangen/?steg=0&svar-kokain-som-medisin=1",
        "/quiz/ett-om-gangen/?steg=1",
        "/quiz/resultat/?sendt=ett&svar-kokain-som-medisin=1&svar-alkohol=3",
    ):
        js_page.goto(live_url + path)
        assert js_page.locator("h1").count() == 1
        assert axe_violations(js_page) == [], path


def test_an_exact_guess_is_recognised_and_the_bars_show_guess_and_figure(browser_page, live_url):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_url + "/tenk-selv/")
    item = page.locator("#sporsmal-provd-18-25")
    item.get_by_label("Din gjetning i prosent").fill("8")
    if item.get_by_role("button", name="Se svaret").is_visible():  # with JavaScript: in place
        item.get_by_role("button", name="Se svaret").click()
        scope = item.locator(".reveal")
    else:
        page.get_by_role("button", name="Se alle svarene").click()
        scope = page.locator("#svar-provd-18-25")
    assert scope.get_by_text("Helt riktig! Du traff tallet.").is_visible()
    assert not scope.get_by_text("Du var nær!").is_visible()
    bars = scope.locator(".guess-bars svg")
    assert bars.get_attribute("role") == "img"
    title = scope.locator(".guess-bars title").text_content().replace("\u00a0", " ")
    assert title == "Din gjetning: 8 %. Tallet: 8 %."
    guess, figure = scope.locator(".bar-guess").bounding_box(), scope.locator(".bar-figure").bounding_box()
    track = scope.locator(".bar-track").first.bounding_box()
    assert abs(guess["width"] - figure["width"]) < 1 and 0.07 < figure["width"] / track["width"] < 0.09
    for text in scope.locator(".guess-bars text").all():
        assert text.bounding_box()["height"] >= 12  # readable as displayed at 320 px
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_norm_check_summary_lists_only_majorities(browser_page, live_url):
    browser_page.goto(live_url + "/tenk-selv/svar/?provd-18-25=40")
    most = browser_page.locator("#oppsummering-h").locator("xpath=..")
    figures = most.locator("a.stat").all_inner_texts()
    assert "95\u00a0%" in figures and "8\u00a0%" not in figures and "3\u00a0%" not in figures
    assert "6\u00a0%" not in figures
    assert browser_page.locator("#oppsummering-h").inner_text() == "De fleste lar kokain være"


def test_mixing_sent_empty_says_so_and_an_unknown_substance_gets_rusinfo(browser_page, live_url):
    page = browser_page
    page.goto(live_url + "/blanding/")
    page.get_by_role("button", name="Se hva heftet sier").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "Velg et stoff, eller skriv hva kokainet blandes med." in summary.inner_text()
    page.get_by_label("Noe annet", exact=True).check()
    page.get_by_label("Noe annet? Skriv hva:").fill("lsd")
    page.get_by_role("button", name="Se hva heftet sier").click()
    answer = page.locator("#svar")
    assert "Heftet sier ingenting om denne blandingen." in answer.inner_text()
    card = answer.locator(".mixing-help")
    assert "RUSinfo" in card.inner_text()
    call = card.get_by_role("link", name="Ring 915 08 588")
    assert call.get_attribute("href") == "tel:+4791508588"
    assert call.bounding_box()["height"] >= 44
    assert card.get_by_role("link", name="Chat på www.rusinfo.no").bounding_box()["height"] >= 44
    assert_private(page, live_url)


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

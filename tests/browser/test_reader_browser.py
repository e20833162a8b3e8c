import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PAGE_TYPES = {
    "home": "/",
    "contents": "/innhold/",
    "chapter": "/kapittel/utbredelse/",
    "opinion chapter": "/kapittel/actis-mener/",
    "sources": "/kilder/",
    "about": "/om/",
    "help": "/hjelp/",
    "ask": "/spor/",
    "ask with answers": "/spor/?q=kokain+og+alkohol",
    "numbers": "/tall/",
    "all numbers": "/tall/alle/",
    "comparison": "/tall/hvorfor-forskjellige/",
    "record": "/tall/euda-norge-15-34-siste-ar/",
    "not found": "/finnes-ikke/",
}


def assert_private(page, live_url):
    """No request to another host, no cookie, and nothing the Content-Security-Policy had to block."""
    assert [url for url in page.requested_urls if not url.startswith(live_url)] == []
    assert page.context.cookies() == []
    assert page.csp_violations == []


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_has_no_axe_violations(js_page, live_url, path):
    js_page.goto(live_url + path)
    assert js_page.locator("h1").count() == 1
    results = Axe().run(js_page, options=WCAG_AA)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
    assert_private(js_page, live_url)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_type_is_complete_without_javascript(browser, live_url, path):
    from tests.browser.conftest import _new_page

    context, page = _new_page(browser, False)
    response = page.goto(live_url + path)
    assert response.status == (404 if path == "/finnes-ikke/" else 200)
    assert page.locator("h1").count() == 1
    assert page.locator("main").inner_text().strip()
    assert page.locator('a[href="tel:113"]').count() >= 1
    assert any("/static/rusfakta/site." in url for url in page.requested_urls)
    assert_private(page, live_url)
    context.close()


def test_reader_can_go_from_home_to_a_chapter_and_a_source(browser_page, live_url):
    browser_page.goto(live_url + "/")
    browser_page.get_by_role("link", name="Les heftet").click()
    # The contents page lists each chapter twice: by theme, then in the booklet's order.
    browser_page.get_by_role("link", name="Historikk", exact=True).first.click()
    assert browser_page.locator("h1").inner_text() == "Historikk"
    browser_page.get_by_role("link", name="Allen 1987").first.click()
    assert browser_page.url.endswith("/kilder/#kilde-allen-1987")
    assert browser_page.locator("#kilde-allen-1987").is_visible()


def test_figure_number_links_to_its_record(browser_page, live_url):
    browser_page.goto(live_url + "/kapittel/utbredelse/")
    browser_page.locator('a.stat[href="/tall/euda-norge-15-34-siste-ar/"]').first.click()
    assert "EUDA 2024" in browser_page.locator("main").inner_text()
    assert "15–34" in browser_page.locator("main").inner_text()


def test_charts_load_as_images_from_the_site(js_page, live_url):
    js_page.goto(live_url + "/tall/")
    images = js_page.locator(".chart img")
    assert images.count() >= 8
    for i in range(images.count()):
        images.nth(i).scroll_into_view_if_needed()
    js_page.wait_for_function(
        "() => [...document.querySelectorAll('.chart img')].every(i => i.complete && i.naturalWidth > 0)"
    )


def test_the_browser_blocks_and_reports_inline_script(js_page, live_url):
    """Proves the CSP check above can fail: an inline script is refused and reported."""
    js_page.goto(live_url + "/")
    with js_page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        js_page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
            " document.body.appendChild(s); }"
        )
    assert js_page.evaluate("() => window.injected") is None
    assert any("inline script" in text for text in js_page.csp_violations)

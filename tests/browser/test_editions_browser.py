"""The nynorsk and English editions in the real browser (#19): axe on every page type, and the language
switcher keeps the reader's place (same page, same anchor)."""

import pytest

from tests.browser.test_reader_browser import PAGE_TYPES, assert_private
from tests.browser.test_tools_browser import TOOL_PAGES, axe_violations

pytestmark = pytest.mark.browser

EDITION_PAGES = [
    pytest.param(f"/{lang}{path}", id=f"{lang} {name}")
    for lang in ("nn", "en")
    for name, path in {**PAGE_TYPES, **TOOL_PAGES}.items()
]


@pytest.mark.parametrize("path", EDITION_PAGES)
def test_edition_page_type_has_no_axe_violations(js_page, live_url, path):
    js_page.goto(live_url + path)
    assert js_page.locator("html").get_attribute("lang") == path[1:3]
    assert js_page.locator("h1").count() == 1
    assert axe_violations(js_page) == []
    assert_private(js_page, live_url)


def test_the_switcher_keeps_the_anchor(js_page, live_url):
    js_page.goto(live_url + "/en/kapittel/historikk/")
    anchor = js_page.locator("article.passage").nth(2).get_attribute("id")
    js_page.goto(f"{live_url}/en/kapittel/historikk/#{anchor}")
    js_page.get_by_role("link", name="Nynorsk").click()
    js_page.wait_for_url(f"**/nn/kapittel/historikk/#{anchor}")
    assert js_page.locator("html").get_attribute("lang") == "nn"
    js_page.get_by_role("link", name="Bokmål").click()
    js_page.wait_for_url(f"**/kapittel/historikk/#{anchor}")
    assert js_page.url == f"{live_url}/kapittel/historikk/#{anchor}"


def test_without_javascript_the_switcher_keeps_the_page(browser, live_url):
    from tests.browser.conftest import _new_page

    context, page = _new_page(browser, False)
    page.goto(live_url + "/nn/tall/alle/")
    page.get_by_role("link", name="English").click()
    assert page.url == live_url + "/en/tall/alle/"
    context.close()

"""Every page type on a phone and a desktop: no sideways scrolling, tap targets of at least 44×44 px,
a focus order that follows the page, and axe at zero in the light and the dark colour scheme, with
JavaScript on and off. Issue #17."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import _new_page
from tests.browser.test_reader_browser import WCAG_AA, assert_private
from tests.conftest import CHECKOUT

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 375, 768, 1280)
PAGE_TYPES = {
    "home": "/",
    "contents": "/innhold/",
    "chapter": "/kapittel/utbredelse/",
    "chapter with tools": "/kapittel/blandingsbruk/",
    "numbers": "/tall/",
    "record": "/tall/euda-norge-15-34-siste-ar/",
    "comparison": "/tall/hvorfor-forskjellige/",
    "ask": "/spor/?q=kan+man+d%C3%B8+av+kokain",
    "quiz": "/quiz/",
    "norm check": "/tenk-selv/",
    "mixing": "/blanding/",
    "help": "/hjelp/",
    "about": "/om/",
    "sources": "/kilder/",
    "changes": "/endringer/",
    "not found": "/finnes-ikke/",
}

MIN_TAP = 44
# Links inside running text are exempt (WCAG 2.5.8's inline exception): a link whose nearest block has
# text of its own beside the link. Checkboxes and radio buttons count with their label.
SMALL_TARGETS = """
() => {
  const isInline = el => getComputedStyle(el).display === 'inline';
  const inRunningText = el => {
    let node = el;
    while (node.parentElement && isInline(node.parentElement)) node = node.parentElement;
    const block = node.parentElement;
    return [...block.childNodes].some(child => child !== node && (
      (child.nodeType === Node.TEXT_NODE && child.textContent.trim().replace(/^[·,–|]$/, '')) ||
      (child.nodeType === Node.ELEMENT_NODE && isInline(child) && child.tagName !== 'A' && child.textContent.trim())
    ));
  };
  const box = el => {
    let {left, top, right, bottom} = el.getBoundingClientRect();
    if ((el.type === 'radio' || el.type === 'checkbox') && el.labels) {
      for (const label of el.labels) {
        const r = label.getBoundingClientRect();
        left = Math.min(left, r.left); top = Math.min(top, r.top);
        right = Math.max(right, r.right); bottom = Math.max(bottom, r.bottom);
      }
    }
    return {left, top, width: right - left, height: bottom - top};
  };
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || r.right + scrollX <= 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.tagName === 'A' && inRunningText(el)) continue;
    const b = box(el);
    if (b.width < %(min)s - 0.5 || b.height < %(min)s - 0.5) {
      small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 40)}" ${Math.round(b.width)}×${Math.round(b.height)}`);
    }
  }
  return small;
}
""".replace("%(min)s", str(MIN_TAP))
WIDEST = """
() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
"""


def _page_types():
    for name, path in PAGE_TYPES.items():
        yield pytest.param(path, id=name)


def _open(browser, live_url, path, width, javascript=True, scheme="light"):
    context, page = _new_page(browser, javascript)
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    response = page.goto(live_url + path)
    assert response.status == (404 if path == "/finnes-ikke/" else 200)
    return context, page


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("path", _page_types())
def test_no_sideways_scrolling_and_every_tap_target_is_big_enough(browser, live_url, path, javascript):
    """Loaded once at the narrowest width, then widened step by step, as a phone turned on its side: no
    script of ours reads the width (checked below), so each width lays out as a page loaded there."""
    context, page = _open(browser, live_url, path, WIDTHS[0], javascript)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.clientWidth") == width
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (width, page.evaluate(WIDEST))
        assert page.evaluate(SMALL_TARGETS) == [], width
    assert_private(page, live_url)
    context.close()


WIDTH_READERS = re.compile(
    r"innerWidth|outerWidth|clientWidth|offsetWidth|matchMedia|getBoundingClientRect|resize"
)


def test_no_script_reads_the_width():
    """The check above resizes one loaded page instead of loading it at every width. That is the same
    only while the layout is the style sheet's alone: a script that reads the width at load would need a
    load per width."""
    scripts = sorted((CHECKOUT / "src" / "rusfakta" / "static").rglob("*.js"))
    assert scripts
    assert [str(s) for s in scripts if WIDTH_READERS.search(s.read_text(encoding="utf-8"))] == []


@pytest.mark.parametrize("path", _page_types())
def test_focus_follows_the_page_from_the_skip_link_on(browser, live_url, path):
    context, page = _open(browser, live_url, path, 375)
    order = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
              const el = document.activeElement;
              if (el === document.body) return null;
              const all = [...document.querySelectorAll('*')];
              const r = el.getBoundingClientRect();
              return {index: all.indexOf(el), visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0,
                      outline: getComputedStyle(el).outlineStyle, text: el.textContent.trim().slice(0, 30)};
            }"""
        )
        if focused is None:
            break
        order.append(focused)
    assert order and order[0]["text"] == "Hopp til innholdet"
    assert all(item["visible"] and item["outline"] != "none" for item in order), order
    indices = [item["index"] for item in order]
    assert indices == sorted(indices), order  # no tabindex jumps: the page is read in its own order
    context.close()


@pytest.mark.parametrize("path", _page_types())
def test_axe_finds_nothing_in_either_colour_scheme(browser, live_url, path):
    context, page = _open(browser, live_url, path, 375)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
        results = Axe().run(page, options=WCAG_AA)
        violations = [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
        ]
        assert violations == [], scheme
    context.close()


def test_the_menu_marks_where_you_are(browser, live_url):
    context, page = _open(browser, live_url, "/kapittel/blandingsbruk/", 375)
    menu = page.get_by_role("navigation", name="Hovedmeny")
    assert menu.get_by_role("link", name="Les").get_attribute("aria-current") == "true"
    page.goto(live_url + "/blanding/")
    assert menu.get_by_role("link", name="Blanding").get_attribute("aria-current") == "page"
    assert menu.locator("[aria-current]").count() == 1
    context.close()


def test_the_favicon_is_there(browser, live_url):
    context, page = _open(browser, live_url, "/", 375)
    icons = page.locator("link[rel~='icon']").evaluate_all("links => links.map(l => l.href)")
    assert len(icons) >= 2
    for url in icons + [live_url + "/favicon.ico"]:
        assert page.request.get(url).status == 200, url
    context.close()

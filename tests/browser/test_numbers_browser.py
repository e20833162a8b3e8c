"""Charts, tables and the numbers pages on a phone, measured in chromium against `rusfakta serve`."""

import base64

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import _new_page
from tests.browser.test_reader_browser import WCAG_AA

pytestmark = pytest.mark.browser

PHONES = (320, 360, 375)
CHART_PAGES = ("/tall/", "/kapittel/ungdata/", "/kapittel/opinion/", "/kapittel/kjop-og-salg/", "/en/tall/")
NUMBER_PAGES = (
    "/tall/",
    "/tall/alle/",
    "/tall/opinion-russ-provd-russetid/",
    "/tall/hvorfor-forskjellige/",
    "/kapittel/opinion/",
    "/kapittel/ungdata/",
    "/en/kapittel/opinion/",
    "/en/tall/alle/",
)

# For each chart image: how big its smallest lettering is on screen (the font size in the drawing it
# chose, times the width it is shown at over the width it was drawn at), and whether the element it
# chose (<source> or <img>) gives the drawing's real width and height.
MEASURE_CHARTS = """async () => {
  const found = [];
  for (const img of document.querySelectorAll('picture img')) {
    const picture = img.parentElement;
    const chosen = [...picture.querySelectorAll('source')].find(s => img.currentSrc.endsWith(s.srcset)) || img;
    const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), 'image/svg+xml');
    const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')));
    const shown = img.getBoundingClientRect().width;
    found.push({
      src: img.currentSrc,
      smallest: Math.min(...sizes) * shown / img.naturalWidth,
      given: [Number(chosen.getAttribute('width')), Number(chosen.getAttribute('height'))],
      real: [img.naturalWidth, img.naturalHeight],
      svgSize: [Number(svg.documentElement.getAttribute('width')), Number(svg.documentElement.getAttribute('height'))],
    });
  }
  return found;
}"""


def _page(browser, width, javascript=True):
    context, page = _new_page(browser, javascript)
    page.set_viewport_size({"width": width, "height": 800})
    return context, page


def _load_images(page):
    for img in page.locator("picture img").all():
        img.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('picture img')].every(i => i.complete && i.naturalWidth > 0)"
    )


@pytest.mark.parametrize("width", (*PHONES, 768, 1280))
@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_is_at_least_12_px_as_shown_and_images_have_their_real_size(
    browser, live_url, path, width
):
    context, page = _page(browser, width)
    page.goto(live_url + path)
    _load_images(page)
    charts = page.evaluate(MEASURE_CHARTS)
    assert charts, f"{path} shows no chart"
    for chart in charts:
        assert chart["smallest"] >= 12, f"{chart['src']} at {width} px: {chart['smallest']:.1f} px"
        assert chart["given"] == chart["real"] == chart["svgSize"], chart["src"]
    narrow = [chart["src"].endswith(".smal.svg") for chart in charts]
    assert narrow == [width < 640] * len(charts)  # the phone drawing below 40em, the wide one from there
    context.close()


def test_every_text_in_every_drawing_stays_inside_it(js_page, live_url):
    """The drawings' sizes are fixed before they are drawn, so nothing may stick out and be cut off."""
    js_page.goto(live_url + "/tall/")
    sources = js_page.evaluate(
        "() => [...document.querySelectorAll('picture')].flatMap(p => [p.querySelector('source').srcset, p.querySelector('img').src])"
    )
    assert len(sources) >= 20
    for source in sources:
        js_page.goto(source if source.startswith("http") else live_url + source)
        outside = js_page.evaluate(
            """() => { const svg = document.documentElement, w = +svg.getAttribute('width'), h = +svg.getAttribute('height');
            return [...document.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()])
              .filter(([, r]) => r.left < 0 || r.top < 0 || r.right > w || r.bottom > h).map(([t]) => t); }"""
        )
        assert outside == [], source


@pytest.mark.parametrize("path", NUMBER_PAGES)
def test_numbers_pages_fit_a_phone(browser, live_url, path):
    """Loaded at the narrowest phone, then widened: the layout is the style sheet's alone (see
    test_layout_browser.test_no_script_reads_the_width)."""
    context, page = _page(browser, PHONES[0])
    page.goto(live_url + path)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    for width in PHONES:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
        wider = page.evaluate(
            f"""() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > {width} + 0.5)
            .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))"""
        )
        assert wider == [], width
    context.close()


@pytest.mark.parametrize("width", (320, 375, 768))
def test_comparison_shows_every_property_of_every_survey_on_a_phone(browser, live_url, width):
    context, page = _page(browser, width)
    page.goto(live_url + "/tall/hvorfor-forskjellige/")
    rows = page.locator("table.compare tbody tr")
    assert rows.count() >= 8
    for row in rows.all():
        cells = row.locator("th, td").all()
        assert len(cells) == 5
        for cell in cells:
            assert cell.is_visible()
            box = cell.bounding_box()
            assert box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= width
        for label in ("Hvem:", "Når:", "Hvorfor:"):
            assert label in row.inner_text()
    non_use = page.locator("td.compare-figure", has_text="95")
    assert "ikke brukt" in non_use.inner_text()  # a non-use figure is never shown without saying so
    for figure in page.locator("td.compare-figure").all():
        assert figure.locator(".measure").inner_text().strip()
    context.close()


def test_tables_are_stacked_on_a_phone_and_side_by_side_on_a_desktop(browser, live_url):
    for width, stacked in ((375, True), (1280, False)):
        context, page = _page(browser, width)
        page.goto(live_url + "/tall/alle/")
        first = page.locator("table.stats tbody tr").first
        what, number = first.locator("th").bounding_box(), first.locator("td").first.bounding_box()
        assert (number["y"] >= what["y"] + what["height"] - 1) is stacked, width
        assert first.locator(".cell-label").first.is_visible() is stacked, width
        table = page.locator("table.stats").evaluate(
            "t => [t.getBoundingClientRect().width, t.parentElement.getBoundingClientRect().width]"
        )
        assert table[0] <= table[1] + 0.5, f"the table is wider than its column at {width} px"
        context.close()


def test_chart_numbers_sit_in_a_disclosure_that_works_without_javascript(browser_page, live_url):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    browser_page.goto(live_url + "/tall/")
    figure = browser_page.locator("#diagram-figur-6-tilbudt")
    assert figure.locator("figcaption").inner_text().startswith("18–25-åringer som er blitt tilbudt")
    table = figure.locator("details table")
    assert not table.is_visible()
    summary = figure.locator("summary")
    assert summary.bounding_box()["height"] >= 44
    summary.click()
    assert table.is_visible()
    assert table.locator("thead th").first.inner_text() == "Gruppe"
    browser_page.goto(live_url + "/tall/#diagram-fhi-16-30-utvikling")
    trend = browser_page.locator("#diagram-fhi-16-30-utvikling")
    trend.locator("summary").click()
    assert trend.locator("thead th").first.inner_text() == "År"


def test_record_page_leads_with_the_number(browser, live_url):
    context, page = _page(browser, 320)
    page.goto(live_url + "/tall/opinion-russ-provd-russetid/")
    number = page.locator("h1 .big-number")
    assert number.inner_text().replace("\u00a0", " ") == "3 %"
    assert number.bounding_box()["y"] < page.locator("h1 .record-what").bounding_box()["y"]
    assert page.locator("h1").bounding_box()["y"] < page.locator("dl.record").bounding_box()["y"]
    body = float(page.evaluate("getComputedStyle(document.body).fontSize")[:-2])
    assert float(number.evaluate("e => getComputedStyle(e).fontSize")[:-2]) >= 2 * body
    assert page.evaluate("document.documentElement.lang") == "nb"
    assert page.locator(".numbers").evaluate("e => getComputedStyle(e).hyphens") == "auto"
    context.close()


@pytest.mark.parametrize(
    "path", ("/tall/", "/kapittel/opinion/", "/kapittel/ungdata/", "/tall/hvorfor-forskjellige/")
)
@pytest.mark.parametrize("width", (375, 1280))
def test_numbers_pages_with_open_tables_have_no_axe_violations(browser, live_url, path, width):
    context, page = _page(browser, width)
    page.goto(live_url + path)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page, options=WCAG_AA)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
    context.close()


@pytest.mark.parametrize("width", (1024, 1280, 1920))
def test_comparison_is_one_table_within_the_screen_on_a_desktop(browser, live_url, width):
    context, page = _page(browser, width)
    page.goto(live_url + "/tall/hvorfor-forskjellige/")
    table = page.locator("table.compare")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    box = table.bounding_box()
    wrap = page.locator(".compare-wrap").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= wrap["x"] + wrap["width"] + 0.5 <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


# A chart as shown on screen, from a screenshot read back through a canvas: the colour of its corner
# (its background) and how often each colour occurs in it.
SHOWN_COLOURS = """async (png) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), {width: image.width, height: image.height});
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  const counts = {};
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
    counts[key] = (counts[key] || 0) + 1;
  }
  return {corner: [data[0], data[1], data[2]], counts};
}"""


def _luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(value) for value in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one, other):
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("width", (375, 1280))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_follow_the_colour_scheme_with_readable_text_and_bars(browser, live_url, scheme, width):
    """On a dark page a chart is drawn dark too, never a white box; on a light page it stays as it was."""
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(live_url + "/tall/")
    _load_images(page)
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    images = page.locator("picture img").all()
    assert len(images) >= 10
    for image in images:
        shown = page.evaluate(SHOWN_COLOURS, base64.b64encode(image.screenshot()).decode())
        background = shown["corner"]
        colours = {tuple(map(int, key.split(","))): n for key, n in shown["counts"].items()}
        bars = max((colour for colour in colours if _contrast(colour, background) > 1.5), key=colours.get)
        ink = max(colours, key=lambda colour: _contrast(colour, background))
        where = f"{image.evaluate('i => i.currentSrc')} ({scheme}, {width} px)"
        assert f"rgb({', '.join(map(str, background))})" == paper, where  # it sits on the page's own paper
        assert _contrast(ink, background) >= 4.5, where
        assert _contrast(bars, background) >= 3, where  # WCAG 1.4.11: graphics against what is next to them
        if scheme == "dark":
            assert _luminance(background) < 0.05 and _luminance(ink) > 0.6, where
        else:
            assert background == [255, 255, 255] and bars == (0x0B, 0x5C, 0xAD), where
    context.close()

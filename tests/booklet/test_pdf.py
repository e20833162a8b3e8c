"""The booklet built from the loaded content pack, read back with pypdf and pdftoppm. Built once per module."""

import html
import io
import re
import shutil
import subprocess

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from rusfakta.booklet.build import render_pdf
from rusfakta.booklet.document import booklet_data
from rusfakta.content.markup import stat_refs
from rusfakta.content.models import Chapter, ContentVersion, Edition, Figure, Passage, Source
from rusfakta.helpservices.services import services_for_chapter
from rusfakta.statistics.charts import chart_rows, chart_svg, source_line
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import Chart, Statistic


def normalized(text):
    # pypdf reads the hyphen glyph as U+00AD when hyphenation used it first (viewers use Typst's ActualText).
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u00ad", "-")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf_bytes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return render_pdf(booklet_data("nb"))


@pytest.fixture(scope="module")
def reader(pdf_bytes):
    return PdfReader(io.BytesIO(pdf_bytes))


@pytest.fixture(scope="module")
def page_texts(reader):
    return [normalized(page.extract_text()) for page in reader.pages]


@pytest.fixture(scope="module")
def text(page_texts):
    return " ".join(page_texts)


def test_is_an_a5_booklet_of_sensible_length(reader):
    assert 30 <= len(reader.pages) <= 120
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (148, 210)


def test_cover_has_title_and_edition_month(db, page_texts):
    edition = Edition.objects.get()
    assert edition.edition == "2025-08"
    cover = page_texts[0]
    assert "Kokain" in cover and "fakta og oversikt" in cover
    assert "august 2025" in cover
    assert edition.publisher in cover


def test_document_metadata_has_title_and_language(db, reader):
    assert reader.metadata.title == "Kokain – fakta og oversikt – august 2025"
    assert reader.trailer["/Root"]["/Lang"] == "nb"


def test_every_chapter_heading_is_printed(db, text):
    for chapter in Chapter.objects.all():
        assert normalized(chapter.title) in text, chapter.title


def _chapter_start_pages(page_texts):
    """{title: page number} from the printed table of contents."""
    contents = next(i for i, t in enumerate(page_texts) if t.startswith("Innhold"))
    assert contents < 4
    titles = [normalized(c.title) for c in Chapter.objects.in_reading_order()] + ["Kilder"]
    starts = {}
    for title in titles:
        found = re.search(re.escape(title) + r"(?: \(Mening\))?[ .]+ (\d+)", page_texts[contents])
        assert found, f"{title} is not in the table of contents"
        starts[title] = int(found.group(1))
    return starts


def test_table_of_contents_points_at_the_page_each_chapter_starts_on(db, page_texts):
    for title, page in _chapter_start_pages(page_texts).items():
        assert page_texts[page - 1].startswith(title), f"{title} does not start on page {page}"


def test_every_figure_in_the_text_is_the_record_formatted(db, text):
    stats = {s.slug: s for s in Statistic.objects.all()}
    cited = {slug for passage in Passage.objects.all() for slug in stat_refs(passage.body)}
    assert len(cited) > 40
    for slug in cited:
        assert normalized(format_statistic(stats[slug], "nb")) in text, slug


def test_booklet_figures_show_their_records_and_source_lines(db, text):
    stats = {s.slug: s for s in Statistic.objects.select_related("source")}
    for figure in Figure.objects.all():
        assert f"Figur {figure.number}: {normalized(figure.title)}" in text
        for slug in figure.statistic_slugs:
            assert normalized(format_statistic(stats[slug], "nb")) in text
            assert f"Kilde: {stats[slug].source.title}" in text


def _bitmaps(resources):
    found = 0
    for xobject in (resources or {}).get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject["/Subtype"] == "/Image":
            found += 1
        else:
            found += _bitmaps(xobject.get("/Resources"))
    return found


def _chart_texts(svg):
    """The axis ticks as they run (0, 2, 4 …), and every other text of a chart (labels, values,
    title, source). The tick run is what only a drawn chart puts on a page."""
    texts = [normalized(html.unescape(t)) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    texts = [t for t in texts if t]
    numbers = [int(t) for t in texts if t.isdigit()]
    ticks = numbers[numbers.index(0) : numbers.index(0) + 2] if 0 in numbers else []
    for number in numbers[numbers.index(0) + 2 :] if len(ticks) == 2 else []:
        if number - ticks[-1] != ticks[1] - ticks[0]:
            break
        ticks.append(number)
    others = [t for t in texts if not t.isdigit()]
    return " ".join(map(str, ticks)) if len(ticks) >= 3 else "", others


def test_charts_are_vector_drawings_with_their_source_lines(db, reader, page_texts):
    """Every chart is drawn as vectors (its axis, labels and values are text on the page, and the
    booklet has no bitmaps), on one page, with its title and the source line of its records."""
    assert sum(_bitmaps(page["/Resources"]) for page in reader.pages) == 0, "charts are drawn as vectors"
    stats = {s.slug: s for s in Statistic.objects.select_related("source")}
    charts = list(Chart.objects.all())
    assert len(charts) >= 8
    for chart in charts:
        axis, texts = _chart_texts(chart_svg(chart, "nb"))
        assert axis and texts, chart.slug
        drawn_on = [i for i, t in enumerate(page_texts) if axis in t and all(x in t for x in texts)]
        assert len(drawn_on) == 1, f"{chart.slug} is drawn on pages {[i + 1 for i in drawn_on]}"
        page = page_texts[drawn_on[0]]
        assert normalized(chart.title) in page, chart.slug
        assert normalized(source_line(chart_rows(chart, stats, "nb"), "nb")) in page, chart.slug


def test_help_services_with_phone_numbers_and_hours(db, text):
    help_chapter = Chapter.objects.get(kind=Chapter.Kind.HELP)
    assert normalized(help_chapter.title) in text
    services = services_for_chapter(None)
    assert len(services) >= 5
    for view in services:
        assert normalized(view.service.name) in text
        if view.service.phone:
            assert normalized(view.service.phone) in text
        for line in view.hours_lines:
            assert normalized(line) in text
    for phone in ("113", "116 111", "915 08 588"):
        assert phone in text
    assert "15.00–08.00" in text


def test_opinion_chapter_is_labelled_on_every_page(db, page_texts):
    """Every page from the opinion chapter's first to the page before the next chapter (by the
    table of contents) says it is Actis' opinion: the first in its notice, the rest in the header."""
    opinion = normalized(Chapter.objects.get(kind=Chapter.Kind.OPINION).title)
    starts = sorted(_chapter_start_pages(page_texts).values())
    first = _chapter_start_pages(page_texts)[opinion]
    end = next(page for page in starts if page > first)  # the next chapter starts on a page of its own
    chapter_pages = range(first, end)
    assert len(chapter_pages) >= 2, "the check below needs a chapter that runs over more than one page"
    assert "Dette er Actis' mening." in page_texts[first - 1]
    for page in chapter_pages[1:]:
        assert page_texts[page - 1].startswith(f"{opinion} Dette er Actis' mening."), f"page {page}"


def test_about_actis_and_sources_are_printed(db, text):
    about = Chapter.objects.get(slug="om-actis")
    assert normalized(about.title) in text
    assert "Kilder" in text
    for source in Source.objects.all():
        assert normalized(source.title) in text, source.slug


def test_fonts_are_embedded(reader):
    checked = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font[
                "/BaseFont"
            ]
            checked += 1
    assert checked > 0


def _grey_ink(pdf_path, page):
    """Share of pixels that are not white, from a 30 dpi greyscale rendering (PGM)."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), str(pdf_path)],
        check=True,
        capture_output=True,
    ).stdout
    magic, width, height, maxval, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and int(maxval) == 255
    pixels = pixels[: int(width) * int(height)]
    return sum(1 for value in pixels if value < 230) / len(pixels)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) is not installed")
def test_cover_and_a_chart_page_are_not_blank(db, pdf_bytes, page_texts, tmp_path):
    path = tmp_path / "hefte.pdf"
    path.write_bytes(pdf_bytes)
    assert _grey_ink(path, 1) > 0.5, "the cover is a coloured page"
    chart_page = next(i for i, t in enumerate(page_texts) if "Figur 1:" in t) + 1
    assert _grey_ink(path, chart_page) > 0.03


def test_the_cover_says_when_the_content_last_changed_not_its_version_stamp(db, page_texts, text):
    version = ContentVersion.current()
    day = date_format(timezone.localdate(version.changed_at), "j. F Y")
    assert f"Oppdatert {day}" in page_texts[0]
    assert "Innholdsversjon" not in text and version.stamp[:12] not in text

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from rusfakta.content.models import Figure
from rusfakta.statistics.models import Chart, Statistic

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(svg_bytes):
    root = ET.fromstring(svg_bytes)
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def test_numbers_page_has_every_booklet_figure(pages):
    html = pages.get("/tall/").content.decode()
    for figure in Figure.objects.all():
        assert f'id="{figure.slug}"' in html
        assert f"Figur {figure.number}: {figure.title}" in re.sub(r"<span>|</span>", "", html)


def test_figures_without_data_show_text_not_bars(pages):
    html = pages.get("/tall/").content.decode()
    figure_7 = html.split('id="figur-7"')[1].split("</section>")[0]
    assert "<img" not in figure_7
    assert "Heftet oppgir ikke tallene i denne figuren." in figure_7


def test_figures_speak_to_readers_not_editors(pages):
    """One plain takeaway per figure; no talk about "the text", other numbers or what we draw."""
    html = pages.get("/tall/").content.decode()
    for figure in Figure.objects.all():
        section = html.split(f'id="{figure.slug}"')[1].split("</section>")[0]
        assert section.count('class="takeaway"') == 1, figure.slug
    for chart in Chart.objects.filter(figure_number__isnull=True):
        block = html.split(f'id="diagram-{chart.slug}"')[1].split("</figure>")[0]
        assert chart.note and f'<p class="takeaway">{chart.note}</p>' in block, chart.slug
    for editor_talk in ("Heftets tekst", "Eventuelle andre tall", "vi tegner", "står ikke i teksten"):
        assert editor_talk not in html


@pytest.mark.parametrize("size", ["narrow", "wide"])
@pytest.mark.parametrize("chart_slug", ["figur-6-tilbudt", "fhi-16-30-utvikling", "figur-2-videregaende"])
def test_screen_chart_has_values_and_labels_as_text_and_its_title_on_the_page(pages, chart_slug, size):
    from rusfakta.statistics.chart_screen import drawing_size
    from rusfakta.statistics.formatting import format_statistic

    chart = Chart.objects.get(slug=chart_slug)
    url = f"/tall/diagram/{chart_slug}{'.smal' if size == 'narrow' else ''}.svg"
    response = pages.get(url)
    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert (int(root.get("width")), int(root.get("height"))) == drawing_size(chart, size)
    texts = svg_texts(response.content)
    stats = {s.slug: s for s in Statistic.objects.select_related("source")}
    for bar in chart.bars:
        assert bar["label"] in texts
        assert format_statistic(stats[bar["stat"]], "nb").replace("\u00a0", " ") in texts
    assert chart.title not in " ".join(texts) and not any(t.startswith("Kilde") for t in texts)
    html = pages.get("/tall/").content.decode()
    block = html.split(f'id="diagram-{chart_slug}"')[1].split("</figure>")[0]
    assert f'<figcaption class="chart-title">{chart.title}</figcaption>' in block
    assert f'srcset="{url}"' in block or f'src="{url}"' in block
    width, height = drawing_size(chart, size)
    assert f'width="{width}" height="{height}"' in block


def test_chart_table_headers_say_what_the_bars_are(pages):
    html = pages.get("/tall/").content.decode()
    heading = {
        "figur-6-tilbudt": "Gruppe",
        "fhi-16-30-utvikling": "År",
        "figur-2-videregaende": "År",
        "dodsfall-med-kokain": "Hvor og når",
    }
    for slug, expected in heading.items():
        block = html.split(f'id="diagram-{slug}"')[1].split("</figure>")[0]
        assert f'<thead><tr><th scope="col">{expected}</th>' in block, slug


def test_chart_table_matches_the_records(pages):
    from rusfakta.statistics.formatting import format_statistic

    html = pages.get("/tall/").content.decode()
    chart = Chart.objects.get(slug="figur-6-tilbudt")
    block = html.split('id="diagram-figur-6-tilbudt"')[1].split("</figure>")[0]
    rows = re.findall(
        r'<th scope="row">([^<]+)</th><td><a class="stat" href="/tall/([^/]+)/">([^<]+)</a>', block
    )
    expected = [
        (bar["label"], bar["stat"], format_statistic(Statistic.objects.get(slug=bar["stat"]), "nb"))
        for bar in chart.bars
    ]
    assert rows == expected


def test_unknown_chart_is_404(pages):
    pages.get("/tall/diagram/finnes-ikke.svg", status=404)


def test_comparison_page_explains_the_different_figures(pages):
    html = pages.get("/tall/hvorfor-forskjellige/").content.decode()
    for shown in ("4,2\u00a0%", "5,2\u00a0%", "6\u00a0%", "8\u00a0%", "24,3\u00a0%"):
        assert f">{shown}</a>" in html
    assert "noen gang" in html
    # Only what the booklet says: no rule about which kind of survey gives the highest figure.
    assert "Tallet blir høyest" not in html and "ett år tidligere" not in html
    assert "trenger ikke å gjelde for alle" in html
    # Non-use (SSB's 95 %) is never in a column of use without saying so: every figure carries its measure.
    cells = re.findall(r'<td role="cell" class="compare-figure">(.*?)</td>', html)
    assert len(cells) >= 8
    assert all('<span class="measure">' in cell for cell in cells)
    assert any("95\u00a0%" in cell and "ikke brukt" in cell for cell in cells)


def test_record_page_leads_with_the_number_then_measure_population_period_area_source_and_uses(pages):
    from rusfakta.statistics.formatting import format_statistic

    stat = Statistic.objects.get(slug="fhi-uteliv-noen-gang")
    html = pages.get(stat.get_absolute_url()).content.decode()
    for value in (stat.measure, stat.population, stat.period, stat.area, stat.source.title):
        assert value in html
    number_first = f'<h1 class="record-title"><span class="big-number">{format_statistic(stat, "nb")}</span>'
    assert number_first in html
    assert html.index("<h1") < html.index('<dl class="record">')
    assert stat.note and stat.note in html
    assert "/kapittel/utbredelse/#" in html


@pytest.mark.django_db
def test_changing_a_record_changes_every_view(pages, client):
    stat = Statistic.objects.get(slug="opinion-tilbudt")
    stat.value = Decimal("33.3")
    stat.save()
    new = "33,3\u00a0%"
    assert new in pages.get("/kapittel/kjop-og-salg/").content.decode()
    assert new in pages.get(stat.get_absolute_url()).content.decode()
    assert new in pages.get("/tall/").content.decode()
    assert new in pages.get("/tall/alle/").content.decode()
    assert "33,3" in " ".join(svg_texts(pages.get("/tall/diagram/figur-6-tilbudt.svg").content))
    api = json.loads(client.get("/api/v1/statistics/opinion-tilbudt").content)
    assert api["value"] == 33.3
    listed = {s["id"]: s for s in json.loads(client.get("/api/v1/statistics").content)["statistics"]}
    assert listed["opinion-tilbudt"]["value"] == 33.3
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO(client.get("/api/v1/statistics.csv").content.decode()))
    }
    assert rows["opinion-tilbudt"]["value"] == "33.3"

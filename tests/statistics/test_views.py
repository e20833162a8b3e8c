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
    assert "Heftet gir ingen tall for denne figuren" in figure_7


@pytest.mark.parametrize("chart_slug", ["figur-6-tilbudt", "fhi-16-30-utvikling", "figur-2-videregaende"])
def test_chart_svg_has_title_source_values_and_labels_as_text(pages, chart_slug):
    chart = Chart.objects.get(slug=chart_slug)
    response = pages.get(f"/tall/diagram/{chart_slug}.svg")
    assert response["Content-Type"] == "image/svg+xml"
    texts = " ".join(svg_texts(response.content)).replace("\u00a0", " ")
    assert chart.title.split()[0] in texts
    assert "Kilde:" in texts
    stats = {s.slug: s for s in Statistic.objects.select_related("source")}
    for bar in chart.bars:
        assert bar["label"] in texts
        assert stats[bar["stat"]].source.title.split()[0] in texts


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


def test_record_page_shows_measure_population_period_area_source_and_uses(pages):
    stat = Statistic.objects.get(slug="fhi-uteliv-noen-gang")
    html = pages.get(stat.get_absolute_url()).content.decode()
    for value in (stat.measure, stat.population, stat.period, stat.area, stat.source.title):
        assert value in html
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

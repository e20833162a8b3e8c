import re

import pytest

from rusfakta.statistics.chart_screen import DARK, SIZES
from rusfakta.statistics.charts import bar_values, chart_rows, chart_spec, chart_svg, drawing_spec
from rusfakta.statistics.in_text import statistics_by_slug
from rusfakta.statistics.models import Chart


def _layers(spec):
    return {
        (
            layer["mark"].get("opacity"),
            layer["encoding"]["x"].get("field"),
            layer["encoding"].get("x2", {}).get("field"),
        )
        for layer in spec["layer"]
    }


@pytest.mark.django_db
def test_ranges_are_drawn_as_ranges_in_every_chart():
    stats = statistics_by_slug()
    ranges = 0
    for chart in Chart.objects.all():
        rows = chart_rows(chart, stats, "nb")
        for row, bar in zip(rows, bar_values(rows), strict=True):
            stat = row["stat"]
            assert bar["start"] == 0, chart.slug  # no bar floats away from the axis
            if stat.value is None:
                ranges += 1
                assert bar["range"] and (bar["low"], bar["high"]) == (float(stat.low), float(stat.high))
            else:
                assert not bar["range"] and bar["low"] == bar["high"] == float(stat.value)
        specs = [chart_spec(chart, rows, "nb")] + [drawing_spec(chart, rows, "nb", size) for size in SIZES]
        for layers in map(_layers, specs):
            assert (None, "start", "low") in layers  # the solid bar from zero
            assert (0.35, "low", "high") in layers  # the lighter part of a range, from low to high
    assert ranges >= 1, "Figur 2's 2018 figure (2–3 %) is a range"


@pytest.mark.django_db
def test_figure_2_reads_as_two_to_three_against_eight():
    chart = Chart.objects.get(slug="figur-2-videregaende")
    values = {v["label"]: v for v in bar_values(chart_rows(chart, statistics_by_slug(), "nb"))}
    assert (values["2018"]["start"], values["2018"]["low"], values["2018"]["high"]) == (0, 2, 3)
    assert (values["2023/2024"]["start"], values["2023/2024"]["high"]) == (0, 8)
    svg = chart_svg(chart)
    assert "2–3\u00a0%" in svg or "2–3 %" in svg
    assert re.search(r'fill-opacity="0\.35"|opacity="0\.35"', svg)


@pytest.mark.django_db
def test_screen_drawings_have_a_dark_colour_for_every_colour_they_use_and_the_pdf_has_none():
    chart = Chart.objects.get(slug="figur-1-ungdata")
    for size in SIZES:
        svg = chart_svg(chart, "nb", size)
        used = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', svg))
        assert used and used <= set(DARK), size  # a colour without a dark twin would stay light on dark
        dark_rules = re.search(r"<style>@media \(prefers-color-scheme: dark\)\{(.*)\}</style>", svg).group(1)
        for colour in used:
            assert f'[fill="{colour}"]{{fill:{DARK[colour]}}}' in dark_rules
    assert "<style" not in chart_svg(chart, "nb", "print")  # paper is always light


@pytest.mark.django_db
def test_an_edit_redraws_only_the_drawings_it_changes():
    from decimal import Decimal
    from pathlib import Path

    from django.conf import settings

    from rusfakta.content.models import Passage
    from rusfakta.statistics.charts import draw_missing
    from rusfakta.statistics.models import Statistic

    folder = Path(settings.DATA_DIR) / "charts"
    draw_missing()
    before = set(folder.glob("*.svg"))
    assert before
    passage = Passage.objects.get(slug="hva-utbredelse-verden")
    passage.heading += " (endret)"
    passage.save()  # a new content version, but no chart shows this passage
    draw_missing()
    assert set(folder.glob("*.svg")) == before
    stat = Statistic.objects.get(slug="opinion-tilbudt")
    stat.value = Decimal("33.3")
    stat.save()
    draw_missing()
    new = set(folder.glob("*.svg")) - before
    # the one chart with this figure, in three languages, for print and two screen sizes
    assert 0 < len(new) <= 9
    assert all("33,3" in path.read_text() or "33.3" in path.read_text() for path in new)
    assert chart_svg(Chart.objects.get(slug="figur-6-tilbudt"), "nb", "narrow").count("33,3") >= 1

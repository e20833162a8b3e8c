"""The statistics section of the pack: statistics/*.yaml (the figure records), charts.yaml, comparison.yaml."""

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from rusfakta.pack.pages import pack_problem
from rusfakta.pack.problems import SLUG, Problem, Strict, unique_ids
from rusfakta.pack.records import Record
from rusfakta.pack.translations import Translatable
from rusfakta.pack.yamlfile import read_records
from rusfakta.statistics.units import MAGNITUDES, UNITS

# The translated files of this section (decision 0016): prose fields only; the rest is verbatim.
TRANSLATED = [
    Translatable(
        "statistics/*.yaml",
        "statistic",
        "statistics.Statistic",
        fields=("label", "qualifier", "period", "population", "area", "group", "measure", "note"),
    ),
    Translatable("charts.yaml", "chart", "statistics.Chart", fields=("title", "note", "bars.*.label")),
    Translatable(
        "comparison.yaml",
        "comparison",
        "statistics.ComparisonRow",
        key="stat",
        fields=("method", "why"),
        key_attr="statistic.slug",
    ),
]


class StatisticData(Record):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: Literal[UNITS]
    qualifier: str = ""
    approximate: bool = False
    period: str = Field(min_length=1)
    population: str = Field(min_length=1)
    area: str = Field(min_length=1)
    group: str = ""
    measure: str = Field(min_length=1)
    source: str = Field(min_length=1)
    note: str = ""
    pages: str = Field(min_length=1, description="the booklet page(s) the figure stands on: 4, 2-3, -1, 6-")

    @model_validator(mode="after")
    def value_or_range(self):
        if (self.value is None) == (self.low is None or self.high is None):
            raise ValueError("give either value, or both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low is larger than high")
        if self.unit == "magnitude" and self.value not in MAGNITUDES:
            raise ValueError(
                f"a magnitude is one of {', '.join(map(str, MAGNITUDES))} («flere hundre», «flere tusen»)"
            )
        return self


class ChartBar(Strict):
    stat: str
    label: str = Field(min_length=1)


class ChartData(Record):
    columns: ClassVar[dict] = {"figure": "figure_number"}

    id: str = Field(pattern=SLUG)
    figure: int | None = None
    title: str = Field(min_length=1)
    bars: list[ChartBar] = Field(min_length=1)
    note: str = ""


class ComparisonData(Record):
    columns: ClassVar[dict] = {"stat": "statistic"}

    stat: str
    method: str = Field(min_length=1)
    why: str = Field(min_length=1)


def read(pack):
    root = pack.root
    pack.statistics = []
    for path in sorted((root / "statistics").glob("*.yaml")):
        pack.statistics += read_records(pack, path, StatisticData, "statistic")
    pack.charts = read_records(pack, root / "charts.yaml", ChartData, "chart", optional=True)
    pack.comparison = read_records(
        pack, root / "comparison.yaml", ComparisonData, "comparison", optional=True
    )


def _check_charts(pack, stat_ids):
    unique_ids([(c.id, p, n) for c, p, n in pack.charts], "chart", pack)
    units = {s.id: s.unit for s, _, _ in pack.statistics}
    figures = {f.number: f for f, _, _ in pack.figures}
    for chart, path, line in pack.charts:
        slugs = [bar.stat for bar in chart.bars]
        unknown = [slug for slug in slugs if slug not in stat_ids]
        for slug in unknown:
            pack.problems.append(Problem(path, line, f"unknown statistic id '{slug}'"))
        if unknown:
            continue
        if len({units[slug] for slug in slugs}) > 1:
            pack.problems.append(
                Problem(path, line, f"chart '{chart.id}' mixes units; one chart shows one unit")
            )
        if chart.figure is not None:
            figure = figures.get(chart.figure)
            if figure is None:
                pack.problems.append(Problem(path, line, f"chart '{chart.id}': no Figur {chart.figure}"))
            elif not set(slugs) <= set(figure.statistics):
                pack.problems.append(
                    Problem(
                        path, line, f"chart '{chart.id}' shows records that are not in Figur {chart.figure}"
                    )
                )


def check(pack):
    source_ids = {s.id for s, _, _ in pack.sources}
    stat_ids = unique_ids([(s.id, p, n) for s, p, n in pack.statistics], "statistic", pack)
    for stat, path, line in pack.statistics:
        if stat.source not in source_ids:
            pack.problems.append(Problem(path, line, f"unknown source id '{stat.source}'"))
        found = pack_problem(stat.pages, pack)
        if found:
            pack.problems.append(Problem(path, line, f"statistic '{stat.id}': {found}"))
    _check_charts(pack, stat_ids)
    for row, path, line in pack.comparison:
        if row.stat not in stat_ids:
            pack.problems.append(Problem(path, line, f"unknown statistic id '{row.stat}'"))

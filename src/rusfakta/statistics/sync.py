"""The statistics section's rows: the figure records, the charts and the comparison rows."""

from rusfakta.pack.dump import dump_yaml
from rusfakta.pack.records import sync
from rusfakta.statistics.models import Chart, ComparisonRow, Statistic
from rusfakta.statistics.pack import ChartData, ComparisonData, StatisticData


def load(pack):
    sync(Statistic, [stat for stat, _, _ in pack.statistics])
    sync(Chart, [chart for chart, _, _ in pack.charts])
    sync(ComparisonRow, [row for row, _, _ in pack.comparison], key="statistic")


def export(root):
    records = [StatisticData.from_row(s) for s in Statistic.objects.select_related("source")]
    dump_yaml(root / "statistics" / "statistics.yaml", records)
    dump_yaml(root / "charts.yaml", [ChartData.from_row(c) for c in Chart.objects.all()])
    dump_yaml(
        root / "comparison.yaml",
        [ComparisonData.from_row(r) for r in ComparisonRow.objects.select_related("statistic")],
    )

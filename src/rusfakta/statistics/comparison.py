from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import ComparisonRow


def comparison_rows(lang):
    rows = ComparisonRow.objects.select_related("statistic__source")
    return [
        {"row": row, "stat": row.statistic, "shown": format_statistic(row.statistic, lang)} for row in rows
    ]

from rusfakta.pack.translated import translate
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import statistics_by_slug
from rusfakta.statistics.models import ComparisonRow


def comparison_rows(lang):
    """Each survey's row with its record, both in the reader's language (decision 0016)."""
    stats = statistics_by_slug(lang=lang)
    rows = [translate(row, lang) for row in ComparisonRow.objects.select_related("statistic__source")]
    return [
        {
            "row": row,
            "stat": stats[row.statistic.slug],
            "shown": format_statistic(stats[row.statistic.slug], lang),
        }
        for row in rows
    ]

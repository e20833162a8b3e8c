"""What a page needs to show a chart: its rows, both drawings with their real sizes, and its words."""

import re

from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from rusfakta.statistics.chart_screen import WIDE_FROM, drawing_size
from rusfakta.statistics.charts import chart_rows

YEAR = re.compile(r"\b(19|20)\d\d\b")
ONLY_YEARS = re.compile(r"^(19|20)\d\d(/(19|20)\d\d)?$")


def label_heading(rows):
    """The heading over the bar names: they are years, groups, or a place with a year."""
    labels = [row["label"] for row in rows]
    if all(ONLY_YEARS.match(label) for label in labels):
        return _("År")
    if any(YEAR.search(label) for label in labels):
        return _("Hvor og når")
    return _("Gruppe")


def source_line_html(rows):
    """The chart's source line for a page: source titles as published, marked as bokmål names."""
    titles = list(dict.fromkeys(row["stat"].source.title for row in rows))
    periods = list(dict.fromkeys(row["stat"].period for row in rows))
    marked = format_html_join(", ", '<span lang="nb" translate="no">{}</span>', ((t,) for t in titles))
    return format_html("{}: {}. {}: {}.", _("Kilde"), marked, _("Periode"), ", ".join(periods))


def chart_context(chart, stats, lang):
    rows = chart_rows(chart, stats, lang)
    with translation.override(lang):
        bars = "; ".join(f"{row['label']}: {row['shown']}" for row in rows)
        return {
            "chart": chart,
            "rows": rows,
            "source_line": source_line_html(rows),
            "label_heading": label_heading(rows),
            "alt": _("Stolpediagram: %(title)s.") % {"title": chart.title} + f" {bars}.",
            "narrow": drawing_size(chart, "narrow"),
            "wide": drawing_size(chart, "wide"),
            "wide_from": WIDE_FROM,
        }

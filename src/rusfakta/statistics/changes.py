"""How each figure changed after it was first loaded (the printed edition), read from its history."""

from dataclasses import dataclass
from datetime import datetime

from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import Statistic

# What makes the figure a reader sees; a new label or note is not a new figure.
FIGURE_FIELDS = ("value", "low", "high", "unit", "qualifier", "approximate")


@dataclass(frozen=True)
class FigureChange:
    slug: str
    label: str
    old: str
    new: str
    date: datetime


def figure_differs(before, after):
    return any(getattr(before, name) != getattr(after, name) for name in FIGURE_FIELDS)


def figure_changes(lang="nb", slug=None):
    """Every change of a figure's value, oldest first; a row created or deleted is not a change."""
    records = Statistic.history.order_by("id", "history_date", "history_id")
    if slug is not None:
        records = records.filter(slug=slug)
    changes, previous = [], None
    for record in records:
        same_row = previous is not None and previous.id == record.id
        if same_row and "-" not in (previous.history_type, record.history_type):
            if figure_differs(previous, record):
                changes.append(
                    FigureChange(
                        record.slug,
                        record.label,
                        format_statistic(previous, lang),
                        format_statistic(record, lang),
                        record.history_date,
                    )
                )
        previous = record
    return sorted(changes, key=lambda change: change.date)


def last_change(stat, lang="nb"):
    """The latest change of this figure, or None while it is as printed."""
    changes = figure_changes(lang, slug=stat.slug)
    return changes[-1] if changes else None

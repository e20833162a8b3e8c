"""The public change log: what changed after the printed edition (the pack as first loaded).

Figures with their old and new value and the date; passages only as "updated" with the date.
Nothing says who made a change: editors' names stay in the admin.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from rusfakta.content.models import Passage
from rusfakta.pack.translated import translate
from rusfakta.statistics.changes import figure_changes
from rusfakta.statistics.in_text import statistics_by_slug

# What a reader sees of a passage; its place in the chapter is not a change of what it says.
PASSAGE_FIELDS = ("heading", "section", "body", "pages", "sources")


@dataclass(frozen=True)
class PassageUpdate:
    slug: str
    heading: str
    url: str
    date: datetime


def passage_updates():
    """Each passage whose text or sources changed after it was first loaded, with the latest date, newest first."""
    latest, previous = {}, None
    for record in Passage.history.order_by("id", "history_date", "history_id"):
        same_row = previous is not None and previous.id == record.id
        if same_row and "-" not in (previous.history_type, record.history_type):
            if set(record.diff_against(previous, included_fields=PASSAGE_FIELDS).changed_fields):
                latest[record.id] = record.history_date
        previous = record
    passages = Passage.objects.select_related("chapter").in_bulk(latest)
    updates = [
        PassageUpdate(passage.slug, translate(passage).heading, passage.get_absolute_url(), latest[pk])
        for pk, passage in passages.items()
    ]
    return sorted(updates, key=lambda update: update.date, reverse=True)


def change_log(lang="nb"):
    """Names in the reader's edition (decision 0016): a figure's label is its record's, as now shown."""
    stats = statistics_by_slug(lang=lang)
    figures = [
        replace(change, label=stats[change.slug].label) if change.slug in stats else change
        for change in figure_changes(lang)
    ]
    return {
        "figures": sorted(figures, key=lambda change: change.date, reverse=True),
        "passages": passage_updates(),
    }

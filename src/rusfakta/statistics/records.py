"""The dataset as plain data: one dict per record, for the API and the downloads."""

import csv
import io

from rusfakta.content.lookups import current_edition
from rusfakta.statistics.models import Statistic

CSV_FIELDS = [
    "id",
    "label",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "approximate",
    "period",
    "population",
    "area",
    "group",
    "measure",
    "note",
    "pages",
    "source_id",
    "source_title",
    "source_year",
    "edition",
]


def _plain(number):
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def record(stat):
    return {
        "id": stat.slug,
        "label": stat.label,
        "value": _plain(stat.value),
        "low": _plain(stat.low),
        "high": _plain(stat.high),
        "unit": stat.unit,
        "qualifier": stat.qualifier,
        "period": stat.period,
        "population": stat.population,
        "area": stat.area,
        "group": stat.group,
        "measure": stat.measure,
        "approximate": stat.approximate,
        "note": stat.note,
        "pages": stat.pages,
        "source": {"id": stat.source.slug, "title": stat.source.title, "year": stat.source.year},
    }


def all_records():
    return [record(s) for s in Statistic.objects.select_related("source")]


def edition_name():
    edition = current_edition()
    return f"{edition.title} ({edition.publisher}, {edition.edition})" if edition else ""


def dataset_csv():
    out, edition = io.StringIO(), edition_name()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for item in all_records():
        source = item.pop("source")
        writer.writerow(
            {
                **item,
                "source_id": source["id"],
                "source_title": source["title"],
                "source_year": source["year"],
                "edition": edition,
            }
        )
    return out.getvalue()

"""Pack records ↔ model rows, derived from the record's schema, so a new field is written in two places:
the model and its schema.

A record's fields are its model's fields by the same name, except that `id` is the row's `slug` and
`columns` renames others. A foreign key or many-to-many field holds the slug(s) of the related rows;
a list of records under a reverse foreign key (a substance's statements) holds the child rows.
"""

import typing
from decimal import Decimal
from typing import ClassVar

from pydantic_core import PydanticUndefined

from rusfakta.pack.problems import Strict


class Record(Strict):
    columns: ClassVar[dict] = {}

    @classmethod
    def column(cls, name):
        return "slug" if name == "id" else cls.columns.get(name, name)

    def row(self, model, related):
        """(field values, many-to-many rows, child records) of this record as a row of model."""
        fields, many, children = {}, {}, {}
        for name in type(self).model_fields:
            value, column = getattr(self, name), self.column(name)
            field = model._meta.get_field(column)
            if field.one_to_many:
                children[column] = (field, value)
            elif field.many_to_many:
                many[column] = [related.get(field.related_model, slug) for slug in value]
            elif field.is_relation:
                fields[column] = related.get(field.related_model, value) if value else None
            elif value is None and not field.null:
                fields[column] = field.get_default()
            else:
                fields[column] = value.model_dump() if isinstance(value, Strict) else _dumped(value)
        return fields, many, children

    @classmethod
    def from_row(cls, obj):
        """The row as this record's fields, in the pack's shape; values equal to the default are left out."""
        record = {}
        for name, info in cls.model_fields.items():
            column = cls.column(name)
            field = obj._meta.get_field(column)
            value = getattr(obj, column)
            if field.one_to_many:
                child = typing.get_args(info.annotation)[0]
                value = [child.from_row(row) for row in value.all()]
            elif field.many_to_many:
                value = slugs_in_order(value)
            elif field.is_relation:
                value = value.slug if value is not None else None
            elif isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            default = info.default
            if value in (None, "") and default is not PydanticUndefined:
                continue
            if default is not PydanticUndefined and value == default:
                continue
            record[name] = value
        return cls.exported(record)

    @classmethod
    def exported(cls, record):
        """A schema whose model stores a value differently corrects the exported record here."""
        return record


def _dumped(value):
    if isinstance(value, list):
        return [item.model_dump() if isinstance(item, Strict) else item for item in value]
    return value


class Related:
    """Rows of other models by slug, read once per sync."""

    def __init__(self):
        self._rows = {}

    def get(self, model, slug):
        if model not in self._rows:
            self._rows[model] = {row.slug: row for row in model.objects.all()}
        return self._rows[model][slug]


def sync(model, records, key="slug"):
    """Upsert one row per record by key, delete the rows the pack no longer has; returns {key: row}.

    Rows are kept in the pack's order when the model has an `order` field."""
    related, rows, pending = Related(), {}, []
    ordered = any(field.name == "order" for field in model._meta.fields)
    for index, record in enumerate(records):
        fields, many, children = record.row(model, related)
        value = fields.pop(key)
        if ordered:
            fields["order"] = index
        row, _ = model.objects.update_or_create(**{key: value}, defaults=fields)
        for name, related_rows in many.items():
            set_in_order(getattr(row, name), related_rows)
        pending += [(row, field, child_records) for field, child_records in children.values()]
        rows[getattr(value, "slug", value)] = row
    model.objects.exclude(pk__in=[row.pk for row in rows.values()]).delete()
    # Children come after every parent, since a child may point at a later parent (see: another substance).
    for parent, field, child_records in pending:
        _sync_children(parent, field, child_records)
    return rows


def _sync_children(parent, field, records):
    model, parent_name = field.related_model, field.field.name
    model.objects.filter(**{parent_name: parent}).delete()
    related = Related()
    ordered = any(f.name == "order" for f in model._meta.fields)
    for index, record in enumerate(records):
        fields, many, _ = record.row(model, related)
        fields[parent_name] = parent
        if ordered:
            fields["order"] = index
        row = model.objects.create(**fields)
        for name, related_rows in many.items():
            set_in_order(getattr(row, name), related_rows)


def set_in_order(manager, rows):
    """Sets a many-to-many list and keeps its order: the link rows are written in the pack's order,
    so their ids give it back (`slugs_in_order`). Django's own set() and add() forget the order."""
    through, source, target = manager.through, manager.source_field_name, manager.target_field_name
    links = through.objects.filter(**{source: manager.instance})
    if list(links.order_by("pk").values_list(f"{target}_id", flat=True)) == [row.pk for row in rows]:
        return
    links.delete()
    through.objects.bulk_create([through(**{source: manager.instance, target: row}) for row in rows])


def slugs_in_order(manager):
    """The slugs of a many-to-many list in the order it was set (rows an editor added come last)."""
    through, source, target = manager.through, manager.source_field_name, manager.target_field_name
    links = through.objects.filter(**{source: manager.instance}).order_by("pk")
    return list(links.values_list(f"{target}__slug", flat=True))

"""What the database holds, as comparable records: so a load can tell what an editor changed.

`state_of(pack)` turns a read pack into {"kind id": {field: value}}. The database's state is that of
a pack exported from it (`database_state()`), so both sides go through the same reader and the
comparison sees only real differences. `changes(before, after)` lists them field by field.
"""

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

# Reader bookkeeping, not content.
SKIP_FIELDS = {"line", "path", "lines", "passages_in_chapter"}


def _plain(value):
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value):
        return {
            f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.name not in SKIP_FIELDS
        }
    return value


def _records(pack):
    """(kind, id, record) for every record of the pack."""
    if getattr(pack, "edition", None):
        yield "edition", "edition", pack.edition
    for kind, attribute, key in (
        ("source", "sources", "id"),
        ("figure", "figures", "id"),
        ("statistic", "statistics", "id"),
        ("chart", "charts", "id"),
        ("comparison", "comparison", "stat"),
        ("service", "services", "id"),
        ("glossary", "glossary", "id"),
    ):
        for record, _, _ in getattr(pack, attribute, []):
            yield kind, getattr(record, key), record
    for kind, notice in getattr(pack, "notices", {}).items():
        yield "notice", kind, notice
    for chapter in getattr(pack, "chapters", []):
        yield "chapter", chapter.data.id, chapter.data
        for order, passage in enumerate(chapter.passages):
            yield "passage", passage.slug, {**_plain(passage), "chapter": chapter.data.id, "order": order}
    for lang, edition in getattr(pack, "translations", {}).items():
        for unit in edition.units:
            if unit.text is not None:
                fields = {"text": unit.text, "stamp": unit.stamp, "proofread": unit.proofread}
                yield f"translation-{lang}", unit.record, fields
    tools = getattr(pack, "tools", None)
    for kind in ("mixing", "normcheck", "quiz"):
        for order, entry in enumerate(getattr(tools, kind, []) if tools else []):
            yield kind, entry.data.id, {**_plain(entry.data), "order": order}


def state_of(pack):
    state = {}
    for kind, key, record in _records(pack):
        fields = _plain(record)
        state[f"{kind} {key}"] = {k: v for k, v in fields.items() if k not in SKIP_FIELDS}
    return state


def database_state():
    """The database as records, by exporting it into a scratch folder and reading that back."""
    from rusfakta.pack.sections import export_pack, read_pack

    with tempfile.TemporaryDirectory(prefix="rusfakta-state-") as folder:
        export_pack(Path(folder), remember=False)
        return state_of(read_pack(folder))


@dataclass(frozen=True)
class Change:
    record: str  # "statistic opinion-provd-kokain"
    field: str  # "" for a record added or removed
    old: object
    new: object

    def __str__(self):
        if not self.field:
            return f"{self.record}: {'added' if self.old is None else 'removed'}"
        return f"{self.record} {self.field}: {_short(self.old)} → {_short(self.new)}"


def _short(value, limit=80):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def changes(before, after):
    found = []
    for record in sorted(before.keys() | after.keys()):
        old, new = before.get(record), after.get(record)
        if old is None or new is None:
            found.append(Change(record, "", old, new))
            continue
        for field in sorted(old.keys() | new.keys()):
            if old.get(field) != new.get(field):
                found.append(Change(record, field, old.get(field), new.get(field)))
    return found

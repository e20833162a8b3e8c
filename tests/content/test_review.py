"""content/kokain/review.yaml: every passage says which lines of the booklet text it rests on, and when it was checked."""

import datetime
import re

import pytest
import yaml
from django.conf import settings

from rusfakta.pack.sections import read_pack
from tests.conftest import words

LINE_RANGE = re.compile(r"^(?P<first>[1-9]\d*)(?:-(?P<last>[1-9]\d*))?$")
REVIEW_KEYS = {"passage", "lines", "checked", "note"}


def review_entries(root=settings.CONTENT_PACK_DIR):
    return yaml.safe_load((root / "review.yaml").read_text(encoding="utf-8"))


def line_ranges(entry):
    """[(first, last)] for the entry's lines; a malformed range raises ValueError."""
    ranges = []
    for text in entry["lines"]:
        match = LINE_RANGE.match(str(text))
        if not match:
            raise ValueError(f"{entry['passage']}: {text!r} is not a line or a range of lines")
        first = int(match["first"])
        last = int(match["last"] or first)
        if last < first:
            raise ValueError(f"{entry['passage']}: {text!r} ends before it starts")
        ranges.append((first, last))
    return ranges


@pytest.fixture(scope="module")
def entries():
    return review_entries()


def test_every_passage_has_exactly_one_review_entry_and_every_entry_names_a_passage(entries):
    slugs = [p.slug for p in read_pack(settings.CONTENT_PACK_DIR).passages]
    reviewed = [entry["passage"] for entry in entries]
    assert sorted(set(slugs) - set(reviewed)) == []
    assert sorted(set(reviewed) - set(slugs)) == []
    assert sorted(s for s in set(reviewed) if reviewed.count(s) > 1) == []


def test_every_entry_gives_line_ranges_a_check_date_and_a_note(entries):
    for entry in entries:
        assert set(entry) == REVIEW_KEYS, entry
        assert entry["lines"], entry["passage"]
        line_ranges(entry)
        assert isinstance(entry["checked"], datetime.date), entry["passage"]
        assert isinstance(entry["note"], str), entry["passage"]


def test_every_line_range_lies_inside_the_booklet_text(entries, booklet_text):
    length = len(booklet_text.splitlines())
    outside = [
        (entry["passage"], first, last)
        for entry in entries
        for first, last in line_ranges(entry)
        if last > length
    ]
    assert outside == []


def test_the_notes_describe_changes_without_quoting_the_booklet(entries, booklet_text):
    booklet = words(booklet_text)
    runs = {tuple(booklet[i : i + 5]) for i in range(len(booklet) - 4)}
    quoting = {}
    for entry in entries:
        note = words(entry["note"])
        found = [" ".join(note[i : i + 5]) for i in range(len(note) - 4) if tuple(note[i : i + 5]) in runs]
        if found:
            quoting[entry["passage"]] = found
    assert quoting == {}


@pytest.mark.parametrize(
    "lines",
    [["0-3"], ["12-4"], ["abc"], ["3–5"]],
)
def test_a_malformed_line_range_is_refused(lines):
    with pytest.raises(ValueError):
        line_ranges({"passage": "x", "lines": lines})


def test_a_single_line_and_a_range_are_read():
    assert line_ranges({"passage": "x", "lines": ["7", "10-12", 20]}) == [(7, 7), (10, 12), (20, 20)]

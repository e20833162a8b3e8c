"""The search's section of the pack: glossary.yaml (everyday words → the booklet's) and notices.yaml."""

from typing import Literal

from pydantic import Field, field_validator

from rusfakta.pack.problems import SLUG, Problem, unique_ids
from rusfakta.pack.records import Record
from rusfakta.pack.yamlfile import read_records, read_yaml, validated

NOTICE_KINDS = ("emergency", "out_of_scope", "not_covered")


def _lowercase(words):
    """The search compares lowercased text, so the words it looks for are kept lowercase."""
    return [word.lower() for word in words]


class GlossaryData(Record):
    id: str = Field(pattern=SLUG)
    terms: list[str] = Field(min_length=1)
    means: str = Field(min_length=1)

    @field_validator("terms")
    @classmethod
    def lowercase_terms(cls, terms):
        return _lowercase(terms)


class NoticeData(Record):
    kind: Literal[NOTICE_KINDS]
    phrases: list[str] = Field(min_length=1)
    # not_covered only: other substances, not covered unless the question also names one of `unless`
    substances: list[str] = []
    unless: list[str] = []
    text: str = Field(min_length=1)

    @field_validator("phrases", "substances", "unless")
    @classmethod
    def lowercase_phrases(cls, phrases):
        return _lowercase(phrases)


def _read_notices(pack):
    """notices.yaml maps each kind to its notice: {kind: {phrases, text}}."""
    pack.notices = {}
    path = pack.root / "notices.yaml"
    found = read_yaml(path, pack.root, pack.problems, "notices", shape=dict) if path.exists() else None
    if found is None:
        return
    for key_node, value_node in found.node.value:
        kind, value = key_node.value, found.data[key_node.value]
        if kind not in NOTICE_KINDS:
            pack.problems.append(
                Problem(found.rel, key_node.start_mark.line + 1, f"unknown notice kind '{kind}'")
            )
            continue
        fields = value if isinstance(value, dict) else {}
        lines = found.lines(value_node)
        notice = validated(NoticeData, {**fields, "kind": kind}, lines, found.rel, pack.problems)
        if notice:
            pack.notices[kind] = notice


def read(pack):
    pack.glossary = read_records(
        pack, pack.root / "glossary.yaml", GlossaryData, "glossary entry", optional=True
    )
    _read_notices(pack)


def check(pack):
    unique_ids([(g.id, p, n) for g, p, n in pack.glossary], "glossary entry", pack)

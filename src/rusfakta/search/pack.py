"""The search's section of the pack: glossary.yaml (everyday words → the booklet's), notices.yaml and
answers.yaml (the short answer of each passage)."""

import re
from typing import Literal

from pydantic import Field, field_validator

from rusfakta.pack import refs
from rusfakta.pack.problems import SLUG, Problem, unique_ids
from rusfakta.pack.records import Record
from rusfakta.pack.translations import Translatable
from rusfakta.pack.yamlfile import read_records, read_yaml, validated

NOTICE_KINDS = ("emergency", "out_of_scope", "not_covered")

# The translated files of this section (decision 0016); the notices' word lists stay verbatim.
TRANSLATED = [
    Translatable("notices.yaml", "notice", "search.Notice", key=None, fields=("text",), key_attr="kind"),
    Translatable("answers.yaml", "answer", "search.ShortAnswer", fields=("text",)),
]


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


class AnswerData(Record):
    """The short answer shown first when the search finds this passage: one or two sentences."""

    id: str = Field(pattern=SLUG, description="the passage's id")
    text: str = Field(min_length=1)


# A sentence ends at . ! or ? followed by a space and a capital letter or a digit ("kl. 11" does not).
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ«])")


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
    pack.answers = read_records(pack, pack.root / "answers.yaml", AnswerData, "short answer", optional=True)


def check(pack):
    unique_ids([(g.id, p, n) for g, p, n in pack.glossary], "glossary entry", pack)
    _check_answers(pack)


def _check_answers(pack):
    """Every passage has its short answer; an answer uses only figures its passage uses, at most two sentences."""
    if not pack.answers:
        return
    unique_ids([(a.id, p, n) for a, p, n in pack.answers], "short answer", pack)
    passages = {p.slug: p for p in getattr(pack, "passages", [])}
    stat_ids = {s.id for s, _, _ in getattr(pack, "statistics", [])}
    answered = set()
    for answer, path, line in pack.answers:
        answered.add(answer.id)

        def problem(message, path=path, line=line):
            pack.problems.append(Problem(path, line, message))

        passage = passages.get(answer.id)
        if passage is None:
            problem(f"short answer for unknown passage '{answer.id}'")
            continue
        for _, message in refs.reference_problems(answer.text, stat_ids):
            problem(f"short answer '{answer.id}': {message}")
        others = set(refs.stat_refs(answer.text)) - set(refs.stat_refs(passage.body))
        if others:
            problem(f"short answer '{answer.id}' uses figures its passage doesn't: {sorted(others)}")
        if refs.written_percent(answer.text):
            problem(f"short answer '{answer.id}': percentage written in the text; use its {{stat:id}}")
        if len(SENTENCE_END.findall(answer.text.strip())) > 1:
            problem(f"short answer '{answer.id}' has more than two sentences")
    for slug in sorted(set(passages) - answered):
        passage = passages[slug]
        pack.problems.append(
            Problem(passage.path, passage.line, f"passage '{slug}' has no short answer in answers.yaml")
        )

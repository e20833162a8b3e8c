"""The tools' section of the pack (normcheck.yaml, mixing.yaml, quiz.yaml): read and check them.

Every entry points at passages, sources and figure records, so the tools come last in the kit's
SECTIONS. Problems go to pack.problems as file:line: message.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import ClassVar, Literal

import yaml
from pydantic import Field

from rusfakta.pack import refs
from rusfakta.pack.pages import pack_problem
from rusfakta.pack.problems import SLUG, Problem, relative
from rusfakta.pack.records import Record
from rusfakta.pack.yamlfile import read_yaml, validated
from rusfakta.tools import translated

GUESS_SCALE = {"percent": 100, "per-100": 100, "per-10": 10}
MIXING_LEVELS = ("okt-risiko", "okt-risiko-for-dod", "ukjent-innhold")
# mixing: about taking cocaine together with the substance; cut-with: cocaine cut with it, unknown to
# the user; contents: the substance named as part of another mixture (rosa kokain). Only a mixing
# statement can give the substance its level.
STATEMENT_KINDS = ("mixing", "cut-with", "contents")
QUIZ_TOPICS = (
    "historikk",
    "former",
    "virkning",
    "blanding",
    "skader",
    "tall",
    "kjop",
    "russetid",
    "behandling",
    "produksjon",
    "hjelp",
)
# Our texts never call a mixture safe or low risk, in either language.
UNSAFE_WORDING = re.compile(
    r"\b(trygg\w*|trygt|safe\w*|ufarlig\w*|harmless|lav\w* risiko|low[- ]risk|ikke farlig)\b",
    re.IGNORECASE,
)
TRANSLATED = translated.specs(UNSAFE_WORDING)  # the translated files (decision 0016)
DOSE_UNITS = r"(mg|milligram|mikrogram|gram|g|µg|mcg|ml|milliliter|cl|dl|linjer?|streker?|promille|doser?|enheter|glass)"
# An amount: a number with a unit ("0,5 g", "2 linjer", "20 %"), or a dose unit on its own ("et gram").
AMOUNT = re.compile(
    rf"\d+(?:[.,]\d+)?\s*(?:%|prosent\b|{DOSE_UNITS}\b)|\b(?:mg|milligram|mikrogram|gram|µg|mcg|ml|milliliter|linjer?|streker?|promille)\b",
    re.IGNORECASE,
)
TEXT_KEYS = {"name", "aliases", "text", "question", "options", "explanation"}


class NormItemData(Record):
    columns: ClassVar[dict] = {"stat": "statistic"}

    id: str = Field(pattern=SLUG)
    kind: Literal["use", "attitude"]
    question: str = Field(min_length=1)
    stat: str
    common_mistake: Literal["too-high", "too-low"]
    explanation: str = Field(min_length=1)
    passage: str
    pages: str = ""


class MixingStatementData(Record):
    text: str = Field(min_length=1)
    kind: Literal[STATEMENT_KINDS] = "mixing"
    level: Literal[MIXING_LEVELS] | None = Field(None, description="the level this booklet statement gives")
    see: str = Field("", description="another substance in this file the statement links to")
    passages: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    pages: str = ""


class MixingSubstanceData(Record):
    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    aliases: list[str] = []
    level: Literal[MIXING_LEVELS] | None = None
    statements: list[MixingStatementData] = Field(min_length=1)


class QuizQuestionData(Record):
    columns: ClassVar[dict] = {"stat": "statistic"}

    id: str = Field(pattern=SLUG)
    topic: Literal[QUIZ_TOPICS]
    question: str = Field(min_length=1)
    options: list[str] = Field(min_length=2, max_length=5)
    correct: int = Field(ge=1, description="the right option, counting from 1")
    explanation: str = Field(min_length=1)
    passage: str
    sources: list[str] = Field(min_length=1)
    stat: str | None = None
    pages: str = ""


@dataclass
class Entry:
    data: object
    path: str
    lines: object  # rusfakta.pack.yamlfile.Lines of the entry

    @property
    def line(self):
        return self.lines.line

    def line_of(self, *where, text=""):
        return self.lines.line_of(*where, text=text)


@dataclass
class Tools:
    normcheck: list = field(default_factory=list)  # Entry of NormItemData
    mixing: list = field(default_factory=list)  # Entry of MixingSubstanceData
    quiz: list = field(default_factory=list)  # Entry of QuizQuestionData


def normalized(text):
    """How a typed substance name is compared with the names and aliases: case, accents and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def _text_scalars(node, key=None):
    """(scalar node) for every text the reader sees: names, aliases, statements, questions, options."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            yield from _text_scalars(value, key_node.value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _text_scalars(item, key)
    elif key in TEXT_KEYS:
        yield node


def _line_of_match(pattern, node, file_lines):
    """The file line where the offending words stand, also inside a multi-line string."""
    for number in range(node.start_mark.line, node.end_mark.line + 1):
        if number < len(file_lines) and pattern.search(file_lines[number]):
            return number + 1
    return node.start_mark.line + 1


class _File:
    def __init__(self, pack, name):
        self.pack = pack
        self.path = pack.root / name
        self.rel = relative(self.path, pack.root)

    def problem(self, line, message):
        self.pack.problems.append(Problem(self.rel, line, message))

    def read(self, model, label, doses=False):
        """The entries that validate; their wording is checked on the way (no amounts when doses)."""
        if not self.path.exists():
            return []
        found = read_yaml(self.path, self.pack.root, self.pack.problems, f"{label}s")
        if found is None:
            return []
        entries = []
        for item_node, item in zip(found.node.value, found.data, strict=True):
            lines = found.lines(item_node)
            data = validated(model, item, lines, found.rel, self.pack.problems)
            if data:
                entries.append(Entry(data, found.rel, lines))
        self._check_unique(entries, label)
        self.check_wording((found.node, found.file_lines), doses)
        return entries

    def _check_unique(self, entries, label):
        seen = {}
        for entry in entries:
            if entry.data.id in seen:
                self.problem(
                    entry.line,
                    f"duplicate {label} id '{entry.data.id}' (first at line {seen[entry.data.id]})",
                )
            seen.setdefault(entry.data.id, entry.line)

    def check_wording(self, composed, doses):
        node, file_lines = composed
        for scalar in _text_scalars(node):
            found = _forbidden(str(scalar.value), doses)
            if found:
                words, message = found
                pattern = re.compile(re.escape(words), re.IGNORECASE)
                self.problem(_line_of_match(pattern, scalar, file_lines), message)


def _forbidden(text, doses):
    """(the offending words, the message) for wording that calls a mixture safe, or gives an amount."""
    unsafe = UNSAFE_WORDING.search(text)
    if unsafe:
        return unsafe.group(0), f"'{unsafe.group(0)}': never call a mixture safe or low risk"
    amount = AMOUNT.search(refs.STAT_REF.sub("", text)) if doses else None
    if amount:
        return amount.group(0), f"'{amount.group(0)}': no amounts or doses here (figures only as {{stat:id}})"
    return None


def mixing_text_problem(text):
    found = _forbidden(text, doses=True)
    return found[1] if found else ""


class _Ids:
    def __init__(self, pack):
        self.sources = {s.id for s, _, _ in pack.sources}
        self.units = {s.id: s.unit for s, _, _ in pack.statistics}
        self.passages = {p.slug: p for p in pack.passages if p.slug}


def _check_refs(file, entry, text, ids, *where):
    for ref, message in refs.reference_problems(text, ids.units):
        file.problem(entry.line_of(*where, text=ref), message)


def _check_written_percent(file, entry, text, *where):
    written = refs.written_percent(text)
    if written:
        file.problem(
            entry.line_of(*where, text=written),
            f"percentage written in the text ({written!r}): use {{stat:id}}",
        )


def _check_passage(file, entry, slug, ids, *where):
    if slug not in ids.passages:
        file.problem(entry.line_of(*where), f"unknown passage id '{slug}'")


def _check_sources(file, entry, sources, ids, *where):
    for index, source in enumerate(sources):
        if source not in ids.sources:
            file.problem(entry.line_of(*where, index), f"unknown source id '{source}'")


def _check_pages(file, entry, value, pack, *where):
    found = pack_problem(value, pack)
    if found:
        file.problem(entry.line_of(*where) if value else entry.line_of(*where[:-1]), found)


def _check_normcheck(pack, ids):
    file = _File(pack, "normcheck.yaml")
    for entry in pack.tools.normcheck:
        item = entry.data
        unit = ids.units.get(item.stat)
        if unit is None:
            file.problem(entry.line_of("stat"), f"unknown statistic id '{item.stat}'")
        elif unit not in GUESS_SCALE:
            file.problem(
                entry.line_of("stat"),
                f"'{item.stat}' has unit {unit}; a guess needs one of {', '.join(GUESS_SCALE)}",
            )
        _check_passage(file, entry, item.passage, ids, "passage")
        _check_pages(file, entry, item.pages, pack, "pages")
        for name in ("question", "explanation"):
            _check_refs(file, entry, getattr(item, name), ids, name)
            _check_written_percent(file, entry, getattr(item, name), name)


def _check_mixing(pack, ids):
    file = _File(pack, "mixing.yaml")
    entries = pack.tools.mixing
    names = {}
    for entry in entries:
        substance = entry.data
        for index, name in enumerate([substance.id, substance.name, *substance.aliases]):
            key = normalized(name)
            owner = names.setdefault(key, substance.id)
            if owner != substance.id:
                where = ("aliases", index - 2) if index >= 2 else ("name",)
                file.problem(entry.line_of(*where), f"'{name}' already names '{owner}'")
        for index, statement in enumerate(substance.statements):
            where = ("statements", index)
            _check_refs(file, entry, statement.text, ids, *where, "text")
            for number, slug in enumerate(statement.passages):
                _check_passage(file, entry, slug, ids, *where, "passages", number)
            _check_sources(file, entry, statement.sources, ids, *where, "sources")
            _check_pages(file, entry, statement.pages, pack, *where, "pages")
    _check_levels(file, entries)


def _check_levels(file, entries):
    """A substance's level is the one its booklet statement gives, and one statement gives one level.

    The booklet names heroin, fentanyl, metadon and tramadol in one sentence; giving some of them a
    higher level would rank the others as safer, which the booklet does not do."""
    substances = {entry.data.id for entry in entries}
    given = {}  # passage -> (level, substance, line)
    for entry in entries:
        substance = entry.data
        levels = set()
        for index, statement in enumerate(substance.statements):
            where = ("statements", index)
            if statement.see and statement.see not in substances:
                file.problem(entry.line_of(*where, "see"), f"see: unknown substance '{statement.see}'")
            if statement.level is None:
                continue
            line = entry.line_of(*where, "level")
            if statement.kind != "mixing":
                file.problem(line, f"a {statement.kind} statement cannot give the mixture a level")
                continue
            levels.add(statement.level)
            for passage in statement.passages:
                first = given.setdefault(passage, (statement.level, substance.id, line))
                if first[0] != statement.level:
                    file.problem(
                        line,
                        f"'{passage}' gives {first[0]} to '{first[1]}' (line {first[2]}) but "
                        f"{statement.level} here: one booklet statement, one level",
                    )
        expected = next(iter(levels)) if len(levels) == 1 else None
        if len(levels) > 1:
            file.problem(
                entry.line_of("level"), f"'{substance.id}' has statements with levels {sorted(levels)}"
            )
        elif substance.level != expected:
            file.problem(
                entry.line_of("level") if substance.level else entry.line,
                f"level {substance.level or 'none'} for '{substance.id}', but its statements give "
                f"{expected or 'none'}: the level is the one a booklet statement gives",
            )


def _check_quiz(pack, ids):
    file = _File(pack, "quiz.yaml")
    for entry in pack.tools.quiz:
        question = entry.data
        _check_passage(file, entry, question.passage, ids, "passage")
        _check_sources(file, entry, question.sources, ids, "sources")
        _check_pages(file, entry, question.pages, pack, "pages")
        if question.correct > len(question.options):
            file.problem(
                entry.line_of("correct"),
                f"correct is {question.correct}, but there are {len(question.options)} options",
            )
        if len(set(question.options)) != len(question.options):
            file.problem(entry.line_of("options"), "two options are the same")
        for name in ("question", "explanation"):
            _check_refs(file, entry, getattr(question, name), ids, name)
            _check_written_percent(file, entry, getattr(question, name), name)
        _check_options(file, entry, question, ids)


def _check_options(file, entry, question, ids):
    units = [[ids.units[s] for s in refs.stat_refs(option) if s in ids.units] for option in question.options]
    correct = units[question.correct - 1] if question.correct <= len(units) else []
    expected = (correct or [u for option in units for u in option] or [None])[0]
    for index, option in enumerate(question.options):
        _check_refs(file, entry, option, ids, "options", index)
        if re.search(r"\d", refs.STAT_REF.sub("", option)):
            file.problem(
                entry.line_of("options", index), "a number in an option must be a {stat:id} reference"
            )
        if any(unit != expected for unit in units[index]):
            file.problem(entry.line_of("options", index), "the options mix units; compare like with like")
    if question.stat is None:
        return
    if question.stat not in ids.units:
        file.problem(entry.line_of("stat"), f"unknown statistic id '{question.stat}'")
    elif question.correct <= len(question.options):
        if question.stat not in refs.stat_refs(question.options[question.correct - 1]):
            file.problem(entry.line_of("stat"), f"the correct option must show {{stat:{question.stat}}}")


def read(pack):
    pack.tools = Tools(
        normcheck=_File(pack, "normcheck.yaml").read(NormItemData, "norm check item"),
        mixing=_File(pack, "mixing.yaml").read(MixingSubstanceData, "mixing substance", doses=True),
        quiz=_File(pack, "quiz.yaml").read(QuizQuestionData, "quiz question"),
    )


def check(pack):
    ids = _Ids(pack)
    _check_normcheck(pack, ids)
    _check_mixing(pack, ids)
    _check_quiz(pack, ids)


def read_tools(pack):
    """The tools' files alone, read and checked against the rest of an already read pack."""
    read(pack)
    check(pack)

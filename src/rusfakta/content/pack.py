"""The content section of the pack: pack.yaml (the edition), sources.yaml, figures.yaml and the chapters."""

import re
from dataclasses import dataclass
from typing import ClassVar, Literal

import yaml
from pydantic import Field

from rusfakta.content import markup
from rusfakta.content.translated import CHAPTER, PASSAGE, export_translation, translation_units  # noqa: F401
from rusfakta.pack import refs
from rusfakta.pack.dump import load_text
from rusfakta.pack.pages import pack_problem
from rusfakta.pack.problems import SLUG, Problem, Strict, relative, unique_ids
from rusfakta.pack.records import Record
from rusfakta.pack.translations import Translatable
from rusfakta.pack.yamlfile import Lines, read_records, read_yaml, validated

PASSAGE_HEADING = re.compile(r"^##\s+(?P<heading>.+?)\s*(\{#(?P<slug>[^}]*)\})?\s*$")
FIELD_LINE = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")
PASSAGE_MIN_WORDS, PASSAGE_MAX_WORDS = 20, 160

# The translated files of this section (decision 0016); the chapters are read by translation_units.
TRANSLATED = [
    Translatable("sources.yaml", "source", "content.Source", fields=("about",)),
    Translatable("figures.yaml", "figure", "content.Figure", fields=("title", "text")),
]
ROW_SPECS = [CHAPTER, PASSAGE]  # the translated chapters, read by translation_units (content/translated.py)


class ThemeData(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)


class EditionData(Record):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    place: str = Field(min_length=1)
    published: str = Field(pattern=r"^\d{4}-\d{2}$")
    language: str = "nb"
    edition: str = Field(pattern=r"^\d{4}-\d{2}$")
    # The last page number the booklet's text shows; pages after it can only be written N- (decision 0010).
    last_numbered_page: int = Field(ge=1)
    # The contents page groups chapters by these themes, in this order; the booklet keeps its own order.
    themes: list[ThemeData] = []


class SourceData(Record):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    author: str = Field(min_length=1)
    year: int | None = None
    kind: Literal["edition", "report", "book", "article", "web", "survey", "statistics"]
    about: str = Field(min_length=1)


class FigureData(Record):
    columns: ClassVar[dict] = {"statistics": "statistic_slugs"}

    number: int = Field(ge=1)
    id: str = Field(pattern=SLUG)
    chapter: str
    title: str = Field(min_length=1)
    statistics: list[str] = []
    text: str = ""


class ChapterData(Record):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    kind: Literal["fact", "opinion", "about", "help"] = "fact"
    summary: str = Field(min_length=1)
    theme: str = ""
    tools: list[Literal["quiz", "normcheck", "mixing"]] = []


@dataclass
class PassageData:
    slug: str
    heading: str
    section: str
    sources: list
    questions: list
    body: str
    line: int
    path: str
    pages: str = ""

    @property
    def word_count(self):
        return sum(len(" ".join(b.lines).split()) for b in markup.blocks(self.body) if b.kind == "p")


@dataclass
class ChapterFile:
    data: ChapterData
    passages: list
    path: str
    line: int = 1


def _split_front_matter(text, rel, pack):
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        pack.problems.append(Problem(rel, 1, "a chapter file must start with '---' front matter"))
        return None, []
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        pack.problems.append(Problem(rel, 1, "front matter is not closed with '---'"))
        return None, []
    try:
        front = load_text("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        pack.problems.append(Problem(rel, line, f"bad front matter: {getattr(exc, 'problem', exc)}"))
        return None, []
    if not isinstance(front, dict):
        pack.problems.append(Problem(rel, 2, "front matter must be a mapping"))
        return None, []
    body = list(enumerate(lines[end + 1 :], start=end + 2))
    return front, body


def _parse_passages(body, rel, pack):
    passages, section, current, text, in_fields = [], "", None, [], False

    def close():
        if current is not None:
            current.body = "\n".join(text).strip()
            passages.append(current)

    for number, line in body:
        if line.startswith("## "):
            close()
            match = PASSAGE_HEADING.match(line)
            slug = (match.group("slug") or "").strip()
            if not slug:
                pack.problems.append(Problem(rel, number, "passage heading needs an id: ## Heading {#id}"))
            elif not re.match(SLUG, slug):
                pack.problems.append(Problem(rel, number, f"passage id '{slug}' is not a lowercase slug"))
            current, text = PassageData(slug, match.group("heading"), section, [], [], "", number, rel), []
            in_fields = True
        elif line.startswith("# "):
            close()
            current, section = None, line[2:].strip()
        elif current is None:
            if line.strip():
                pack.problems.append(
                    Problem(rel, number, "text outside a passage (start one with '## Heading {#id}')")
                )
        elif in_fields and FIELD_LINE.match(line):
            _passage_field(current, *FIELD_LINE.match(line).group("key", "value"), rel, number, pack)
        else:
            in_fields = False
            text.append(line)
    close()
    return passages


def _passage_field(passage, key, value, rel, number, pack):
    if key == "sources":
        passage.sources = [s.strip() for s in value.split(",") if s.strip()]
    elif key == "questions":
        passage.questions = [q.strip() for q in value.split(";") if q.strip()]
    elif key == "pages":
        passage.pages = value.strip()
    else:
        pack.problems.append(Problem(rel, number, f"unknown passage field '{key}'"))


def _read_chapter(path, pack):
    chapter = read_chapter_file(path, pack)
    if chapter:
        pack.chapters.append(chapter)


def read_chapter_file(path, pack):
    """A chapter file as a ChapterFile, or None after reporting its problems in pack.problems."""
    rel = relative(path, pack.root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        pack.problems.append(Problem(rel, 1, f"cannot read chapter: {exc}"))
        return None
    front, body = _split_front_matter(text, rel, pack)
    if front is None:
        return None
    lines = Lines({(): (1, 1), **{(key,): (2 + i, 2 + i) for i, key in enumerate(front)}})
    data = validated(ChapterData, front, lines, rel, pack.problems)
    passages = _parse_passages(body, rel, pack)
    return ChapterFile(data, passages, rel) if data else None


def read(pack):
    root = pack.root
    found = read_yaml(root / "pack.yaml", root, pack.problems, "the edition", shape=dict)
    pack.edition = found and validated(EditionData, found.data, found.lines(), found.rel, pack.problems)
    pack.sources = read_records(pack, root / "sources.yaml", SourceData, "source")
    pack.figures = read_records(pack, root / "figures.yaml", FigureData, "figure", optional=True)
    pack.chapters = []
    chapter_files = sorted((root / "chapters").glob("*.md"))
    if not chapter_files:
        pack.problems.append(Problem(relative(root / "chapters", root), 1, "no chapter files"))
    for path in chapter_files:
        _read_chapter(path, pack)
    pack.passages = [p for chapter in pack.chapters for p in chapter.passages]


def _check_passage(passage, source_ids, stat_ids, pack):
    problem = lambda message: pack.problems.append(Problem(passage.path, passage.line, message))  # noqa: E731
    if not passage.body:
        problem(f"passage '{passage.slug}' is empty")
        return
    if not passage.sources:
        problem(f"passage '{passage.slug}' has no sources")
    for source in passage.sources:
        if source not in source_ids:
            problem(f"unknown source id '{source}'")
    for _ref, message in refs.reference_problems(passage.body, stat_ids):
        problem(message)
    if "<" in passage.body:
        problem("HTML is not allowed in passage text")
    written = refs.written_percent(passage.body)
    if written:
        problem(f"percentage written in the text ({written!r}): refer to its record with {{stat:id}}")
    words = passage.word_count
    has_list = any(b.kind == "ul" for b in markup.blocks(passage.body))
    if words > PASSAGE_MAX_WORDS or (words < PASSAGE_MIN_WORDS and not has_list):
        problem(
            f"passage '{passage.slug}' has {words} words (keep it between {PASSAGE_MIN_WORDS} and {PASSAGE_MAX_WORDS})"
        )


def check(pack):
    source_ids = unique_ids([(s.id, p, n) for s, p, n in pack.sources], "source", pack)
    stat_ids = {s.id for s, _, _ in pack.statistics}
    chapter_ids = unique_ids([(c.data.id, c.path, c.line) for c in pack.chapters], "chapter", pack)
    unique_ids([(p.slug, p.path, p.line) for p in pack.passages if p.slug], "passage", pack)
    unique_ids([(f.id, p, n) for f, p, n in pack.figures], "figure", pack)
    unique_ids([(str(f.number), p, n) for f, p, n in pack.figures], "figure number", pack)
    for figure, path, line in pack.figures:
        if figure.chapter not in chapter_ids:
            pack.problems.append(Problem(path, line, f"unknown chapter id '{figure.chapter}'"))
        for slug in figure.statistics:
            if slug not in stat_ids:
                pack.problems.append(Problem(path, line, f"unknown statistic id '{slug}'"))
    theme_ids = {theme.id for theme in pack.edition.themes} if pack.edition else set()
    for chapter in pack.chapters:
        if chapter.data.theme and chapter.data.theme not in theme_ids:
            pack.problems.append(Problem(chapter.path, 1, f"unknown theme id '{chapter.data.theme}'"))
        if not chapter.passages:
            pack.problems.append(Problem(chapter.path, 1, f"chapter '{chapter.data.id}' has no passages"))
    for passage in pack.passages:
        _check_passage(passage, source_ids, stat_ids, pack)
        if passage.slug:
            found = pack_problem(passage.pages, pack)
            if found:
                pack.problems.append(
                    Problem(passage.path, passage.line, f"passage '{passage.slug}': {found}")
                )

"""Read and validate a content pack (see content/README.md) without touching the database."""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rusfakta.content import markup, pages
from rusfakta.helpservices.pack import ServiceData, check_services

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
UNITS = (
    "percent",
    "persons",
    "count",
    "kg",
    "tonnes",
    "times",
    "per-100",
    "per-10",
    "fraction",
    "rank",
    "magnitude",
)
# "flere tusen", "flere hundre": the booklet gives only the order of magnitude, so that is the value.
MAGNITUDES = (100, 1000)
PASSAGE_HEADING = re.compile(r"^##\s+(?P<heading>.+?)\s*(\{#(?P<slug>[^}]*)\})?\s*$")
FIELD_LINE = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*)$")
WRITTEN_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|prosent\b)")
PASSAGE_MIN_WORDS, PASSAGE_MAX_WORDS = 20, 160


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class EditionData(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    place: str = Field(min_length=1)
    published: str = Field(pattern=r"^\d{4}-\d{2}$")
    language: str = "nb"
    edition: str = Field(pattern=r"^\d{4}-\d{2}$")
    # The last page number the booklet's text shows; pages after it can only be written N- (decision 0010).
    last_numbered_page: int = Field(ge=1)


class SourceData(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    author: str = Field(min_length=1)
    year: int | None = None
    kind: Literal["edition", "report", "book", "article", "web", "survey", "statistics"]
    about: str = Field(min_length=1)


class StatisticData(Strict):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: Literal[UNITS]
    qualifier: str = ""
    approximate: bool = False
    period: str = Field(min_length=1)
    population: str = Field(min_length=1)
    area: str = Field(min_length=1)
    group: str = ""
    measure: str = Field(min_length=1)
    source: str = Field(min_length=1)
    note: str = ""
    pages: str = Field(min_length=1, description="the booklet page(s) the figure stands on: 4, 2-3, -1, 6-")

    @model_validator(mode="after")
    def value_or_range(self):
        if (self.value is None) == (self.low is None or self.high is None):
            raise ValueError("give either value, or both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low is larger than high")
        if self.unit == "magnitude" and self.value not in MAGNITUDES:
            raise ValueError(
                f"a magnitude is one of {', '.join(map(str, MAGNITUDES))} («flere hundre», «flere tusen»)"
            )
        return self


class FigureData(Strict):
    number: int = Field(ge=1)
    id: str = Field(pattern=SLUG)
    chapter: str
    title: str = Field(min_length=1)
    statistics: list[str] = []
    text: str = ""


class ChartBar(Strict):
    stat: str
    label: str = Field(min_length=1)


class ChartData(Strict):
    id: str = Field(pattern=SLUG)
    figure: int | None = None
    title: str = Field(min_length=1)
    bars: list[ChartBar] = Field(min_length=1)
    note: str = ""


class ComparisonData(Strict):
    stat: str
    method: str = Field(min_length=1)
    why: str = Field(min_length=1)


class GlossaryData(Strict):
    id: str = Field(pattern=SLUG)
    terms: list[str] = Field(min_length=1)
    means: str = Field(min_length=1)


class NoticeData(Strict):
    phrases: list[str] = Field(min_length=1)
    text: str = Field(min_length=1)


NOTICE_KINDS = ("emergency", "out_of_scope")


def _read_notices(pack, path):
    if not path.exists():
        return
    found = _yaml_items_single(path, pack)
    if found is None:
        return
    data, field_lines = found
    rel = _relative(path, pack.root)
    for kind, value in data.items():
        if kind not in NOTICE_KINDS:
            pack.problems.append(Problem(rel, field_lines.get(kind, 1), f"unknown notice kind '{kind}'"))
            continue
        line = field_lines.get(kind, 1)
        notice = _validate(NoticeData, value if isinstance(value, dict) else {}, rel, line, {}, pack)
        if notice:
            pack.notices[kind] = notice


class ChapterData(Strict):
    id: str = Field(pattern=SLUG)
    title: str = Field(min_length=1)
    kind: Literal["fact", "opinion", "about", "help"] = "fact"
    summary: str = Field(min_length=1)


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
        prose = [b for b in markup.blocks(self.body) if b.kind == "p"]
        return sum(len(" ".join(b.lines).split()) for b in prose)


@dataclass
class ChapterFile:
    data: ChapterData
    passages: list
    path: str
    line: int = 1


@dataclass
class Pack:
    root: Path
    edition: EditionData | None = None
    sources: list = field(default_factory=list)  # (SourceData, path, line)
    statistics: list = field(default_factory=list)  # (StatisticData, path, line)
    figures: list = field(default_factory=list)  # (FigureData, path, line)
    charts: list = field(default_factory=list)  # (ChartData, path, line)
    comparison: list = field(default_factory=list)  # (ComparisonData, path, line)
    services: list = field(default_factory=list)  # (ServiceData, path, line)
    glossary: list = field(default_factory=list)  # (GlossaryData, path, line)
    notices: dict = field(default_factory=dict)  # kind -> NoticeData
    tools: object = None  # rusfakta.tools.pack.Tools: norm check, mixing, quiz
    chapters: list = field(default_factory=list)  # ChapterFile
    problems: list = field(default_factory=list)
    digest: str = ""

    @property
    def passages(self):
        return [p for chapter in self.chapters for p in chapter.passages]


def _relative(path, root):
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _yaml_items(path, label, pack):
    """Parse a YAML list of mappings; yields (mapping, line, field_lines)."""
    rel = _relative(path, pack.root)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        pack.problems.append(Problem(rel, 1, f"cannot read {label}: {exc}"))
        return []
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        pack.problems.append(Problem(rel, line, f"invalid YAML: {getattr(exc, 'problem', exc)}"))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        pack.problems.append(Problem(rel, 1, f"{label} must be a list"))
        return []
    items = []
    for item_node, item in zip(node.value, data, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            pack.problems.append(Problem(rel, line, f"each {label} entry must be a mapping"))
            continue
        field_lines = {k.value: v.start_mark.line + 1 for k, v in item_node.value}
        items.append((item, line, field_lines))
    return items


def _validate(model, item, rel, line, field_lines, pack):
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        for error in exc.errors():
            name = error["loc"][0] if error["loc"] else None
            where = field_lines.get(name, line)
            label = f"{name}: " if name else ""
            pack.problems.append(Problem(rel, where, f"{label}{error['msg']}"))
        return None


def _read_list(pack, path, model, label, target):
    rel = _relative(path, pack.root)
    for item, line, field_lines in _yaml_items(path, label, pack):
        data = _validate(model, item, rel, line, field_lines, pack)
        if data:
            target.append((data, rel, line))


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
        front = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        pack.problems.append(Problem(rel, line, f"bad front matter: {getattr(exc, 'problem', exc)}"))
        return None, []
    if not isinstance(front, dict):
        pack.problems.append(Problem(rel, 2, "front matter must be a mapping"))
        return None, []
    body = [(number, line) for number, line in enumerate(lines[end + 1 :], start=end + 2)]
    return front, body


def _parse_passages(body, rel, pack):
    passages, section, current, in_fields = [], "", None, False

    def close():
        if current is not None:
            current.body = "\n".join(current.body).strip()
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
            current = PassageData(slug, match.group("heading"), section, [], [], [], number, rel)
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
            current.body.append(line)
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
    rel = _relative(path, pack.root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        pack.problems.append(Problem(rel, 1, f"cannot read chapter: {exc}"))
        return
    front, body = _split_front_matter(text, rel, pack)
    if front is None:
        return
    field_lines = {key: 2 + i for i, key in enumerate(front)}
    data = _validate(ChapterData, front, rel, 1, field_lines, pack)
    passages = _parse_passages(body, rel, pack)
    if data:
        pack.chapters.append(ChapterFile(data, passages, rel))


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
    for ref in markup.ANY_REF.findall(passage.body):
        slug = ref[len("{stat:") : -1] if ref.startswith("{stat:") else None
        if slug is None:
            problem(f"unknown reference {ref} (only {{stat:id}} is allowed)")
        elif slug not in stat_ids:
            problem(f"unknown statistic id '{slug}'")
    if "<" in passage.body:
        problem("HTML is not allowed in passage text")
    written = WRITTEN_PERCENT.findall(markup.STAT_REF.sub("", passage.body))
    if written:
        problem(f"percentage written in the text ({written[0]!r}): refer to its record with {{stat:id}}")
    words = passage.word_count
    has_list = any(b.kind == "ul" for b in markup.blocks(passage.body))
    if words > PASSAGE_MAX_WORDS or (words < PASSAGE_MIN_WORDS and not has_list):
        problem(
            f"passage '{passage.slug}' has {words} words (keep it between {PASSAGE_MIN_WORDS} and {PASSAGE_MAX_WORDS})"
        )


def _check_unique(items, label, pack):
    seen = {}
    for slug, path, line in items:
        if slug in seen:
            first = seen[slug]
            pack.problems.append(
                Problem(path, line, f"duplicate {label} id '{slug}' (first at {first[0]}:{first[1]})")
            )
        else:
            seen[slug] = (path, line)
    return set(seen)


def _check_charts(pack, stat_ids):
    _check_unique([(c.id, p, n) for c, p, n in pack.charts], "chart", pack)
    units = {s.id: s.unit for s, _, _ in pack.statistics}
    figures = {f.number: f for f, _, _ in pack.figures}
    for chart, path, line in pack.charts:
        slugs = [bar.stat for bar in chart.bars]
        unknown = [slug for slug in slugs if slug not in stat_ids]
        for slug in unknown:
            pack.problems.append(Problem(path, line, f"unknown statistic id '{slug}'"))
        if unknown:
            continue
        if len({units[slug] for slug in slugs}) > 1:
            pack.problems.append(
                Problem(path, line, f"chart '{chart.id}' mixes units; one chart shows one unit")
            )
        if chart.figure is not None:
            figure = figures.get(chart.figure)
            if figure is None:
                pack.problems.append(Problem(path, line, f"chart '{chart.id}': no Figur {chart.figure}"))
            elif not set(slugs) <= set(figure.statistics):
                pack.problems.append(
                    Problem(
                        path,
                        line,
                        f"chart '{chart.id}' shows records that are not in Figur {chart.figure}",
                    )
                )


def _cross_check(pack):
    source_ids = _check_unique([(s.id, p, n) for s, p, n in pack.sources], "source", pack)
    stat_ids = _check_unique([(s.id, p, n) for s, p, n in pack.statistics], "statistic", pack)
    chapter_ids = _check_unique([(c.data.id, c.path, c.line) for c in pack.chapters], "chapter", pack)
    passage_ids = _check_unique([(p.slug, p.path, p.line) for p in pack.passages if p.slug], "passage", pack)
    _check_unique([(s.id, p, n) for s, p, n in pack.services], "service", pack)
    for path, line, message in check_services(pack.services, chapter_ids, passage_ids):
        pack.problems.append(Problem(path, line, message))
    _check_unique([(f.id, p, n) for f, p, n in pack.figures], "figure", pack)
    _check_unique([(str(f.number), p, n) for f, p, n in pack.figures], "figure number", pack)
    for stat, path, line in pack.statistics:
        if stat.source not in source_ids:
            pack.problems.append(Problem(path, line, f"unknown source id '{stat.source}'"))
    for figure, path, line in pack.figures:
        if figure.chapter not in chapter_ids:
            pack.problems.append(Problem(path, line, f"unknown chapter id '{figure.chapter}'"))
        for slug in figure.statistics:
            if slug not in stat_ids:
                pack.problems.append(Problem(path, line, f"unknown statistic id '{slug}'"))
    _check_charts(pack, stat_ids)
    for row, path, line in pack.comparison:
        if row.stat not in stat_ids:
            pack.problems.append(Problem(path, line, f"unknown statistic id '{row.stat}'"))
    for chapter in pack.chapters:
        if not chapter.passages:
            pack.problems.append(Problem(chapter.path, 1, f"chapter '{chapter.data.id}' has no passages"))
    for passage in pack.passages:
        _check_passage(passage, source_ids, stat_ids, pack)
    _check_pages(pack)


def page_problem(value, pack):
    """None, or why `value` is not a booklet page range for this pack ("" means none was given)."""
    if not value:
        return "no pages: name the booklet page(s) it rests on (docs/decisions/0010)"
    last = pack.edition.last_numbered_page if pack.edition else None
    return pages.problem(value, last) if last else None


def _check_pages(pack):
    located = [(p.pages, p.path, p.line, f"passage '{p.slug}'") for p in pack.passages if p.slug]
    located += [(s.pages, path, line, f"statistic '{s.id}'") for s, path, line in pack.statistics]
    located += [
        (s.pages, path, line, f"service '{s.id}'") for s, path, line in pack.services if s.kind == "service"
    ]
    for value, path, line, what in located:
        found = page_problem(value, pack)
        if found:
            pack.problems.append(Problem(path, line, f"{what}: {found}"))


def _digest(files):
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_pack(root):
    """Read every file of the pack; problems are collected, never raised."""
    root = Path(root)
    pack = Pack(root=root)
    if not root.is_dir():
        pack.problems.append(Problem(str(root), 1, "content pack folder not found"))
        return pack
    edition_file = root / "pack.yaml"
    items = _yaml_items_single(edition_file, pack)
    if items is not None:
        data, field_lines = items
        pack.edition = _validate(EditionData, data, _relative(edition_file, root), 1, field_lines, pack)
    _read_list(pack, root / "sources.yaml", SourceData, "source", pack.sources)
    for path in sorted((root / "statistics").glob("*.yaml")):
        _read_list(pack, path, StatisticData, "statistic", pack.statistics)
    if (root / "figures.yaml").exists():
        _read_list(pack, root / "figures.yaml", FigureData, "figure", pack.figures)
    for name, model, label, target in (
        ("charts.yaml", ChartData, "chart", pack.charts),
        ("comparison.yaml", ComparisonData, "comparison", pack.comparison),
        ("services.yaml", ServiceData, "service", pack.services),
        ("glossary.yaml", GlossaryData, "glossary entry", pack.glossary),
    ):
        if (root / name).exists():
            _read_list(pack, root / name, model, label, target)
    chapter_files = sorted((root / "chapters").glob("*.md"))
    if not chapter_files:
        pack.problems.append(Problem(_relative(root / "chapters", root), 1, "no chapter files"))
    for path in chapter_files:
        _read_chapter(path, pack)
    _read_notices(pack, root / "notices.yaml")
    _cross_check(pack)
    from rusfakta.tools.pack import read_tools  # the tools point at everything above, so they come last

    read_tools(pack)
    files = sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.md"))
    pack.digest = _digest([f for f in files if f.exists()])
    return pack


def _yaml_items_single(path, pack):
    rel = _relative(path, pack.root)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError:
        pack.problems.append(Problem(rel, 1, "pack.yaml is missing"))
        return None
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        pack.problems.append(Problem(rel, line, f"invalid YAML: {getattr(exc, 'problem', exc)}"))
        return None
    if not isinstance(data, dict):
        pack.problems.append(Problem(rel, 1, "pack.yaml must be a mapping"))
        return None
    return data, {k.value: v.start_mark.line + 1 for k, v in node.value}

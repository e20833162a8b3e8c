"""The translated chapters of the pack (decision 0016): `<lang>/chapters/NN-id.md` mirrors the bokmål
chapter with the same front matter keys and the same passages in the same order. Title, summary,
section and passage headings, text and reader questions are prose; ids, kind, sources and pages
are as in bokmål. The contents page's theme titles (pack.yaml) are read by content/themes.py."""

from types import SimpleNamespace

from rusfakta.content.themes import export_themes, theme_units
from rusfakta.pack.dump import yaml_text
from rusfakta.pack.problems import Problem
from rusfakta.pack.translations import Translatable, Unit, compare, shown

CHAPTER = Translatable("chapters/*.md", "chapter", "content.Chapter", fields=("title", "summary"))
PASSAGE = Translatable(
    "chapters/*.md",
    "passage",
    "content.Passage",
    fields=("heading", "section", "body", "questions"),
    columns={"questions": "questions"},
)


def passage_fields(passage):
    return {
        "heading": passage.heading,
        "section": passage.section,
        "body": passage.body,
        "questions": list(passage.questions),
        "sources": list(passage.sources),
        "pages": passage.pages,
    }


def translation_units(pack, lang, edition):
    from rusfakta.content.pack import read_chapter_file

    mine = {
        (pack.root.parent / chapter.path).relative_to(pack.root).as_posix(): chapter
        for chapter in pack.chapters
    }
    reader = SimpleNamespace(root=pack.root, problems=edition.invalid)
    theirs = {}
    for path in sorted((pack.root / lang / "chapters").glob("*.md")):
        rel = path.relative_to(pack.root / lang).as_posix()
        if rel not in mine:
            edition.invalid.append(Problem(shown(pack, f"{lang}/{rel}"), 1, f"no bokmål chapter file {rel}"))
            continue
        theirs[rel] = read_chapter_file(path, reader)
    for rel, chapter in mine.items():
        _chapter_units(pack, lang, rel, chapter, theirs.get(rel), edition)
    theme_units(pack, lang, edition)


def _unit(edition, spec, key, nb, tr, where, line, tr_line):
    rel, tr_rel, shown_rel = where
    unit = Unit(spec.kind, key, rel, line, {}, where=tr_rel, where_line=tr_line, shown=shown_rel)
    if tr is None:
        compare(nb, nb, spec, (), lambda *_: None, unit.source, {})
    else:
        unit.text, found = {}, ([], [])  # (problems, copied values that differ: decision 0016)
        compare(
            nb,
            tr,
            spec,
            (),
            lambda path, message, copy=False: found[copy].append(message),
            unit.source,
            unit.text,
        )
        problems, copies = found
        edition.copies.extend(Problem(tr_rel, tr_line, f"{key}: {message}") for message in copies)
        if problems:
            unit.invalid = True
            edition.invalid.extend(Problem(tr_rel, tr_line, f"{key}: {message}") for message in problems)
    edition.units.append(unit)


def _chapter_units(pack, lang, rel, chapter, translated, edition):
    tr_rel = shown(pack, f"{lang}/{rel}")
    where = (rel, tr_rel, chapter.path)
    front = chapter.data.model_dump()
    _unit(edition, CHAPTER, chapter.data.id, front, translated and translated.data.model_dump(), where, 1, 1)
    theirs = {p.slug: p for p in translated.passages} if translated else {}
    if translated:
        order = [p.slug for p in translated.passages]
        for slug in order:
            if slug not in {p.slug for p in chapter.passages}:
                edition.invalid.append(Problem(tr_rel, theirs[slug].line, f"unknown passage id '{slug}'"))
        if [s for s in order if s in {p.slug for p in chapter.passages}] != [
            p.slug for p in chapter.passages if p.slug in theirs
        ]:
            edition.invalid.append(Problem(tr_rel, 1, "passages are not in the bokmål order"))
    for passage in chapter.passages:
        other = theirs.get(passage.slug)
        tr_fields = passage_fields(other) if other else None
        if tr_fields and bool(passage.section) != bool(other.section):
            edition.invalid.append(
                Problem(tr_rel, other.line, f"{passage.slug}: not in the same section as in bokmål")
            )
        _unit(
            edition,
            PASSAGE,
            passage.slug,
            passage_fields(passage),
            tr_fields,
            where,
            passage.line,
            other.line if other else 1,
        )


def export_translation(root, lang, rows):
    """Write <lang>/chapters/ from the bokmål chapters already exported into root; returns {record: name}."""
    from rusfakta.content.pack import read_chapter_file
    from rusfakta.pack.translations_sync import overlay

    names, reader = {}, SimpleNamespace(root=root, problems=[])
    for path in sorted((root / "chapters").glob("*.md")):
        chapter = read_chapter_file(path, reader)
        row = chapter and rows.get(f"chapter {chapter.data.id}")
        if row is None:
            continue
        rel = path.relative_to(root).as_posix()
        names[row.record] = f"{rel}#{chapter.data.id}"
        front = overlay(chapter.data.model_dump(), row.fields)
        passages = []
        for passage in chapter.passages:
            passage_row = rows.get(f"passage {passage.slug}")
            if passage_row:
                names[passage_row.record] = f"{rel}#{passage.slug}"
                passages.append((passage.slug, overlay(passage_fields(passage), passage_row.fields)))
        target = root / lang / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(chapter_markdown(front, passages), encoding="utf-8")
    names.update(export_themes(root, lang, rows))
    return names


def chapter_markdown(front, passages):
    lines, section = (
        ["---", yaml_text(front).rstrip(), "---", ""],
        "",
    )
    for slug, passage in passages:
        if passage["section"] != section:
            section = passage["section"]
            lines += [f"# {section}", ""]
        lines.append(f"## {passage['heading']} {{#{slug}}}")
        lines.append("sources: " + ", ".join(passage["sources"]))
        if passage["pages"]:
            lines.append(f"pages: {passage['pages']}")
        if passage["questions"]:
            lines.append("questions: " + "; ".join(passage["questions"]))
        lines += ["", passage["body"].strip(), ""]
    return "\n".join(lines)

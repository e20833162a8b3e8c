"""The content section's rows: the edition, sources, chapters with their passages, and the figures."""

from rusfakta.content.models import Chapter, Edition, Figure, Passage, Source
from rusfakta.content.pack import ChapterData, EditionData, FigureData, SourceData
from rusfakta.pack.dump import dump_yaml, yaml_text
from rusfakta.pack.records import set_in_order, slugs_in_order, sync


def _load_passages(pack, chapters):
    """Passages are Markdown, not YAML records: their fields are the heading, the field lines and the text."""
    sources = {s.slug: s for s in Source.objects.all()}
    kept = []
    for chapter in pack.chapters:
        for order, passage in enumerate(chapter.passages):
            row, _ = Passage.objects.update_or_create(
                slug=passage.slug,
                defaults={
                    "chapter": chapters[chapter.data.id],
                    "order": order,
                    "section": passage.section,
                    "heading": passage.heading,
                    "body": passage.body,
                    "questions": "\n".join(passage.questions),
                    "pages": passage.pages,
                },
            )
            set_in_order(row.sources, [sources[slug] for slug in passage.sources])
            kept.append(row.pk)
    Passage.objects.exclude(pk__in=kept).delete()


def load(pack):
    sync(Edition, [pack.edition])
    sync(Source, [source for source, _, _ in pack.sources])
    chapters = sync(Chapter, [chapter.data for chapter in pack.chapters])
    _load_passages(pack, chapters)
    sync(Figure, [figure for figure, _, _ in pack.figures])


def _chapter_text(chapter):
    front = yaml_text(ChapterData.from_row(chapter))
    lines, section = ["---", front.rstrip(), "---", ""], ""
    for passage in chapter.passages.all():
        if passage.section != section:
            section = passage.section
            lines += [f"# {section}", ""]
        lines.append(f"## {passage.heading} {{#{passage.slug}}}")
        lines.append("sources: " + ", ".join(slugs_in_order(passage.sources)))
        if passage.pages:
            lines.append(f"pages: {passage.pages}")
        if passage.questions.strip():
            lines.append("questions: " + "; ".join(passage.questions.splitlines()))
        lines += ["", passage.body.strip(), ""]
    return "\n".join(lines)


def export(root):
    dump_yaml(root / "pack.yaml", EditionData.from_row(Edition.objects.get()))
    dump_yaml(root / "sources.yaml", [SourceData.from_row(s) for s in Source.objects.all()])
    dump_yaml(
        root / "figures.yaml", [FigureData.from_row(f) for f in Figure.objects.select_related("chapter")]
    )
    (root / "chapters").mkdir(exist_ok=True)
    for number, chapter in enumerate(Chapter.objects.in_reading_order(), start=1):
        (root / "chapters" / f"{number:02d}-{chapter.slug}.md").write_text(
            _chapter_text(chapter), encoding="utf-8"
        )

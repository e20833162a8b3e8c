"""Write the database back out as a content pack, so an edition edited in the admin can be versioned."""

from pathlib import Path

import yaml

from rusfakta.content.models import Chapter, Edition, Figure, Source
from rusfakta.helpservices.models import Service
from rusfakta.helpservices.pack import pack_record as service_record
from rusfakta.search.models import GlossaryEntry, Notice
from rusfakta.statistics.models import Chart, ComparisonRow, Statistic
from rusfakta.statistics.records import record
from rusfakta.tools.export import export_tools


def _dump(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _present(**fields):
    """The pack leaves out fields that have no value."""
    return {k: v for k, v in fields.items() if v is not None}


def _statistic(stat):
    """The record in the pack's shape: the API's record, with the source as its id."""
    return _present(**{**record(stat), "source": stat.source.slug})


def _chapter_text(chapter):
    front = yaml.safe_dump(
        {"id": chapter.slug, "title": chapter.title, "kind": chapter.kind, "summary": chapter.summary},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    lines, section = ["---", front.rstrip(), "---", ""], ""
    for passage in chapter.passages.prefetch_related("sources"):
        if passage.section != section:
            section = passage.section
            lines += [f"# {section}", ""]
        lines.append(f"## {passage.heading} {{#{passage.slug}}}")
        lines.append("sources: " + ", ".join(s.slug for s in passage.sources.all()))
        if passage.pages:
            lines.append(f"pages: {passage.pages}")
        if passage.questions.strip():
            lines.append("questions: " + "; ".join(passage.questions.splitlines()))
        lines += ["", passage.body.strip(), ""]
    return "\n".join(lines)


def export_pack(root):
    root = Path(root)
    (root / "chapters").mkdir(parents=True, exist_ok=True)
    (root / "statistics").mkdir(exist_ok=True)
    edition = Edition.objects.get()
    _dump(
        root / "pack.yaml",
        {
            "id": edition.slug,
            "title": edition.title,
            "publisher": edition.publisher,
            "place": edition.place,
            "published": edition.published,
            "language": edition.language,
            "edition": edition.edition,
            "last_numbered_page": edition.last_numbered_page,
        },
    )
    _dump(
        root / "sources.yaml",
        [
            _present(id=s.slug, title=s.title, author=s.author, year=s.year, kind=s.kind, about=s.about)
            for s in Source.objects.all()
        ],
    )
    _dump(
        root / "statistics" / "statistics.yaml",
        [_statistic(s) for s in Statistic.objects.select_related("source")],
    )
    _dump(
        root / "figures.yaml",
        [
            {
                "number": f.number,
                "id": f.slug,
                "chapter": f.chapter.slug,
                "title": f.title,
                "statistics": f.statistic_slugs,
                "text": f.text,
            }
            for f in Figure.objects.select_related("chapter")
        ],
    )
    _dump(
        root / "charts.yaml",
        [
            _present(id=c.slug, figure=c.figure_number, title=c.title, bars=c.bars, note=c.note)
            for c in Chart.objects.all()
        ],
    )
    _dump(
        root / "comparison.yaml",
        [
            {"stat": r.statistic.slug, "method": r.method, "why": r.why}
            for r in ComparisonRow.objects.select_related("statistic")
        ],
    )
    _dump(
        root / "glossary.yaml",
        [{"id": g.slug, "terms": g.terms, "means": g.means} for g in GlossaryEntry.objects.all()],
    )
    _dump(
        root / "notices.yaml", {n.kind: {"phrases": n.phrases, "text": n.text} for n in Notice.objects.all()}
    )
    export_tools(root)
    _dump(root / "services.yaml", [service_record(s) for s in Service.objects.all()])
    for number, chapter in enumerate(Chapter.objects.in_reading_order(), start=1):
        (root / "chapters" / f"{number:02d}-{chapter.slug}.md").write_text(
            _chapter_text(chapter), encoding="utf-8"
        )

"""Load a validated content pack into the database, all or nothing."""

from django.db import transaction

from rusfakta.content.models import Chapter, ContentVersion, Edition, Figure, Passage, Source
from rusfakta.content.pack import read_pack
from rusfakta.content.signals import content_signals_muted
from rusfakta.helpservices.models import Service
from rusfakta.helpservices.pack import model_fields as service_fields
from rusfakta.search.models import GlossaryEntry, Notice
from rusfakta.statistics.models import Chart, ComparisonRow, Statistic
from rusfakta.tools.loader import write_tools


class PackInvalid(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s) in the content pack")
        self.problems = problems


def _sync(model, rows):
    """Upsert rows by slug and delete the ones the pack no longer has; returns {slug: obj}."""
    objects = {}
    for slug, fields in rows:
        objects[slug], _ = model.objects.update_or_create(slug=slug, defaults=fields)
    model.objects.exclude(slug__in=list(objects)).delete()
    return objects


def load_pack(root, force=False):
    """Returns True when the database changed. Raises PackInvalid and changes nothing on problems."""
    pack = read_pack(root)
    if pack.problems:
        raise PackInvalid(pack.problems)
    if not force and ContentVersion.current().pack_digest == pack.digest:
        return False
    with transaction.atomic(), content_signals_muted():
        _write(pack)
        ContentVersion.bump(pack_digest=pack.digest)
    return True


def _write(pack):
    edition = pack.edition
    Edition.objects.exclude(slug=edition.id).delete()
    Edition.objects.update_or_create(
        slug=edition.id,
        defaults={
            "title": edition.title,
            "publisher": edition.publisher,
            "place": edition.place,
            "published": edition.published,
            "edition": edition.edition,
            "language": edition.language,
            "last_numbered_page": edition.last_numbered_page,
        },
    )
    sources = _sync(
        Source,
        [
            (
                s.id,
                {
                    "title": s.title,
                    "author": s.author,
                    "year": s.year,
                    "kind": s.kind,
                    "about": s.about,
                    "order": i,
                },
            )
            for i, (s, _, _) in enumerate(pack.sources)
        ],
    )
    statistics = _sync(
        Statistic,
        [
            (s.id, {**s.model_dump(exclude={"id", "source"}), "source": sources[s.source], "order": i})
            for i, (s, _, _) in enumerate(pack.statistics)
        ],
    )
    chapters = _sync(
        Chapter,
        [
            (c.data.id, {"title": c.data.title, "kind": c.data.kind, "summary": c.data.summary, "order": i})
            for i, c in enumerate(pack.chapters)
        ],
    )
    passage_rows, passage_sources = [], {}
    for chapter in pack.chapters:
        for i, p in enumerate(chapter.passages):
            passage_rows.append(
                (
                    p.slug,
                    {
                        "chapter": chapters[chapter.data.id],
                        "order": i,
                        "section": p.section,
                        "heading": p.heading,
                        "body": p.body,
                        "questions": "\n".join(p.questions),
                        "pages": p.pages,
                    },
                )
            )
            passage_sources[p.slug] = [sources[s] for s in p.sources]
    for slug, passage in _sync(Passage, passage_rows).items():
        passage.sources.set(passage_sources[slug])
    _sync(
        Figure,
        [
            (
                f.id,
                {
                    "number": f.number,
                    "chapter": chapters[f.chapter],
                    "title": f.title,
                    "text": f.text,
                    "statistic_slugs": f.statistics,
                },
            )
            for f, _, _ in pack.figures
        ],
    )
    _sync(
        Chart,
        [
            (
                c.id,
                {
                    "figure_number": c.figure,
                    "title": c.title,
                    "note": c.note,
                    "order": i,
                    "bars": [bar.model_dump() for bar in c.bars],
                },
            )
            for i, (c, _, _) in enumerate(pack.charts)
        ],
    )
    ComparisonRow.objects.all().delete()
    ComparisonRow.objects.bulk_create(
        ComparisonRow(statistic=statistics[row.stat], method=row.method, why=row.why, order=i)
        for i, (row, _, _) in enumerate(pack.comparison)
    )
    _sync(
        GlossaryEntry,
        [
            (g.id, {"terms": [t.lower() for t in g.terms], "means": g.means, "order": i})
            for i, (g, _, _) in enumerate(pack.glossary)
        ],
    )
    Notice.objects.exclude(kind__in=list(pack.notices)).delete()
    for kind, notice in pack.notices.items():
        Notice.objects.update_or_create(
            kind=kind, defaults={"phrases": [p.lower() for p in notice.phrases], "text": notice.text}
        )
    write_tools(pack)
    _sync(Service, [(s.id, {**service_fields(s), "order": i}) for i, (s, _, _) in enumerate(pack.services)])

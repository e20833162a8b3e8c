import re
import shutil
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command

from rusfakta.content.models import Chapter, ContentVersion, Figure, Passage
from rusfakta.pack.sections import PackInvalid, load_pack, read_pack
from rusfakta.statistics.in_text import passage_text, readable, statistics_by_slug

BOOKLET_CHAPTERS = [
    "Introduksjon",
    "Hva er kokain?",
    "Historikk",
    "Utbredelse",
    "Ungdata",
    "ESPAD",
    "Actis-undersøkelsen gjennomført av Opinion",
    "Ulike former for kokain",
    "Slik virker kokain i kroppen",
    "Blandingsbruk",
    "Skade og overdose",
    "Skadevirkninger",
    "Langtidsbruk",
    "Effekter under graviditet",
    "Dødelighet",
    "Kjøp og salg",
    "Russetid",
    "Behandling",
    "Konsekvenser i produksjonsland",
    "Actis mener",
    "Om Actis",
    "Her kan du få hjelp",
]
# Subsections the booklet names, as section or passage headings inside their chapter.
BOOKLET_SUBSECTIONS = {
    "utbredelse": ["I Europa", "I Norge"],
    "virkning": ["Inntaksmåte", "Rusvirkning"],
    "produksjonsland": ["Organiserte kriminelle"],
}
NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0.]\d{3})+(?!\d)|\d+(?:,\d+)?")


def numbers_in(text):
    found = set()
    for token in NUMBER.findall(text):
        token = re.sub(r"[ \u00a0.](?=\d{3})", "", token)
        found.add(Decimal(token.replace(",", ".")))
    return found


@pytest.fixture
def pack_copy(tmp_path):
    target = tmp_path / "kokain"
    shutil.copytree(settings.CONTENT_PACK_DIR, target)
    return target


def test_the_pack_validates():
    pack = read_pack(settings.CONTENT_PACK_DIR)
    assert [str(p) for p in pack.problems] == []
    assert len(pack.passages) > 80


@pytest.mark.django_db
def test_every_booklet_chapter_exists_in_reading_order():
    titles = list(Chapter.objects.in_reading_order().values_list("title", flat=True))
    assert titles == BOOKLET_CHAPTERS


@pytest.mark.django_db
@pytest.mark.parametrize("chapter, subsections", BOOKLET_SUBSECTIONS.items())
def test_booklet_subsections_are_kept(chapter, subsections):
    passages = Passage.objects.filter(chapter__slug=chapter)
    sections = set(passages.values_list("section", flat=True))
    for name in subsections:
        assert name in sections, f"{chapter}: no section {name!r}"


@pytest.mark.django_db
def test_actis_mener_is_marked_as_opinion_and_nothing_else_is():
    assert list(Chapter.objects.filter(kind="opinion").values_list("slug", flat=True)) == ["actis-mener"]


@pytest.mark.django_db
def test_every_number_in_the_booklet_appears_in_some_passage(booklet_text):
    # Page numbers stand alone on their own line in the extracted PDF text.
    booklet = "\n".join(line for line in booklet_text.splitlines() if not re.fullmatch(r"\s*\d\s*", line))
    expected = numbers_in(booklet)
    stats = statistics_by_slug()
    # A passage is read with its citations ("Kilde: Allen 1987"); figures keep their numbers.
    rendered = "\n".join(
        passage_text(p.body, stats, "nb") + " " + " ".join(s.title for s in p.sources.all())
        for p in Passage.objects.prefetch_related("sources")
    ) + " ".join(f"Figur {f.number}" for f in Figure.objects.all())
    missing = sorted(expected - numbers_in(rendered))
    assert len(expected) > 75
    assert [str(n) for n in missing] == []


def _problems(root):
    return [str(p) for p in read_pack(root).problems]


def test_duplicate_passage_id_is_reported_with_file_and_line(pack_copy):
    path = pack_copy / "chapters" / "02-hva-er-kokain.md"
    text = path.read_text()
    first_id = re.search(r"\{#([a-z0-9-]+)\}", text).group(1)
    path.write_text(text + f"\n## Igjen {{#{first_id}}}\nsources: actis-2025\n\n" + "ord " * 30 + "\n")
    line = len(text.splitlines()) + 2
    assert any(
        p.startswith(f"kokain/chapters/02-hva-er-kokain.md:{line}: duplicate passage id '{first_id}'")
        for p in _problems(pack_copy)
    )


def test_unknown_source_id_is_reported(pack_copy):
    path = pack_copy / "chapters" / "03-historikk.md"
    path.write_text(path.read_text().replace("sources: ", "sources: finnes-ikke, ", 1))
    assert any(
        "03-historikk.md:" in p and "unknown source id 'finnes-ikke'" in p for p in _problems(pack_copy)
    )


def test_empty_passage_is_reported(pack_copy):
    path = pack_copy / "chapters" / "01-introduksjon.md"
    path.write_text(path.read_text() + "\n## Tomt {#tomt-avsnitt}\nsources: actis-2025\n")
    assert any("passage 'tomt-avsnitt' is empty" in p for p in _problems(pack_copy))


def test_bad_front_matter_is_reported(pack_copy):
    path = pack_copy / "chapters" / "01-introduksjon.md"
    path.write_text(path.read_text().replace("title: Introduksjon", "title: [Introduksjon", 1))
    assert any(
        p.startswith("kokain/chapters/01-introduksjon.md:") and "bad front matter" in p
        for p in _problems(pack_copy)
    )


def test_missing_front_matter_and_unknown_figure_record_are_reported(pack_copy):
    (pack_copy / "chapters" / "99-uten.md").write_text("## Noe {#noe}\n")
    figures = pack_copy / "figures.yaml"
    figures.write_text(figures.read_text().replace("statistics: [", "statistics: [finnes-ikke, ", 1))
    problems = _problems(pack_copy)
    assert "kokain/chapters/99-uten.md:1: a chapter file must start with '---' front matter" in problems
    assert any(
        p.startswith("kokain/figures.yaml:") and "unknown statistic id 'finnes-ikke'" in p for p in problems
    )


def test_percentage_written_in_text_is_reported(pack_copy):
    path = pack_copy / "chapters" / "01-introduksjon.md"
    path.write_text(
        path.read_text()
        + "\n## Tall {#tall-i-tekst}\nsources: actis-2025\n\n"
        + "Hele 12 prosent sier noe her, og det er mange ord i denne setningen om tall og andeler.\n"
    )
    assert any("percentage written in the text ('12 prosent')" in p for p in _problems(pack_copy))


@pytest.mark.parametrize("field", ["source", "unit", "period", "population"])
def test_statistic_without_a_required_field_is_reported(pack_copy, field):
    path = pack_copy / "statistics" / "verden.yaml"
    path.write_text(re.sub(rf"\n  {field}: [^\n]+", "", path.read_text(), count=1))
    assert any("verden.yaml:" in p and f"{field}: Field required" in p for p in _problems(pack_copy))


def test_check_command_prints_problems_and_exits_1(pack_copy, capsys):
    path = pack_copy / "chapters" / "03-historikk.md"
    path.write_text(path.read_text().replace("sources: ", "sources: finnes-ikke, ", 1))
    with pytest.raises(SystemExit) as exit_info:
        call_command("content", "check", str(pack_copy))
    assert exit_info.value.code == 1
    assert "unknown source id 'finnes-ikke'" in capsys.readouterr().err


@pytest.mark.django_db
def test_invalid_pack_leaves_the_database_unchanged(pack_copy):
    before = list(Passage.objects.order_by("slug").values_list("slug", "body"))
    stamp = ContentVersion.current().stamp
    (pack_copy / "chapters" / "01-introduksjon.md").write_text("---\nid: introduksjon\n---\n")
    path = pack_copy / "chapters" / "02-hva-er-kokain.md"
    path.write_text(path.read_text().replace("Kokain", "Endret kokain"))
    with pytest.raises(PackInvalid):
        load_pack(pack_copy)
    assert list(Passage.objects.order_by("slug").values_list("slug", "body")) == before
    assert ContentVersion.current().stamp == stamp


@pytest.mark.django_db
def test_load_is_idempotent_and_applies_changes(pack_copy):
    assert load_pack(settings.CONTENT_PACK_DIR) is False  # already loaded, unchanged
    path = pack_copy / "chapters" / "02-hva-er-kokain.md"
    path.write_text(path.read_text().replace("## ", "## Nytt: ", 1))
    stamp = ContentVersion.current().stamp
    assert load_pack(pack_copy) is True
    assert Passage.objects.filter(heading__startswith="Nytt: ").count() == 1
    assert ContentVersion.current().stamp != stamp
    count = Passage.objects.count()
    assert load_pack(pack_copy) is False
    assert Passage.objects.count() == count


@pytest.mark.django_db
def test_export_writes_a_pack_that_loads_back_the_same(tmp_path):
    call_command("content", "export", str(tmp_path / "kokain"))
    exported = read_pack(tmp_path / "kokain")
    assert [str(p) for p in exported.problems] == []
    original = read_pack(settings.CONTENT_PACK_DIR)
    assert [(p.slug, p.body, sorted(p.sources)) for p in exported.passages] == [
        (p.slug, p.body, sorted(p.sources)) for p in original.passages
    ]
    assert [s.model_dump() for s, _, _ in exported.statistics] == [
        s.model_dump() for s, _, _ in original.statistics
    ]


@pytest.mark.django_db
def test_editing_a_passage_bumps_the_content_version():
    stamp = ContentVersion.current().stamp
    passage = Passage.objects.first()
    passage.heading = "Endret"
    passage.save()
    assert ContentVersion.current().stamp != stamp


def test_a_pack_yaml_that_is_not_utf8_is_reported_not_raised(pack_copy):
    (pack_copy / "pack.yaml").write_bytes("title: Kokain på norsk\n".encode("latin-1"))
    assert any(p.startswith("kokain/pack.yaml:1: cannot read") for p in _problems(pack_copy))


def test_problems_in_notices_yaml_name_notices_yaml(pack_copy):
    (pack_copy / "notices.yaml").write_text("- not a mapping\n")
    problems = _problems(pack_copy)
    assert "kokain/notices.yaml:1: notices.yaml must be a mapping" in problems
    assert not any("pack.yaml" in p for p in problems)


@pytest.mark.django_db
def test_readable_passages_copy_and_pickle():
    import copy
    import pickle

    passage = readable(Passage.objects.all()[:1])[0]
    for twin in (copy.copy(passage), pickle.loads(pickle.dumps(passage))):
        assert (twin.slug, twin.html) == (passage.slug, passage.html)


@pytest.mark.django_db
def test_changing_a_passages_sources_bumps_the_content_version():
    stamp = ContentVersion.current().stamp
    Passage.objects.first().sources.clear()
    assert ContentVersion.current().stamp != stamp


@pytest.mark.django_db
def test_saving_a_row_that_is_not_content_keeps_the_content_version():
    from django.contrib.auth.models import Group

    stamp = ContentVersion.current().stamp
    Group.objects.create(name="redaktører")
    assert ContentVersion.current().stamp == stamp


def test_a_chapter_with_a_theme_the_edition_does_not_list_is_reported(pack_copy):
    path = pack_copy / "chapters" / "03-historikk.md"
    path.write_text(path.read_text().replace("theme: hva-er-kokain", "theme: finnes-ikke", 1))
    assert "kokain/chapters/03-historikk.md:1: unknown theme id 'finnes-ikke'" in _problems(pack_copy)


def test_a_chapter_tool_must_be_one_of_the_tools(pack_copy):
    path = pack_copy / "chapters" / "10-blandingsbruk.md"
    path.write_text(path.read_text().replace("tools: [mixing]", "tools: [mixing, kalkulator]", 1))
    assert any("10-blandingsbruk.md:" in p and "tools" in p for p in _problems(pack_copy))


@pytest.mark.django_db
def test_themes_and_chapter_tools_survive_an_export(tmp_path):
    call_command("content", "export", str(tmp_path / "kokain"))
    exported, original = read_pack(tmp_path / "kokain"), read_pack(settings.CONTENT_PACK_DIR)
    assert exported.edition.themes == original.edition.themes
    assert [(c.data.id, c.data.theme, c.data.tools) for c in exported.chapters] == [
        (c.data.id, c.data.theme, c.data.tools) for c in original.chapters
    ]

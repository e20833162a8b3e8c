"""Every passage, record and tool statement names the booklet page(s) it rests on (docs/decisions/0010)."""

import re
import shutil

import pytest
from django.conf import settings

from rusfakta.pack import pages
from rusfakta.pack.sections import read_pack

# Where each chapter of ours starts in the booklet's text, in reading order.
CHAPTER_STARTS = {
    "introduksjon": " Introduksjon\n",
    "hva-er-kokain": "Hva er kokain?\n",
    "historikk": "Historikk\n",
    "utbredelse": "Utbredelse \n",
    "ungdata": "Ungdata \n",
    "espad": " ESPAD \n",
    "opinion": "Actis-undersøkelse gjennomført av Opinion",
    "former": "Ulike former for kokain",
    "virkning": "Slik virker kokain i kroppen",
    "blandingsbruk": "Blandingsbruk\n",
    "skade-og-overdose": " Skade og overdose",
    "skadevirkninger": "Skadevirkninger\n",
    "langtidsbruk": "Langtidsbruk\n",
    "graviditet": "Effekter under graviditet",
    "dodelighet": "Dødelighet\n",
    "kjop-og-salg": "Kjøp og salg",
    "russetid": "Russetid\n",
    "behandling": "Behandling\n",
    "produksjonsland": "Konsekvenser i produksjonsland",
    "actis-mener": "Actis mener",
    "om-actis": "Actis - Rusfeltets samarbeidsorgan er en paraply",
    "hjelp": "Her kan du få hjelp",
}


# Passages of ours that rest on another part of the booklet than their chapter: the reasons young
# people give for saying no are told under «Langtidsbruk» (and in Figur 5).
RESTS_ELSEWHERE = {"opinion-grunner": "langtidsbruk"}


@pytest.fixture(scope="module")
def pack():
    return read_pack(settings.CONTENT_PACK_DIR)


def page_marks(booklet_text):
    """{line number: printed page number} for the bare page-number lines of the booklet's text."""
    return {
        number: int(line)
        for number, line in enumerate(booklet_text.splitlines(), start=1)
        if re.fullmatch(r"\s*\d{1,2}\s*", line)
    }


def page_of_line(line, marks):
    """The pages a line of the text can be on: a page number closes its page (decision 0010)."""
    before = [page for mark, page in marks.items() if mark < line]
    after = [page for mark, page in marks.items() if mark > line]
    first = max(before) + 1 if before else None
    last = min(after) if after else None
    return first, last


def overlaps(a, b):
    low = max(a[0] or 0, b[0] or 0)
    high = min(a[1] or 999, b[1] or 999)
    return low <= high


def test_the_page_numbers_are_the_ones_the_booklets_text_shows(booklet_text, pack):
    assert list(page_marks(booklet_text).values()) == [1, 3, 4, 5]
    assert pack.edition.last_numbered_page == max(page_marks(booklet_text).values())


def test_every_passage_record_tool_statement_and_service_names_its_pages(pack):
    last = pack.edition.last_numbered_page
    named = [(f"passage {p.slug}", p.pages) for p in pack.passages]
    named += [(f"statistic {s.id}", s.pages) for s, _, _ in pack.statistics]
    named += [(f"norm check {e.data.id}", e.data.pages) for e in pack.tools.normcheck]
    named += [(f"quiz {e.data.id}", e.data.pages) for e in pack.tools.quiz]
    named += [
        (f"mixing {e.data.id} {i}", s.pages)
        for e in pack.tools.mixing
        for i, s in enumerate(e.data.statements)
    ]
    named += [(f"service {s.id}", s.pages) for s, _, _ in pack.services if s.kind == "service"]
    assert len(named) > 200
    assert [(what, value) for what, value in named if not value or pages.problem(value, last)] == []
    assert all(not s.pages for s, _, _ in pack.services if s.kind == "emergency")  # 113 is not in the booklet


def test_each_passage_is_on_a_page_its_chapter_is_on(booklet_text, pack):
    marks, lines = page_marks(booklet_text), booklet_text.splitlines(keepends=True)
    offsets = [sum(len(line) for line in lines[:i]) for i in range(len(lines) + 1)]
    starts = [booklet_text.index(text) for text in CHAPTER_STARTS.values()]
    assert starts == sorted(starts)
    line_of = [next(i for i, offset in enumerate(offsets) if offset > start) for start in starts]
    spans = {}
    for index, chapter in enumerate(CHAPTER_STARTS):
        end = line_of[index + 1] - 1 if index + 1 < len(line_of) else len(lines)
        spans[chapter] = (page_of_line(line_of[index], marks)[0], page_of_line(end, marks)[1])
    wrong = []
    for chapter in pack.chapters:
        for passage in chapter.passages:
            found = pages.parse(passage.pages)
            span = spans[RESTS_ELSEWHERE.get(passage.slug, chapter.data.id)]
            if not overlaps((found.first, found.last), span):
                wrong.append((passage.slug, passage.pages, span))
    assert wrong == []
    assert spans["virkning"] == (4, 5) and spans["dodelighet"] == (6, None)


@pytest.mark.parametrize(
    "text, first, last, label",
    [
        ("4", 4, 4, "Heftet s. 4"),
        ("2-3", 2, 3, "Heftet s. 2–3"),
        ("6-", 6, None, "Heftet s. 6 eller senere"),
        ("-1", None, 1, "Heftet s. 1 eller før"),
    ],
)
def test_pages_are_read_and_shown(text, first, last, label):
    assert (pages.parse(text).first, pages.parse(text).last) == (first, last)
    assert pages.label(text) == label


@pytest.mark.parametrize("text", ["", "0", "3-2", "a", "7", "6-8", "8-", "-"])
def test_impossible_pages_are_refused(text):
    assert pages.problem(text, 5)


@pytest.fixture
def pack_copy(tmp_path):
    target = tmp_path / "kokain"
    shutil.copytree(settings.CONTENT_PACK_DIR, target)
    return target


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_missing_or_impossible_page_is_reported_with_file_and_line(pack_copy):
    chapter = pack_copy / "chapters" / "15-dodelighet.md"
    heading = _replace(chapter, "sources: actis-2025\npages: 6-\n", "sources: actis-2025\n") - 1
    record = _replace(pack_copy / "statistics" / "verden.yaml", '  pages: "-1"', '  pages: "7"')
    quiz = _replace(pack_copy / "quiz.yaml", '  pages: "-1"', '  pages: "0"')
    problems = [str(p) for p in read_pack(pack_copy).problems]
    assert any(
        p.startswith(f"kokain/chapters/15-dodelighet.md:{heading}: passage ") and "no pages" in p
        for p in problems
    )
    assert any("kokain/statistics/verden.yaml:" in p and "no page number after 5" in p for p in problems), (
        problems
    )
    assert any(p.startswith(f"kokain/quiz.yaml:{quiz}:") for p in problems), problems
    assert record > 0


def test_passages_show_their_pages_and_records_too(pages_client):
    html = pages_client.get("/kapittel/virkning/").content.decode()
    assert '<span class="pages">Heftet s. 4</span>' in html
    assert '<span class="pages">Heftet s. 4–5</span>' in html
    record = pages_client.get("/tall/unodc-brukere-verden-2022/").content.decode()
    assert "<dt>I heftet</dt><dd>Heftet s. 1 eller før</dd>" in record


@pytest.fixture
def pages_client(pages):
    return pages


def test_the_api_returns_the_pages(client, db):
    item = client.get("/api/v1/statistics/opinion-alkohol-samtidig").json()
    assert item["pages"] == "5"
    results = client.get("/api/v1/search?q=speedball").json()["results"]
    assert results and all(result["pages"] for result in results)

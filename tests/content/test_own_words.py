"""Nothing a reader sees copies the booklet: every rendered block is checked for 8 words in a row from it."""

import re
from types import SimpleNamespace

import pytest
from django.conf import settings

from rusfakta.pack.sections import read_pack
from rusfakta.statistics.in_text import passage_text, statistics_by_slug
from tests.conftest import words

RUN = 8  # content/README.md: eight words in a row shared with the booklet is a copy
# Member lists are names, which carry over as they are.
NAME_LISTS = {"om-actis-medlemmer", "om-actis-assosierte"}
HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(?=\w)")


def booklet_runs(booklet_text):
    """Runs of the booklet as extracted, and with words split over a line break joined again."""
    runs = set()
    for text in (booklet_text, HYPHEN_BREAK.sub(r"\1", booklet_text)):
        found = words(text)
        runs |= {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}
    return runs


def copied_runs(text, runs):
    found = words(text)
    return [
        " ".join(found[i : i + RUN]) for i in range(len(found) - RUN + 1) if tuple(found[i : i + RUN]) in runs
    ]


def rendered(text, stats):
    """Blocks as the reader sees them: figures filled in, one paragraph or one list per block."""
    return passage_text(text, stats, "nb").split("\n\n")


def reader_blocks(pack, stats):
    """(name, text) for every block of text the reader sees that the pack writes in its own words."""
    for chapter in pack.chapters:
        yield f"chapter {chapter.data.id} summary", chapter.data.summary
        for passage in chapter.passages:
            if passage.slug in NAME_LISTS:
                continue
            yield f"passage {passage.slug} heading", passage.heading
            for number, block in enumerate(rendered(passage.body, stats), 1):
                yield f"passage {passage.slug} block {number}", block
    for entry in pack.tools.mixing:
        for number, statement in enumerate(entry.data.statements, 1):
            yield f"mixing {entry.data.id} statement {number}", passage_text(statement.text, stats, "nb")
    for entry in pack.tools.normcheck:
        yield f"normcheck {entry.data.id} question", entry.data.question
        yield f"normcheck {entry.data.id} explanation", passage_text(entry.data.explanation, stats, "nb")
    for entry in pack.tools.quiz:
        item = entry.data
        yield f"quiz {item.id} question", item.question
        for number, option in enumerate(item.options, 1):
            yield f"quiz {item.id} option {number}", passage_text(option, stats, "nb")
        yield f"quiz {item.id} explanation", passage_text(item.explanation, stats, "nb")
    for service, _, _ in pack.services:
        for field in ("about", "confidentiality", "hours_note"):
            if getattr(service, field):
                yield f"service {service.id} {field}", getattr(service, field)
    for stat, _, _ in pack.statistics:
        for field in ("label", "population", "measure", "note"):
            if getattr(stat, field):
                yield f"record {stat.id} {field}", getattr(stat, field)
    for figure, _, _ in pack.figures:
        yield f"figure {figure.id} title", figure.title
        if figure.text:
            yield f"figure {figure.id} text", passage_text(figure.text, stats, "nb")
    for chart, _, _ in pack.charts:
        yield f"chart {chart.id} title", chart.title
        if chart.note:
            yield f"chart {chart.id} note", chart.note
    for row, _, _ in pack.comparison:
        yield f"comparison {row.stat} method", row.method
        yield f"comparison {row.stat} why", row.why
    for kind, notice in pack.notices.items():
        yield f"notice {kind}", notice.text
    for answer, _, _ in pack.answers:
        yield f"answer {answer.id}", passage_text(answer.text, stats, "nb")


@pytest.fixture
def blocks_and_runs(booklet_text, db):
    blocks = list(reader_blocks(read_pack(settings.CONTENT_PACK_DIR), statistics_by_slug()))
    return blocks, booklet_runs(booklet_text)


def test_no_rendered_block_shares_eight_words_in_a_row_with_the_booklet(blocks_and_runs):
    blocks, runs = blocks_and_runs
    copied = {name: copied_runs(text, runs) for name, text in blocks}
    copied = {name: found for name, found in copied.items() if found}
    assert copied == {}, "\n".join(f"{name}: «{' | '.join(found)}»" for name, found in copied.items())


def test_the_check_reads_every_kind_of_text_the_reader_sees(blocks_and_runs):
    blocks, _ = blocks_and_runs
    kinds = {name.split()[0] for name, _ in blocks}
    assert kinds == {
        "chapter",
        "passage",
        "mixing",
        "normcheck",
        "quiz",
        "service",
        "record",
        "figure",
        "chart",
        "comparison",
        "notice",
        "answer",
    }
    assert all(text.strip() for _, text in blocks)
    assert not any("{stat:" in text for _, text in blocks)


def test_a_copy_that_only_shows_once_the_figure_is_filled_in_is_found():
    runs = booklet_runs("Av de unge i Europa har prøvd 5 av 100 minst én gang.")
    five_in_100 = SimpleNamespace(value=5, low=None, high=None, unit="per-100", qualifier="")
    raw = "Av de unge i Europa har prøvd {stat:x} minst én gang."
    assert copied_runs(raw, runs) == []
    assert copied_runs(rendered(raw, {"x": five_in_100})[0], runs) != []


def test_a_word_split_over_a_line_break_in_the_booklet_still_counts():
    runs = booklet_runs(
        "Slik blir pulveret i posen veldig vanedannende og avhengighets-\nskapende over mange uker."
    )
    assert (
        copied_runs("pulveret i posen veldig vanedannende og avhengighetsskapende over mange uker", runs)
        != []
    )


def test_no_template_text_shares_eight_words_in_a_row_with_the_booklet(booklet_text):
    """The page texts written in templates (and so in their translations) are our own words too."""
    from pathlib import Path

    runs = booklet_runs(booklet_text)
    package = Path(__file__).resolve().parents[2] / "src" / "rusfakta"
    copied = {}
    for path in sorted(package.glob("**/templates/**/*.html")):
        text = re.sub(r"\{[%{#].*?[%}#]\}|<[^>]+>", " ", path.read_text(encoding="utf-8"))
        translated = re.findall(r'translate "([^"]+)"', path.read_text(encoding="utf-8"))
        found = copied_runs(text + " " + " ".join(translated), runs)
        if found:
            copied[str(path.relative_to(package))] = found
    assert copied == {}, copied

"""The short answer: written in the pack for each passage, shown first, never generated."""

import shutil

import pytest
from django.conf import settings
from django.core.management import call_command

from rusfakta.pack.sections import read_pack
from rusfakta.search.service import ask
from rusfakta.statistics.models import Statistic


@pytest.mark.django_db
def test_a_covered_question_gets_the_first_passages_short_answer_with_its_figures_filled_in():
    answer = ask("når ble kokain laget første gang", 3)
    short = answer["answer"]
    assert short["passage"] == answer["results"][0]["id"]
    assert "{stat:" not in short["text"] and short["text"]
    assert set(short["statistics"]) <= set(Statistic.objects.values_list("slug", flat=True))


@pytest.mark.django_db
def test_a_figure_question_names_the_figure_as_its_record_shows_it():
    answer = ask("hvor mange 16-30 åringer brukte kokain siste år", 3)
    short = answer["answer"]
    assert short and short["statistics"]
    from rusfakta.statistics.formatting import format_statistic

    stat = Statistic.objects.get(slug=short["statistics"][0])
    assert format_statistic(stat, "nb") in short["text"]


@pytest.mark.django_db
def test_no_short_answer_when_the_booklet_does_not_answer():
    answer = ask("hva er straffen for kokain", 3)
    assert answer["covered"] is False and answer["answer"] is None


@pytest.mark.django_db
def test_the_page_and_the_command_give_the_short_answer_first(pages, capsys):
    html = pages.get("/spor/?q=hva+er+crack").content.decode()
    assert html.index("Kort svar") < html.index("Dette sier heftet")
    call_command("ask", "hva er crack")
    out = capsys.readouterr().out
    assert out.startswith("Kort svar: ")


def _pack_copy(tmp_path):
    root = tmp_path / "kokain"
    shutil.copytree(settings.CONTENT_PACK_DIR, root)
    return root


def test_every_passage_has_a_short_answer_in_the_pack(tmp_path):
    root = _pack_copy(tmp_path)
    path = root / "answers.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: intro-de-fleste")
    end = text.index("- id:", start + 1)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    problems = [str(p) for p in read_pack(root).problems]
    assert any("passage 'intro-de-fleste' has no short answer" in p for p in problems), problems


def test_a_short_answer_may_only_use_its_passages_figures_and_two_sentences(tmp_path):
    root = _pack_copy(tmp_path)
    path = root / "answers.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "- id: intro-de-fleste\n  text: "
    assert marker in text
    path.write_text(
        text.replace(marker, marker + "Hele {stat:fhi-16-30-siste-ar-2024} sier det. Én til. Og én til. "),
        encoding="utf-8",
    )
    problems = " ".join(str(p) for p in read_pack(root).problems)
    assert "uses figures its passage doesn't" in problems
    assert "more than two sentences" in problems

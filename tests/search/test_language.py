"""Real Norwegian words are never "corrected", and nynorsk questions are asked as bokmål."""

import pytest

from rusfakta.search.language import is_real_word, lexicon, nynorsk_map, to_bokmal
from rusfakta.search.service import ask


@pytest.mark.parametrize("word", ["venninne", "fortalte", "sjokkert", "spores", "ikkje", "korleis"])
def test_real_bokmal_and_nynorsk_words_are_in_the_lexicon(word):
    assert is_real_word(word)


@pytest.mark.parametrize("word", ["kokian", "hjertre", "provd", "avlopsvann", "zzkx"])
def test_typos_and_words_typed_without_ae_oe_aa_are_not(word):
    assert not is_real_word(word)


def test_the_lexicon_is_large_and_the_map_is_ours():
    assert len(lexicon()) > 50_000
    assert nynorsk_map()["kva"] == "hva" and nynorsk_map()["ikkje"] == "ikke"
    assert "kroppen" not in nynorsk_map() and "fest" not in nynorsk_map()  # bokmål words stay


def test_nynorsk_function_words_become_bokmal():
    assert (
        to_bokmal("kva skjer viss ein blandar kokain".split()) == "hva skjer hvis en blander kokain".split()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "question",
    ["venninna mi fortalte at hun ble sjokkert", "kan kokain spores i blodet", "min venninne bruker koks"],
)
def test_a_question_with_real_words_we_never_use_is_not_corrected(question):
    assert ask(question)["corrected"] is None


@pytest.mark.django_db
def test_a_typo_is_still_corrected():
    assert ask("er kokian farlig")["corrected"] == "er kokain farlig"


@pytest.mark.django_db
def test_a_nynorsk_question_finds_what_its_bokmal_twin_finds():
    nynorsk = [r["id"] for r in ask("kva skjer viss ein blandar kokain og alkohol", 3)["results"]]
    bokmal = [r["id"] for r in ask("hva skjer hvis en blander kokain og alkohol", 3)["results"]]
    assert nynorsk == bokmal and nynorsk
    assert ask("kva skjer viss ein blandar kokain og alkohol")["corrected"] is None

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
    # The country, which Apertium knows only as the name "Noreg".
    assert to_bokmal("kor mange i noreg".split()) == "hvor mange i norge".split()


def test_chat_and_dialect_function_words_become_bokmal():
    assert to_bokmal("ka e d som skjer m kroppen".split()) == "hva er det som skjer med kroppen".split()
    assert to_bokmal("æ tar itj koks pga venna".split()) == "jeg tar ikke koks på grunn av venna".split()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("chat", "bokmal"),
    [
        ("korsn får man hjelp", "hvordan får man hjelp"),  # not "kors" (Kors på halsen)
        ("koffor tar folk koks", "hvorfor tar folk koks"),  # not "kontor"
        ("ka skjer om æ blander koks og alkohol", "hva skjer om jeg blander koks og alkohol"),
    ],
)
def test_a_question_in_chat_or_dialect_finds_what_its_bokmal_twin_finds(chat, bokmal):
    asked = ask(chat, 3)
    assert asked["corrected"] is None
    assert [r["id"] for r in asked["results"]] == [r["id"] for r in ask(bokmal, 3)["results"]]


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
@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("kkos", "koks"),  # four letters: two swapped
        ("hbor", "hvor"),  # four letters: a neighbouring key, the first letter kept
        ("menr", "mener"),  # a missing letter wins over a dropped one ("mer")
        ("aldrri", "aldri"),  # an everyday word our text never uses
        ("mannge", "mange"),
    ],
)
def test_typos_of_short_and_everyday_words_are_corrected(typed, read_as):
    from rusfakta.search.service import current_index

    assert current_index()._correct(typed) == read_as


@pytest.mark.django_db
def test_a_four_letter_typo_is_not_corrected_to_a_word_with_another_first_letter():
    from rusfakta.search.service import current_index

    assert current_index()._closest("ftat", ["stat", "fått"], 1) is None


@pytest.mark.django_db
def test_a_nynorsk_question_finds_what_its_bokmal_twin_finds():
    nynorsk = [r["id"] for r in ask("kva skjer viss ein blandar kokain og alkohol", 3)["results"]]
    bokmal = [r["id"] for r in ask("hva skjer hvis en blander kokain og alkohol", 3)["results"]]
    assert nynorsk == bokmal and nynorsk
    assert ask("kva skjer viss ein blandar kokain og alkohol")["corrected"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("hvem kan jeg snakkemed", "hvem kan jeg snakke med"),  # two of our words run together
        ("hvor mange påvgs har tatt c", "hvor mange på vgs har tatt c"),
        ("kan man døav kokain", "kan man dø av kokain"),  # a short part our text uses
        ("hva er nedturenetter koks", "hva er nedturen etter koks"),  # parts as our text writes them win
    ],
)
def test_words_run_together_are_split_into_two_of_ours(typed, read_as):
    assert ask(typed, 3)["corrected"] == read_as


@pytest.mark.django_db
def test_english_words_run_together_are_split_too():
    assert (
        ask("what does cocaine do to yourbrain", 3, "en")["corrected"] == "what does cocaine do to your brain"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["rusreform", "everybody", "kjempedårlig"])
def test_a_word_is_not_split_unless_both_parts_are_ours(word):
    from rusfakta.search.service import current_index

    assert current_index()._split(word) is None


@pytest.mark.django_db
def test_a_lone_english_function_word_in_a_norwegian_question_is_searched_with_its_nordic_spelling():
    from rusfakta.search.service import current_index

    # "do" is an English function word, dropped in English questions; here it may be "dø" typed
    # without ø. It is a real word too, so it is searched beside "dø", never replaced.
    outcome = current_index().search("kan man do av kokain", 3)
    assert outcome.corrected is None and "død" in outcome.stems
    assert "død" not in current_index().search("what do you do if someone overdoses", 3).stems


@pytest.mark.django_db
def test_a_doubled_vowel_is_not_read_as_an_aa_spelling_that_no_text_uses():
    # "faarlig" is "farlig" with a letter doubled, not "fårlig".
    assert ask("er det faarlig å blande kokain og alkohol", 3)["corrected"].startswith("er det farlig")

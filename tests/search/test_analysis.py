import pytest

from rusfakta.search.analysis import build_analyzer, compound_parts, function_words
from rusfakta.search.language import nordic_spellings

VOCABULARY = [
    "kokain",
    "bruk",
    "kokainbruk",
    "overdose",
    "dødsfall",
    "blanding",
    "blandingsbruk",
    "nese",
    "vegg",
]


@pytest.fixture(scope="module")
def analyzer():
    return build_analyzer(compound_parts(VOCABULARY))


def test_compounds_are_split_against_our_own_vocabulary(analyzer):
    assert analyzer.analyze("kokainbruk") == ["kokain", "bruk"]
    assert analyzer.analyze("overdosedødsfall") == ["overdos", "dødsfall"]
    assert analyzer.analyze("Nesevegg") == ["nes", "vegg"]


def test_linking_s_compounds_are_split(analyzer):
    assert compound_parts(VOCABULARY).count("blandings") == 1
    assert analyzer.analyze("blandingsbruk") == ["blanding", "bruk"]


def test_words_are_lowercased_stemmed_and_stopwords_dropped(analyzer):
    assert analyzer.analyze("Hva er kokainen") == ["kokain"]
    assert analyzer.analyze("dødsfallene") == ["dødsfall"]


def test_kind_of_is_a_function_word_not_the_stroke(analyzer):
    # "hva slags" was stemmed to "slag", and "kan man få slag av kokain" found "hva slags behandling".
    assert analyzer.analyze("hva slags behandling") == ["behandling"]
    assert analyzer.analyze("slag") == ["slag"]


def test_typing_without_nordic_letters_is_understood():
    assert "dø" in list(nordic_spellings("doe"))
    assert "når" in list(nordic_spellings("naar"))
    assert "blør" in list(nordic_spellings("blor"))


def test_function_words_are_never_compound_parts():
    vocabulary = ["kan", "skje", "kanskje", "kokain", "bruk", "kokainbruk", "over", "dose", "overdose"]
    stopwords = function_words(vocabulary)
    assert {"kan", "over"} <= stopwords and "kokain" not in stopwords
    analyzer = build_analyzer(compound_parts(vocabulary, stopwords), stopwords=False)
    assert analyzer.analyze("kanskje") == ["kanskj"]
    assert analyzer.analyze("overdose") == ["overdos"]
    assert analyzer.analyze("kokainbruk") == ["kokain", "bruk"]
    # Without the rule, "kan" + "skje" and "over" + "dose" were split apart.
    plain = build_analyzer(compound_parts(vocabulary), stopwords=False)
    assert plain.analyze("kanskje") == ["kan", "skje"]

import pytest

from rusfakta.search.analysis import build_analyzer, compound_parts, nordic_spellings

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


def test_typing_without_nordic_letters_is_understood():
    assert "dø" in list(nordic_spellings("doe"))
    assert "når" in list(nordic_spellings("naar"))
    assert "blør" in list(nordic_spellings("blor"))

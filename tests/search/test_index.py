"""The search index on a tiny corpus, without the database: glossary weights, English questions, rerank."""

import pytest

from rusfakta.search import index as search_index
from rusfakta.search.index import EXPANSION_WEIGHT, SUBSTITUTE_WEIGHT, Document, SearchIndex


def passage(slug, heading, text, questions=""):
    return Document(
        slug=slug,
        heading=heading,
        chapter="Kapittel",
        url=f"/k/#{slug}",
        text=text,
        questions=questions,
        sources=[],
    )


DOCUMENTS = [
    passage(
        "dopamin",
        "Rusen starter i hjernen",
        "Stoffet gir mer dopamin i hjernen. Det gjør stoffet avhengighetsskapende, og man kan bli avhengig.",
        # "hekta" only in a reader question: the passages still never use it.
        "hvorfor blir man hekta; hva skjer i hjernen; how does it work",
    ),
    passage(
        "nese",
        "Skader i nesen",
        "Sniffing kan skade neseveggen over tid.",
        "hva gjør sniffing med nesa",
    ),
    passage(
        "hjelp",
        "Snakk med noen",
        "Du kan ringe og snakke med noen, og du kan være anonym.",
        "hvor kan jeg få hjelp",
    ),
]
GLOSSARY = [
    (["addictive", "hekta", "avhengig"], "avhengighet avhengighetsskapende"),
    (["nose", "nese"], "neseveggen sniffing"),
]


@pytest.fixture(scope="module")
def index():
    return SearchIndex(DOCUMENTS, GLOSSARY, [])


def test_a_word_our_text_never_uses_stands_in_full_for_its_glossary_meaning(index):
    _, _, weighted, phrase = index._terms("hekta")
    assert weighted["avhengighetsskap"] == SUBSTITUTE_WEIGHT
    assert "avhengighetsskap" in phrase  # and it counts when compared with reader questions


def test_a_word_our_text_uses_only_adds_its_glossary_meaning_lightly(index):
    _, _, weighted, phrase = index._terms("avhengig")
    assert weighted["avheng"] == 1.0
    assert weighted["avhengighetsskap"] == EXPANSION_WEIGHT
    assert "avhengighetsskap" not in phrase
    assert SUBSTITUTE_WEIGHT > EXPANSION_WEIGHT


def test_english_function_words_are_dropped_but_norwegian_ones_are_kept(index):
    _, _, weighted, _ = index._terms("why is it so addictive")
    assert not {"why", "is", "it"} & set(weighted)
    assert index.foreign_stopwords.isdisjoint({"og", "kan", "du"})
    # "kan" is a Norwegian word in our text: "can" is dropped, "kan" is not a foreign stopword.
    assert "can" in index.foreign_stopwords and "kan" not in index.foreign_stopwords
    # English reader questions ("how does it work") do not make "how" a word of our text,
    # and reader questions are compared without their English function words.
    assert "how" in index.foreign_stopwords
    assert all("how" not in alias and "it" not in alias for alias in index.alias_stems["dopamin"])


def test_an_english_question_lands_on_the_passage_through_the_glossary(index):
    assert index.search("why is cocaine so addictive", 3).hits[0][0].slug == "dopamin"
    assert index.search("what does snorting do to the nose", 3).hits[0][0].slug == "nese"


def test_the_reader_questions_break_a_tie_between_passages(index, monkeypatch):
    question = "hvor kan jeg få hjelp"
    with_bonus = index.search(question, 3).hits
    monkeypatch.setattr(search_index, "ALIAS_BONUS", 0.0)
    without_bonus = index.search(question, 3).hits
    assert with_bonus[0][0].slug == "hjelp"
    assert with_bonus[0][1] > without_bonus[0][1]

"""The search index on a tiny corpus, without the database: glossary weights, English questions, rerank."""

import pytest

from rusfakta.search import index as search_index
from rusfakta.search.index import EXPANSION_WEIGHT, SUBSTITUTE_WEIGHT, SearchIndex
from rusfakta.search.outcome import Document


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
    _, _, weighted, phrase, _ = index._terms("hekta")
    assert weighted["avhengighetsskap"] == SUBSTITUTE_WEIGHT
    assert "avhengighetsskap" in phrase  # and it counts when compared with reader questions


def test_a_word_our_text_uses_only_adds_its_glossary_meaning_lightly(index):
    _, _, weighted, phrase, _ = index._terms("avhengig")
    assert weighted["avheng"] == 1.0
    assert weighted["avhengighetsskap"] == EXPANSION_WEIGHT
    assert "avhengighetsskap" not in phrase
    assert SUBSTITUTE_WEIGHT > EXPANSION_WEIGHT


def test_english_function_words_are_dropped_but_norwegian_ones_are_kept(index):
    _, _, weighted, _, _ = index._terms("why is it so addictive")
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


def test_a_claim_about_how_many_use_is_one_token_next_to_a_word_for_using():
    from rusfakta.search.signals import quantified_use

    assert quantified_use("tar alle koks".split()) == 1
    assert quantified_use("hvor mange har ikke brukt".split()) == 1
    assert quantified_use("de fleste russ lar være".split()) == 1  # "lar" is no use word; "lar være" is
    assert quantified_use("does everybody try it".split()) == 1
    assert quantified_use("alle på byen sniffer".split()) == 1  # a word for snorting is a word for using
    assert quantified_use("bruker folk flest kokain".split()) == 1  # "folk flest": most people
    assert quantified_use("all his friends do it".split()) == 1  # "do it" is doing it
    assert quantified_use("alle kan få hjelp".split()) == 0  # a quantity with no word for using
    assert quantified_use("hva skjer hvis jeg tar det".split()) == 0
    assert quantified_use("jeg har ikke prøvd".split()) == 1  # a helping verb between
    assert (
        quantified_use("ble nesten ikke lenger brukt som medisin".split()) == 0
    )  # "no longer", not "nobody"


def test_everyone_does_it_questions_go_to_the_passage_whose_text_says_most_dont():
    documents = [
        passage("andel", "Andelen som har brukt", "Andelen som har brukt stoffet siste år er liten i 2024."),
        passage(
            "de-fleste",
            "De fleste lar være",
            "Det er lett å tro at alle gjør det, men de fleste bruker ikke stoffet.",
        ),
        passage("nese", "Skader i nesen", "Sniffing kan skade neseveggen over tid."),
    ]
    engine = SearchIndex(documents, [], [])
    assert engine.intent["de-fleste"] > 0 and engine.intent["andel"] == engine.intent["nese"] == 0
    for question in ("bruker alle stoffet", "hvor mange har ikke brukt stoffet"):
        assert engine.search(question).hits[0][0].slug == "de-fleste", question
    # Without the claim, the figure passage answers as before.
    assert engine.search("andel som har brukt stoffet").hits[0][0].slug == "andel"


def test_a_real_word_we_never_use_is_searched_beside_the_word_of_ours_it_may_be_a_typo_for():
    documents = [
        passage("gravid", "Gravid", "Kokain kan skade fosteret når du er gravid."),
        passage("hjerte", "Hjertet", "Kokain kan skade hjertet."),
    ]
    engine = SearchIndex(documents, [], [])
    outcome = engine.search("kokain når man er gravd")
    assert outcome.corrected is None  # "gravd" is a real word: never corrected
    assert outcome.hits[0][0].slug == "gravid"
    assert engine._near_reading("gravd") == "gravid"
    assert engine._near_reading("hjertet") is None  # our own word


def test_words_written_apart_that_we_write_as_one_are_searched_joined():
    documents = [
        passage("overdose", "Overdose", "En overdose kan stoppe hjertet."),
        passage("dose", "Dose", "Over tid tåler kroppen en større dose."),
        passage("nese", "Nesen", "Sniffing skader neseveggen."),
    ]
    engine = SearchIndex(documents, [], [])
    _, _, weighted, _, _ = engine._terms("over dose")
    assert weighted["overdos"] == 1.0
    assert engine.search("over dose").hits[0][0].slug == "overdose"


@pytest.mark.django_db
def test_a_passage_heading_counts_for_its_claim_about_how_many_use():
    from rusfakta.search.service import current_index

    intent = current_index().intent
    # "De fleste bruker ikke kokain": the heading says it, and so does the text.
    assert intent["intro-de-fleste"] > intent["opinion-grunner"]


def test_common_and_normal_are_words_for_use_beside_a_quantity():
    from rusfakta.search.signals import quantified_use

    assert quantified_use("er kokain vanlig blant alle unge".split()) == 1
    assert quantified_use("hvor vanlig er kokain".split()) == 0


def test_whole_class_and_half_are_claims_about_how_many_in_a_question_only():
    from rusfakta.search.signals import quantified_use

    assert quantified_use("føles som hele klassen har prøvd kokain".split(), question=True)
    assert quantified_use("halvparten har tatt kokain".split(), question=True)
    assert not quantified_use("hele verden bruker mer kokain".split())  # a passage's "hele" says other things


# The passages that give the non-use figures or say that most don't (issue 18's central questions).
MOST_DO_NOT = {
    "intro-de-fleste",
    "mener-ikke-alle",
    "russ-de-fleste-lar-vaere",
    "utbr-marginalt",
    "ungdata-2024-tall",
    "ungdata-figur-2",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lang, question",
    [
        ("nb", "alle tar koks?"),
        ("nb", "er det vanlig på vgs"),
        ("nb", "har de fleste prøvd"),
        ("nb", "hvor mange har ikke brukt"),
        ("nb", "bruker alle kokain nå om dagen"),
        ("nb", "hvor mange unge har IKKE brukt kokain"),
        ("nn", "tek alle kokain no"),
        ("en", "is everyone doing coke these days"),
    ],
)
def test_the_central_questions_land_on_what_says_most_do_not(lang, question):
    from rusfakta.search.service import ask

    assert ask(question, 3, lang)["results"][0]["id"] in MOST_DO_NOT


@pytest.mark.django_db
def test_filler_words_are_not_searched_for_unless_they_are_all_there_is():
    from rusfakta.search.service import current_index

    index = current_index()
    assert "egent" not in index.search("er kokain egentlig farlig", 3).stems  # "egentlig": a filler
    assert index.search("er kokain egentlig farlig", 3).stems == index.search("er kokain farlig", 3).stems
    assert index.search("egentlig", 3).stems  # a question of fillers only is still searched

"""`covered` says whether the booklet answers a question at all, and a not_covered notice says so plainly."""

import pytest

from rusfakta.search import coverage
from rusfakta.search.service import ask

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "question",
    [
        "kan man dø av kokain",
        "hva er crack",
        "bruker alle kokain",
        "koks og mdma samme greia",
        "rosa kokain farlig",
    ],
)
def test_questions_the_booklet_answers_are_covered(question):
    answer = ask(question, 3)
    assert answer["covered"] is True and answer["notice"] is None


@pytest.mark.parametrize(
    "question",
    [
        "hvor lenge kan kokain spores i urin",  # testing: a topic the booklet never covers
        "hva er straffen for kokain",  # penalties
        "hva med mdma",  # another drug, without cocaine
        "can i drive the day after",  # English
        "kor mykje kostar kokain",  # nynorsk, prices
        # Session 9: duties, work, the law abroad, being caught, queues, films and songs.
        "har læreren plikt til å si fra om kokain",
        "kan sjefen gi meg sparken for kokain",
        "er kokain lovlig i portugal",
        "what happens if i get caught with coke",
        "hvor lang ventetid er det på behandling for kokain",
        "hvilke sanger handler om kokain",
        "hva gjør jeg hvis politiet stopper meg på byen",  # the nightlife, but what the police may do
    ],
)
def test_questions_it_does_not_answer_say_so_and_point_to_anonymous_help(question):
    answer = ask(question, 3)
    assert answer["covered"] is False
    assert answer["notice"]["kind"] == "not_covered"
    assert "RUSinfo" in answer["notice"]["text"] and "915 08 588" in answer["notice"]["text"]


def test_an_emergency_notice_is_never_replaced_by_not_covered():
    answer = ask("vennen min puster ikke etter mdma", 3)
    assert answer["notice"]["kind"] == "emergency"


def test_a_question_asking_for_a_dose_keeps_its_out_of_scope_notice():
    answer = ask("hvor mye skal jeg ta av mdma", 3)
    assert answer["notice"]["kind"] == "out_of_scope"


def test_the_api_returns_covered_and_the_notice(client):
    body = client.get("/api/v1/search", {"q": "hva er straffen for kokain"}).json()
    assert body["covered"] is False and body["notice"]["kind"] == "not_covered"


def test_the_page_says_the_passages_are_only_the_nearest_when_not_covered(pages):
    html = pages.get("/spor/?q=hva+er+straffen+for+kokain").content.decode()
    assert "Det nærmeste heftet kommer" in html and "Dette sier heftet" not in html
    assert "RUSinfo" in html
    covered = pages.get("/spor/?q=hva+er+crack").content.decode()
    assert "Dette sier heftet" in covered and "Det nærmeste heftet kommer" not in covered


@pytest.mark.parametrize(
    "question",
    [
        "hva hjelper mot hodepine",  # a real word the booklet never uses carries the question
        "hvor kan jeg parkere ved sykehuset",
        "hvordan blir jeg kvitt kviser",
    ],
)
def test_a_question_carried_by_words_the_booklet_never_uses_is_not_covered(question):
    answer = ask(question, 3)
    assert answer["covered"] is False and answer["notice"]["kind"] == "not_covered"


def test_one_unknown_everyday_word_in_an_answerable_question_keeps_it_covered():
    # "sliter" is a real word our passages never use; the rest of the question is ours.
    answer = ask("kan fastlegen hjelpe meg hvis jeg sliter med rus", 3)
    assert answer["covered"] is True


def test_the_unknown_share_counts_real_words_we_never_use():
    from rusfakta.search.service import current_index

    assert current_index().search("hva hjelper mot hodepine").unknown_share == pytest.approx(0.5)
    assert current_index().search("kan man dø av kokain").unknown_share == 0.0


def test_everyday_words_we_never_use_do_not_make_a_question_uncovered():
    from rusfakta.search.language import is_everyday_word
    from rusfakta.search.service import current_index

    assert is_everyday_word("aldri") and not is_everyday_word("hodepine")
    # "aldri" is a real word our text doesn't use, but an everyday one: it says nothing about the topic.
    assert current_index().search("har du aldri prøvd kokain").unknown_share == 0.0


def test_a_long_answerable_question_is_held_to_a_lower_threshold():
    from rusfakta.search.service import current_index

    question = (
        "jeg lurer på hvorfor man alltid vil ha mer når man har tatt kokain, "
        "og hvorfor rusen forsvinner så fort etter at man har tatt det"
    )
    outcome = current_index().search(question, 3)
    assert outcome.content_words >= coverage.LONG_QUESTION
    assert coverage.COVERED_SCORE_LONG <= outcome.hits[0][1] < coverage.COVERED_SCORE
    assert outcome.covered is True


@pytest.mark.parametrize(
    "question",
    [
        "hvordan lager man pizza",  # only everyday words we also happen to use ("lager")
        "hvordan sier jeg opp jobben",
        "kva er det beste treningsprogrammet for å bli sterk",
    ],
)
def test_a_question_with_nothing_about_the_booklets_topic_is_not_covered(question):
    from rusfakta.search.service import current_index

    outcome = current_index().search(question, 3)
    assert outcome.covered is False and outcome.notice["kind"] == "not_covered"


@pytest.mark.parametrize(
    "question",
    [
        "hva er fribase",  # a word of ours that is no everyday word
        "blir man hekta",  # a glossary word whose meaning is one ("avhengighetsskapende")
        "har de fleste prøvd",  # a claim about how many use
        "hva skjer om man tar en stripe og drikker øl",  # slang for cocaine, from the glossary
    ],
)
def test_questions_on_the_booklets_topic_without_naming_cocaine_are_on_topic(question):
    from rusfakta.search.service import current_index

    outcome = current_index().search(question, 3)
    assert outcome.covered is True


def test_topic_terms_are_the_scopes_drug_words_and_the_glossary_terms_meaning_one():
    from rusfakta.search.service import current_index

    terms = current_index().topic_terms
    assert {"kokain", "narkotika", "koks", "snø", "tusi"} <= terms
    assert "drikke" not in terms and "sove" not in terms


@pytest.mark.parametrize(
    "question",
    [
        "hvor mye alkohol tåler man før man blir full",
        "hva er symptomer på angst",
        "how long does a hangover last",
    ],
)
def test_subjects_the_booklet_covers_only_with_cocaine_are_not_covered_alone(question):
    assert ask(question, 3)["covered"] is False


@pytest.mark.parametrize(
    "question", ["c og alkohol på vors", "kan kokain gi angst", "stripe og drikking samtidig"]
)
def test_the_same_subjects_with_cocaine_named_in_any_word_are_covered(question):
    assert ask(question, 3)["covered"] is True


@pytest.mark.parametrize(
    "question, covered",
    [
        ("kjøre koks i mange år hva skjer med hodet", True),  # slang: using, not driving
        ("kjører på kokain hele helga", True),
        ("kan jeg kjøre bil etter koks", False),  # driving, which the booklet never covers
        ("kan man kjøre etter å ha tatt kokain", False),
        ("har du testa kokain noen gang", True),  # tried, not a drug test
        ("kan man teste kokainen for fentanyl", False),  # drug checking, which it never covers
    ],
)
def test_slang_for_using_is_no_driving_or_drug_test(question, covered):
    assert ask(question, 3)["covered"] is covered


@pytest.mark.parametrize(
    "question",
    ["hvor lenge er kokain i kroppen", "kor lenge er koks i blodet", "slår kokain ut på testen i militæret"],
)
def test_a_gapped_phrase_finds_a_not_covered_topic_with_a_few_words_between(question):
    assert ask(question, 3)["covered"] is False


def test_a_gap_stands_for_at_most_three_words():
    from rusfakta.search.outcome import phrase_in

    assert phrase_in("hvor lenge er … i kroppen", " hvor lenge er det i kroppen min ")
    assert not phrase_in("hvor lenge er … i kroppen", " hvor lenge varer rusen i kroppen ")
    assert not phrase_in("hvor lenge er … i kroppen", " hvor lenge er a b c d i kroppen ")


@pytest.mark.parametrize(
    "lang, question",
    [
        # "vits" shares a stem with "vite", a word of ours, but says nothing of ours
        ("nb", "fortell en vits"),
        ("nb", "hva blir været i Bergen i helga"),  # "helg" is ours, but no more ours than anyone's
        ("en", "how do i stop procrastinating before exams"),
        ("en", "how do i tell my crush i like them"),
    ],
)
def test_words_we_use_no_more_than_anyone_does_not_put_a_question_on_topic(lang, question):
    from rusfakta.search.analysis import words
    from rusfakta.search.service import current_index

    index = current_index(lang)
    reading = coverage.read(index, words(question), f" {question} ", [], False)
    assert reading.on_topic is False
    outcome = index.search(question, 3)
    # Off the topic, only a clearly better score is covered ("fortell" matches a reader question well).
    assert outcome.covered is (outcome.hits[0][1] >= coverage.OFF_TOPIC_SCORE)
    if not outcome.covered:
        assert outcome.notice["kind"] == "not_covered"


def test_off_topic_questions_with_a_middling_score_are_not_covered():
    assert not ask("hva blir været i Bergen i helga", 3)["covered"]
    assert not ask("whats the weather like in oslo tmrw", 3, "en")["covered"]


def test_topicality_compares_our_use_of_a_word_with_the_languages():
    from rusfakta.search.service import current_index

    index = current_index()
    assert index.is_topical("kokain") and index.is_topical("overdose") and index.is_topical("russ")
    assert not index.is_topical("helga") and not index.is_topical("vits") and not index.is_topical("politiet")
    assert index.topicality["kokain"] > coverage.TOPICAL + 2 > index.topicality["helg"] + 2


@pytest.mark.parametrize(
    "lang, question",
    [("nb", "kompisen puster ikke"), ("en", "my friend is not breathing")],
)
def test_an_emergency_question_keeps_its_answers_whatever_its_words(lang, question):
    from rusfakta.search.service import current_index

    outcome = current_index(lang).search(question, 3)
    assert outcome.notice["kind"] == "emergency" and outcome.covered and outcome.hits


def test_the_general_frequencies_cover_our_words_and_come_from_wordfreq():
    from rusfakta.search.language import general_zipf

    nb, en = general_zipf("nb"), general_zipf("en")
    assert len(nb) > 3000 and len(en) > 1500
    assert nb["kokain"] < nb["hjelp"] < 7 and en["cocaine"] < en["help"] < 7


def test_names_of_places_are_not_what_a_question_is_about():
    from rusfakta.search.service import current_index

    nb, en = current_index("nb"), current_index("en")
    assert not nb.is_topical("oslo") and not nb.is_topical("colombia") and not en.is_topical("norway")
    assert nb.is_topical("kokain") and en.is_topical("cocaine")
    assert not ask("can customs in norway go through my phone", 3, "en")["covered"]


@pytest.mark.parametrize(
    "lang, question",
    [
        ("nb", "hva er levamisol i kokain, og hvorfor kan det gi sår på huden"),
        ("en", "does cocaine interact with adhd medication such as methylphenidate"),
    ],
)
def test_the_word_for_cocaine_does_not_hide_that_the_rest_is_words_we_never_use(lang, question):
    """Nearly every question here names cocaine; the share of words we never use is of the rest."""
    from rusfakta.search.service import current_index

    outcome = current_index(lang).search(question, 3)
    assert not outcome.covered and outcome.unknown_share > coverage.UNKNOWN_SHARE
    # Counted among all its content words, the one word for cocaine included, it would pass.
    share_of_all = outcome.unknown_share * (outcome.content_words - 1) / outcome.content_words
    assert share_of_all <= coverage.UNKNOWN_SHARE


@pytest.mark.parametrize(
    "question, lang",
    [
        ("hvordan bytter jeg fastlege", "nb"),  # "bytte fastlege", another form of each word
        ("ringe legevakta etter koks", "nb"),  # "legevakt" in the definite feminine
        ("kva nummer ringjer eg til legevakta", "nn"),
    ],
)
def test_other_forms_of_a_topic_the_booklet_never_covers_are_not_covered(question, lang):
    assert ask(question, 3, lang)["covered"] is False


def test_a_topic_word_whose_stem_is_ours_is_matched_only_as_written():
    from rusfakta.search.service import current_index

    index = current_index()
    # "teste" is a topic word (drug tests), but its stem is that of "testa" (tried): no stem match.
    assert " test " not in index.scope_stems
    assert ask("jeg har testa kokain en gang er det farlig", 3)["covered"] is True
    assert coverage.names_a_form(index.analyzer, " bytter jeg fastlege ", index.scope_stems)

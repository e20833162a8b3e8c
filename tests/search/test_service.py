import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rusfakta.search.service import BadQuestion, ask


@pytest.fixture(autouse=True)
def _db(db):
    pass


def top(question, n=3):
    return [r["id"] for r in ask(question, n)["results"]]


@pytest.mark.parametrize(
    "question, passage",
    [
        ("kan man dø av kokain?", "dodelighet-hjerte"),
        ("kokain og alkohool", "blanding-giftigere"),
        ("hva er tusi", "former-rosa"),
        ("how many young norwegians use cocaine", "norge-fhi-16-30"),
        ("skader i nesa av sniffing", "langtid-nese"),
        ("kokain når man er gravid", "graviditet-fosteret"),
    ],
)
def test_real_questions_land_on_the_passage_that_answers_them(question, passage):
    assert passage in top(question)


@pytest.mark.parametrize(
    "question, passages",
    [
        # The booklet names paranoia among the psychotic symptoms, not among the side effects.
        ("paranoia etter noen linjer", {"skade-psykose"}),
        ("får man ikke sove på koks", {"virkning-kroppen"}),  # "behovet for søvn"
        # "opprømt, våken og full av energi"; or why: dopamine
        ("hvorfor blir folk så gira av koks", {"virkning-folelsen", "virkning-dopamin"}),
        # "hekta" means addictive, which the booklet says as "vanedannende" too
        ("blir man hekta på koks", {"hva-sentralstimulerende", "virkning-dopamin"}),
        ("er det ulovlig å bruke kokain", {"mener-forbudet"}),
        ("avskoging og kokain", {"prod-miljo"}),  # "skog blir hogd ned"  # "Det er forbudt å bruke narkotika"
        ("hører stemmer etter koks", {"skade-psykose"}),  # "hallusinasjoner"
        ("hva er krakk", {"former-crack"}),  # crack as Norwegians spell it
        ("blir man dum av koks", {"langtid-kognitive"}),  # "evnen til å lære, tenke … huske"
        ("flere og flere unge tar kokain", {"mener-bruken-har-okt", "norge-fhi-16-30"}),  # an increase
        ("har bruken tredoblet seg", {"ungdata-figur-2"}),  # "en tredobling"
        ("tar alle koks på byen i oslo", {"norge-uteliv"}),  # the nightlife study, not Ung i Oslo
    ],
)
def test_glossary_words_lead_to_what_the_booklet_says_first(question, passages):
    assert top(question)[0] in passages


def test_spelling_is_corrected_and_reported():
    answer = ask("kokain og alkohool", 3)
    assert answer["corrected"] == "kokain og alkohol"
    assert ask("kokain og alkohol", 3)["corrected"] is None


def test_slang_is_mapped_through_the_glossary():
    from rusfakta.search.service import current_index

    assert "kokain" in current_index().search("koks", 3).stems
    assert "skade-hjerte" in top("er koks farlig for hjertet")
    assert "former-rosa" in top("pink cocaine")


def test_results_have_the_api_shape_with_whole_passage_text_and_sources():
    answer = ask("hva er crack", 2)
    assert set(answer) == {"query", "corrected", "covered", "answer", "results", "notice"}
    result = answer["results"][0]
    assert set(result) == {"id", "title", "text", "url", "score", "sources", "pages"}
    assert result["url"].startswith("/kapittel/") and result["url"].endswith("#" + result["id"])
    assert "{stat:" not in result["text"]
    assert result["sources"] and set(result["sources"][0]) == {"id", "title"}


def test_figures_in_answers_are_rendered_as_numbers():
    answer = ask("hvor mange 16-30 år har brukt kokain siste år", 5)
    texts = " ".join(r["text"] for r in answer["results"])
    assert "5,2\u00a0%" in texts


@pytest.mark.parametrize(
    "question",
    [
        "venninna mi puster ikke etter koks",
        "han er bevisstløs",
        "brystsmerter etter kokain",
        # Asked from outside in session 8, these got no notice or "the booklet doesn't answer this":
        "vennen min har overdosert",
        "min venn tok en overdose",
        "kompisen min er helt borte og vil ikke våkne",
        "hun har blå lepper",
        "han puster rart etter koks",
        "han reagerer ikke",
        "ring ambulanse",
        "my friend od'd",
        "my heart is racing and my chest hurts",
        "venen min har teke kokain og no pustar han nesten ikkje",  # "puster … ikke": a gap of a few words
        "chest really hurts after a few lines",
    ],
)
def test_emergency_questions_get_the_emergency_notice_and_results(question):
    answer = ask(question, 3)
    assert answer["notice"]["kind"] == "emergency"
    assert "113" in answer["notice"]["text"]
    assert answer["results"]


@pytest.mark.parametrize(
    "question",
    [
        "hvor kan jeg kjøpe kokain",
        "hvor mye skal jeg ta",
        "hvilket stoff er best",
        "trygt å blande koks og alkohol",
        "hvor mye kan man ta før det blir farlig",  # a dose asked for without "jeg"
        "hvor mange striper tåler man",
        "how many lines is safe",  # read by the English index, which has the same phrases
        "hvor får jeg tak i koks i oslo",
        "where do people get coke",
        "which is safer cocaine or mdma",  # choosing: no drug is ranked as safer
        "er kokain tryggere enn alkohol",
        "is it safe to try cocaine once",
        "hvor lenge bør man vente mellom hver line",  # how often: a dose too
        "hva bruker folk til å strekke koksen med",
        "coke or speed, which is less dangerous",
        "hvor er det lett å få tak i koks i oslo",  # where, not how easy
        "hvor er det lettest å få tak i kokain",
    ],
)
def test_obtain_dose_or_choose_questions_get_the_out_of_scope_notice(question):
    answer = ask(question, 3)
    assert answer["notice"]["kind"] == "out_of_scope"
    assert answer["answer"] is None  # no "Kort svar" under "we don't answer that"
    assert "trygg" in answer["notice"]["text"]


@pytest.mark.parametrize(
    "question, passage",
    [
        ("paranoia etter noen linjer", "skade-psykose"),  # a line of cocaine, in the glossary (pack)
        ("blir man avhengig av en line", "hva-sentralstimulerende"),
    ],
)
def test_a_line_is_read_as_cocaine(question, passage):
    answer = ask(question, 3)
    assert answer["covered"]
    assert answer["results"][0]["id"] == passage


@pytest.mark.parametrize(
    "question, lang",
    [
        ("where can i get help", "nb"),
        ("where do i get help for my friend", "en"),
        ("hvor kan jeg få tak i hjelp", "nb"),
        ("hvordan får jeg tak i noen å snakke med", "nb"),
        ("hvordan skaffe hjelp", "nb"),
        ("kvar kan eg få tak i hjelp", "nn"),
    ],
)
def test_asking_where_to_get_help_is_never_refused(question, lang):
    """ "Get" and "få tak i" ask for drugs in the out-of-scope list; with a word for help (its `unless`)
    they ask for help, which the booklet answers: no refusal, covered, a help passage first."""
    answer = ask(question, 3, lang)
    assert answer["notice"] is None
    assert answer["covered"]
    assert answer["results"][0]["id"].startswith("hjelp-")


@pytest.mark.parametrize(
    "question",
    [
        "æ klare itj å slutte, kem kan æ ringe",  # dialect, and "who can I call" in the glossary (pack)
        "trenger noen å prate med, klarer ikke slutte med kola",
        # A plea said beside much else, or with no word the booklet's help passages use (session 9).
        "trenger noen å snakke med, har tatt altfor mye snø i det siste og føler meg helt tom",
        "need someone to talk to, i do lines every weekend and hate it",
    ],
)
def test_someone_who_cannot_stop_finds_help_first(question):
    answer = ask(question, 3)
    assert answer["covered"]
    assert answer["results"][0]["id"].startswith(("hjelp-", "behandling-"))


def test_a_plea_for_help_is_covered_and_finds_help_among_the_first():
    # "sprukket" (relapsed) also finds what makes cocaine addictive; a help passage is second.
    answer = ask("er det nån som kan hjelpe mæ, har sprukket igjen", 3)
    assert answer["covered"]
    assert any(r["id"].startswith(("hjelp-", "behandling-")) for r in answer["results"][:2])


def test_getting_cocaine_out_of_the_body_is_not_covered_and_not_refused():
    answer = ask("how do i get coke out of my system", 3)
    assert not answer["covered"]
    assert answer["notice"]["kind"] == "not_covered"


@pytest.mark.parametrize(
    "question",
    [
        "hvorfor vil folk ta en stripe til hele tida",  # why, not how much: no refusal
        "hva er den beste måten å slutte å røyke på",
        "kjøper folk kokain på snap",
        "what is the best way to study for exams",
    ],
)
def test_questions_that_only_sound_like_a_request_are_not_refused(question):
    assert (ask(question, 3)["notice"] or {}).get("kind") != "out_of_scope"


@pytest.mark.parametrize(
    "question",
    [
        "er det lett å få tak i kokain i norge",
        "hvor lett er det å få tak i kokain",  # "hvor lett": how easy
        "synes unge det er vanskelig å få tak i kokain",
        "is it easy to get coke in norway",
        "hvor mange unge har fått tilbud om å kjøpe kokain",
    ],
)
def test_how_easy_it_is_to_get_cocaine_is_a_figure_not_a_request(question):
    """ESPAD and Ungdata ask how easy it is to get: the booklet's figures, not help to get any."""
    answer = ask(question, 3)
    assert answer["notice"] is None
    assert answer["covered"]
    found = {r["id"] for r in answer["results"]}
    assert found & {"espad-tilgang", "utbr-tilgang", "kjop-mange-har-fatt-tilbud"}


@pytest.mark.parametrize(
    "question",
    [
        "bestevennen min svarer ikke på snap lenger hva gjør jeg",
        "hun svarer ikke på meldingene mine etter festen",
        "my friend doesnt answer my texts anymore",
    ],
)
def test_not_answering_messages_is_no_emergency(question):
    assert (ask(question, 3)["notice"] or {}).get("kind") != "emergency"


@pytest.mark.parametrize("question", ["kompisen svarer ikke", "min venn svarer ikke etter koks"])
def test_someone_not_answering_gets_the_emergency_and_no_passage_about_friends_or_surveys(question):
    """The word "svarer" found the survey passages (Ungdata: pupils answer), "venn" who offers cocaine."""
    answer = ask(question, 3)
    assert answer["notice"]["kind"] == "emergency"
    assert answer["results"][0]["id"] not in {"ungdata-om", "espad-om", "kjop-hvem-tilbyr"}


@pytest.mark.parametrize(
    "question", ["han vil ikke har", "hvorfor ikke kan", "ikke get … many chest ikke kan"]
)
def test_a_question_ending_in_a_negation_and_a_helping_verb_is_answered(question):
    """It raised a TypeError (a 500) until session 8: the claim-about-use signal read past the end."""
    assert ask(question, 3)["results"] is not None


def test_ordinary_questions_get_no_notice():
    assert ask("hva er kokain", 3)["notice"] is None


@pytest.mark.parametrize(
    "question, limit", [("", 5), ("   ", 5), ("x" * 301, 5), ("kokain", 0), ("kokain", 21)]
)
def test_bad_input_is_refused_with_a_reason(question, limit):
    with pytest.raises(BadQuestion):
        ask(question, limit)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_any_text_gives_an_answer_or_a_clear_refusal(question):
    answer = ask(question, 5)
    assert isinstance(answer["results"], list)
    assert len(answer["results"]) <= 5

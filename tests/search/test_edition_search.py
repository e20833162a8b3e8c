"""Search per edition (#19): nb and nn through the Norwegian analyzer (nynorsk read as bokmål), en through
tantivy's English stemmer, each against its own edition's passages, headings and reader questions."""

import json

import pytest
from django.core.management import call_command

from rusfakta.search.service import ask, current_index
from rusfakta.serving.searchfront import well_formed


@pytest.fixture(autouse=True)
def _db(db):
    pass


def top(question, lang, n=3):
    return [r["id"] for r in ask(question, n, lang)["results"]]


@pytest.mark.parametrize(
    "lang, question, passage",
    [
        ("nn", "kva skjer viss eg blandar kokain og alkohol", "blanding-giftigere"),
        ("nn", "kva er tusi", "former-rosa"),
        ("nn", "kvar kan eg få hjelp viss faren min ruser seg", "hjelp-alarmtelefonen"),
        ("nn", "kven tilbyr unge kokain", "kjop-hvem-tilbyr"),
        ("en", "what is cocaine made from", "hva-sentralstimulerende"),
        ("en", "is pink cocaine dangerous", "former-rosa-fare"),
        ("en", "my nose keeps bleeding after snorting", "langtid-nese"),
        ("en", "is there medicine for cocaine addiction", "behandling-medisiner"),
        ("en", "is cocaine environmentally harmful", "prod-miljo"),
    ],
)
def test_questions_in_an_editions_language_land_on_its_passage(lang, question, passage):
    assert passage in top(question, lang)


def test_a_four_letter_english_typo_is_corrected_and_a_real_word_is_not():
    en = current_index("en")
    assert en._correct("crak") == "crack"
    assert en._correct("hart") == "hart"  # a real English word, however likely "heart"


def test_each_edition_has_its_own_index_with_its_own_analyzer():
    nb, nn, en = (current_index(lang) for lang in ("nb", "nn", "en"))
    assert len({id(nb), id(nn), id(en)}) == 3
    assert current_index("nn") is nn  # built once per content version
    assert en.analyzer.analyze("snorting drugs") == ["snort", "drug"]  # English stems, not Norwegian
    # Stemmed twice: a word and its derived form meet ("environmental" alone stems to "environment").
    assert en.analyzer.analyze("environmental") == en.analyzer.analyze("environment")
    assert en.is_known("environmental")
    # The nynorsk passages are indexed as questions are read: nynorsk forms as their bokmål words.
    assert nn.analyzer.analyze(" ".join(nn._tokens("kva skjer"))) == nb.analyzer.analyze("hva skjer")


@pytest.mark.parametrize(
    "lang, prefix", [("nb", "/kapittel/"), ("nn", "/nn/kapittel/"), ("en", "/en/kapittel/")]
)
def test_results_answer_and_notice_are_in_the_editions_language(lang, prefix):
    from rusfakta.content.models import Passage
    from rusfakta.pack.translated import translate

    answer = ask("kokain og alkohol" if lang != "en" else "cocaine and alcohol", 3, lang)
    assert answer["covered"] and answer["answer"]
    first = answer["results"][0]
    assert first["url"].startswith(prefix)
    passage = translate(Passage.objects.get(slug=first["id"]), lang)
    assert first["title"] == passage.heading
    assert answer["answer"]["passage"] == first["id"]
    words = set(answer["answer"]["text"].lower().split()) | set(first["text"].lower().split())
    if lang == "en":
        assert {"and", "the"} & words and not {"og", "ikke", "ikkje"} & words
    if lang == "nn":
        assert not {"ikke", "hva", "fra", "bare", "noen"} & words


@pytest.mark.parametrize(
    "lang, question, kind, says",
    [
        ("en", "my friend passed out after doing coke", "emergency", "Call 113"),
        ("en", "where can i buy coke", "out_of_scope", "We don't answer that"),
        ("en", "how long does cocaine stay in your urine", "not_covered", "The booklet doesn't answer this"),
        ("en", "what is ketamine", "not_covered", "The booklet doesn't answer this"),
        ("nn", "venen min pustar ikkje", "emergency", "Ring 113"),
        ("nn", "kvar kan eg kjøpe kokain", "out_of_scope", "Det svarer vi ikkje på"),
        ("nn", "kor mykje kan ein ta", "out_of_scope", "Det svarer vi ikkje på"),
        ("en", "how much can you take before it gets dangerous", "out_of_scope", "We don't answer that"),
        ("nn", "kva er straffa for kokain", "not_covered", "ikkje"),
        ("nb", "kompisen puster ikke", "emergency", "Ring 113"),
    ],
)
def test_notices_recognise_nynorsk_and_english_questions_and_speak_their_language(lang, question, kind, says):
    notice = ask(question, 3, lang)["notice"]
    assert notice and notice["kind"] == kind
    assert says in notice["text"]


def test_english_questions_about_cocaine_with_other_drugs_stay_covered():
    assert ask("is mdma worse than cocaine", 3, "en")["covered"]
    assert not ask("is weed dangerous", 3, "en")["covered"]


def test_english_spelling_leaves_real_english_words_alone_and_fixes_typos():
    assert ask("cocaine and alcohol", 3, "en")["corrected"] is None
    assert ask("cocaine and alchohol", 3, "en")["corrected"] == "cocaine and alcohol"
    assert ask("my girlfriend was shocked", 3, "en")["corrected"] is None  # real words we never use


def test_search_api_takes_nn_and_says_its_language(client):
    response = client.get("/api/v1/search", {"q": "kva er tusi", "lang": "nn"})
    assert response.status_code == 200 and response["Content-Language"] == "nn"
    body = response.json()
    assert body["results"][0]["url"].startswith("/nn/")
    english = client.get("/api/v1/search", {"q": "what is tusi", "lang": "en"})
    assert english["Content-Language"] == "en" and english.json()["results"][0]["url"].startswith("/en/")


def test_fast_path_accepts_every_edition():
    assert well_formed("q=kva+er+tusi&lang=nn") == ("kva er tusi", 5, "nn")
    assert well_formed("q=x&lang=en&limit=3") == ("x", 3, "en")
    assert well_formed("q=x&lang=sv") is None


@pytest.mark.parametrize(
    "url, question, found",
    [
        ("/nn/spor/", "kva er tusi", "/nn/kapittel/former/"),
        ("/en/spor/", "what is tusi", "/en/kapittel/former/"),
    ],
)
def test_the_ask_page_of_each_edition_searches_that_edition(pages, url, question, found):
    html = pages.get(f"{url}?q={question.replace(' ', '+')}").content.decode()
    assert f'href="{found}' in html


def test_ask_command_takes_lang(capsys):
    call_command("ask", "what is pink cocaine", "--lang", "en", "--limit", "1")
    out = capsys.readouterr().out
    assert "Short answer:" in out and "/en/kapittel/" in out
    call_command("ask", "kva er rosa kokain", "--lang", "nn", "--limit", "1", "--json")
    assert json.loads(capsys.readouterr().out)["results"][0]["url"].startswith("/nn/")


@pytest.mark.parametrize(
    "url, example, question, other",
    [
        ("/nn/spor/", "kva er rosa kokain", "kvar+får+eg+hjelp", "når+vart+kokain+forbode"),
        ("/en/spor/", "what is pink cocaine", "where+can+i+get+help", "when+was+cocaine+banned"),
    ],
)
def test_the_ask_page_gives_examples_and_help_in_the_editions_language(
    pages, monkeypatch, url, example, question, other
):
    from datetime import datetime

    from rusfakta.helpservices import hours

    # A Wednesday noon, when RUSinfo's phone is open: the card lists the services open now.
    monkeypatch.setattr(hours, "now", lambda: datetime(2026, 12, 2, 12, 0, tzinfo=hours.OSLO))
    assert example in pages.get(url).content.decode()
    assert (
        'class="phone" href="tel:' in pages.get(f"{url}?q={question}").content.decode()
    )  # the help services follow
    assert 'class="phone" href="tel:' not in pages.get(f"{url}?q={other}").content.decode()


@pytest.mark.parametrize(
    "question, written",
    [
        ("how long does a high last", "en"),
        ("is coke dangerous with alcohol", "en"),
        ("hvor lenge varer en rus av koks", "no"),
        ("kva skjer viss eg blandar kokain og alkohol", "no"),
        ("hva er pink coke", None),  # Norwegian with an English term: not clearly either
        ("kan man doe av rosa kokain", None),  # "doe" and "rosa" are English words too
        ("kokain", None),
        ("ma man ga pa do", None),  # "må man gå på do" typed without å: "ma", "ga", "pa" are not English here
    ],
)
def test_a_questions_language_is_named_only_when_clear(question, written):
    from rusfakta.search.analysis import words
    from rusfakta.search.language import written_in

    assert written_in(words(question)) == written


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_english_question_on_a_norwegian_edition_is_read_in_english_and_shown_in_the_edition(lang):
    question = "when was cocaine first produced"
    in_english = ask(question, 3, "en")
    answer = ask(question, 3, lang)
    assert [r["id"] for r in answer["results"]] == [r["id"] for r in in_english["results"]]
    assert answer["results"][0]["id"] == "hva-sentralstimulerende"  # 1859, not the producing countries
    prefix = "/nn/kapittel/" if lang == "nn" else "/kapittel/"
    assert all(r["url"].startswith(prefix) for r in answer["results"])
    assert answer["covered"] and answer["answer"]["passage"] == "hva-sentralstimulerende"
    assert "1859" in answer["answer"]["text"] and " the " not in answer["answer"]["text"]


def test_a_notice_found_in_another_language_speaks_the_editions():
    notice = ask("my friend passed out after doing coke", 3, "nb")["notice"]
    assert notice["kind"] == "emergency" and "Ring 113" in notice["text"]
    nothing = ask("how long does cocaine stay in your urine", 3, "nb")
    assert not nothing["covered"] and nothing["notice"]["kind"] == "not_covered"
    assert "doesn't" not in nothing["notice"]["text"]


def test_a_norwegian_question_on_the_english_edition_is_read_in_bokmal():
    question = "hva skjer hvis man blander kokain og alkohol"
    answer = ask(question, 3, "en")
    assert [r["id"] for r in answer["results"]] == [r["id"] for r in ask(question, 3, "nb")["results"]]
    assert answer["results"][0]["id"].startswith("blanding-")
    assert answer["results"][0]["url"].startswith("/en/kapittel/")
    assert answer["covered"]


def test_the_ask_page_marks_no_words_of_an_answer_found_in_another_language(pages):
    html = pages.get("/spor/?q=when+was+cocaine+first+produced").content.decode()
    assert 'href="/kapittel/hva-er-kokain/' in html and "1859" in html
    assert "<mark>" not in html


@pytest.mark.parametrize(
    "url, question, link, lang, text",
    [
        (
            "/spor/",
            "when was cocaine first produced",
            "/en/spor/?q=when%20was%20cocaine%20first%20produced",
            "en",
            "Read the",
        ),
        (
            "/nn/spor/",
            "is coke dangerous with alcohol",
            "/en/spor/?q=is%20coke%20dangerous%20with%20alcohol",
            "en",
            "Read the",
        ),
        (
            "/en/spor/",
            "hva skjer hvis man blander kokain",
            "/spor/?q=hva%20skjer%20hvis%20man%20blander%20kokain",
            "nb",
            "Les",
        ),
    ],
)
def test_a_question_in_the_other_language_links_to_its_answers_in_that_language(
    pages, url, question, link, lang, text
):
    html = pages.get(url + "?q=" + question.replace(" ", "+")).content.decode()
    start = html.index('<p class="read-in">')
    tag = html[start : html.index("</p>", start)]
    assert f'href="{link}"' in tag and f'lang="{lang}"' in tag and text in tag
    assert (
        'class="read-in"'
        not in pages.get("/spor/?q=hva%20skjer%20hvis%20man%20blander%20kokain").content.decode()
    )

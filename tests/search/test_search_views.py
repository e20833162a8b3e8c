from urllib.parse import urlencode

import pytest
from django.core.management import call_command


def test_ask_page_without_a_question_shows_examples(pages):
    html = pages.get("/spor/").content.decode()
    assert 'action="/spor/"' in html and 'method="get"' in html
    assert "Eksempler" in html


def test_ask_page_answers_with_marked_words_linked_figures_and_sources(pages):
    html = pages.get("/spor/?q=hvor+mange+16-30+år+har+brukt+kokain").content.decode()
    assert "<mark>" in html
    assert 'class="stat" href="/tall/' in html
    assert 'href="/kilder/#kilde-' in html
    assert 'href="/kapittel/' in html


def test_ask_page_shows_the_correction(pages):
    assert "Vi søkte etter:" in pages.get("/spor/?q=kokain+og+alkohool").content.decode()


def test_ask_page_shows_the_emergency_notice_first(pages):
    html = pages.get("/spor/?q=kompisen+puster+ikke").content.decode()
    assert html.index('class="notice emergency"') < html.index("Dette sier heftet")
    assert 'href="tel:113"' in html


def test_empty_question_is_a_clear_400(pages):
    html = pages.get("/spor/?q=", status=400).content.decode()
    assert "kan ikke være tomt" in html


def test_search_api_contract(client, db):
    body = client.get("/api/v1/search", {"q": "kan man dø av kokain", "limit": 3, "lang": "nb"}).json()
    assert set(body) == {"query", "corrected", "covered", "answer", "results", "notice"}
    assert body["covered"] is True and body["notice"] is None
    assert len(body["results"]) == 3


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "x" * 301},
        {"q": "kokain", "limit": 0},
        {"q": "kokain", "limit": "mange"},
        {"q": "kokain", "limit": 99},
        {"q": "kokain", "lang": "sv"},
    ],
)
def test_search_api_bad_input_is_400_in_the_error_shape(client, db, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message"}


def test_ask_command_prints_answers_and_json(db, capsys):
    call_command("ask", "kokain og alkohol", "--limit", "2")
    out = capsys.readouterr().out
    assert "1. " in out and "Kilde:" in out
    call_command("ask", "kokain og alkohol", "--json", "--limit", "1")
    assert '"results"' in capsys.readouterr().out


def test_the_question_is_never_logged(client, db, caplog):
    caplog.set_level("DEBUG")
    client.get("/api/v1/search", {"q": "hemmelig spørsmål om kokain"})
    client.get("/spor/", {"q": "hemmelig spørsmål om kokain"})
    assert "hemmelig" not in caplog.text


def test_help_services_open_now_are_shown_next_to_help_answers(pages):
    html = pages.get("/spor/?q=hvem+kan+jeg+snakke+med+om+pappa+som+ruser+seg").content.decode()
    card = html[html.index('class="help-card"') :]
    assert 'href="tel:113"' in card and 'href="/hjelp/"' in card


def _results(html):
    """(results shown at once, results behind "Vis flere")."""
    more = html.find('class="more-results"')
    first = html[: more if more != -1 else len(html)].count('class="result"')
    return first, (html[more:].count('class="result"') if more != -1 else 0)


def test_three_results_then_vis_flere_without_javascript(pages):
    html = pages.get("/spor/?q=kokain+og+alkohol").content.decode()
    assert _results(html) == (3, 5)
    assert '<details class="more-results">' in html and "Vis flere (5 til)" in html
    assert '<ol class="results" start="4">' in html
    assert html.index("Kort svar") < html.index('class="result"')  # the short answer first


@pytest.mark.parametrize(
    "question",
    [
        "kokain og alkohol",  # mixing
        "kan man dø av kokain",  # dying
        "er det farlig å ta kokain når man er gravid",  # pregnancy
        "blir man avhengig av kokain etter lang tid",  # addiction
    ],
)
def test_a_help_card_follows_the_first_answers_on_risk_topics(pages, question):
    html = pages.get("/spor/?" + urlencode({"q": question})).content.decode()
    assert 'class="help-card"' in html, question
    card_at = html.index('class="help-card"')
    card = html[card_at:]
    assert 'href="tel:113"' in card and 'href="/hjelp/"' in card
    # After the first three answers and before "Vis flere".
    assert html[:card_at].count('class="result"') == 3
    if 'class="more-results"' in html:
        assert card_at < html.index('class="more-results"')


@pytest.mark.parametrize("question", ["hva er ungdata", "når ble kokain forbudt", "hvor kommer kokain fra"])
def test_no_help_card_after_answers_that_are_not_about_a_risk(pages, question):
    assert 'class="help-card"' not in pages.get("/spor/?" + urlencode({"q": question})).content.decode()


def test_the_help_card_is_decided_by_the_chapter_of_the_best_passage():
    from types import SimpleNamespace

    from rusfakta.search.views import needs_help_card

    def answer(chapter, notice=None):
        return {"notice": notice, "results": [{"document": SimpleNamespace(chapter_slug=chapter)}]}

    assert needs_help_card(answer("dodelighet")) and needs_help_card(answer("blandingsbruk"))
    assert not needs_help_card(answer("historikk"))
    assert needs_help_card(answer("historikk", {"kind": "emergency"}))
    assert not needs_help_card(answer("historikk", {"kind": "not_covered"}))


def test_words_in_nearly_every_passage_are_not_highlighted(pages):
    html = pages.get("/spor/?q=kokain+og+alkohol").content.decode().lower()
    assert "<mark>alkohol</mark>" in html
    assert "<mark>kokain</mark>" not in html


def test_examples_are_chips_and_a_status_line_is_ready_for_javascript(pages):
    html = pages.get("/spor/").content.decode()
    assert html.count('class="chip"') == 4
    assert 'id="ask-status"' in html and 'aria-live="polite"' in html and 'data-searching="Søker …"' in html

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
    assert 'class="help-aside"' in html
    assert 'href="tel:113"' in html

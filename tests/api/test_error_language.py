"""API error messages follow the request's `lang` (nb, nn, en), bokmål without it: over HTTP, through
the whole stack (routing, validation, the views' own errors); the search service's BadQuestion on the ask page and in `rusfakta ask`."""

import pytest

CASES = [
    # (address without lang, method, status, message in nb, nn, en)
    ("/api/v1/search?limit=3", "get", 400, ("q: mangler", "q: manglar", "q: is missing")),
    (
        "/api/v1/search?q=kokain&limit=99",
        "get",
        400,
        ("limit: må være høyst 20", "limit: må vere høgst 20", "limit: must be at most 20"),
    ),
    (
        "/api/v1/services?at=i%20morgen",
        "get",
        400,
        (
            "at må være et ISO 8601-tidspunkt",
            "at må vere eit ISO 8601-tidspunkt",
            "at must be an ISO 8601 time",
        ),
    ),
    (
        "/api/v1/search?q=kokain",
        "post",
        405,
        (
            "denne adressen kan bare leses",
            "denne adressa kan berre lesast",
            "this address can only be read",
        ),
    ),
    (
        "/api/v1/nothing-here",
        "get",
        404,
        ("finnes ikke: /api/v1/nothing-here", "finst ikkje: /api/v1/nothing-here", "no such endpoint"),
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "method", "status", "messages"), CASES)
@pytest.mark.parametrize(("lang", "index"), [(None, 0), ("nb", 0), ("nn", 1), ("en", 2)])
def test_error_message_is_in_the_requested_language(client, url, method, status, messages, lang, index):
    if lang:
        url += ("&" if "?" in url else "?") + f"lang={lang}"
    response = getattr(client, method)(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"code", "message"}
    assert messages[index] in error["message"], error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "message"),
    [("nb", "ingen tall med id «nope»"), ("en", "no figure with id «nope»")],
)
def test_a_views_own_not_found_follows_lang(client, lang, message):
    response = client.get(f"/api/v1/statistics/nope?lang={lang}")
    assert response.status_code == 404
    assert response.json()["error"] == {"code": "not_found", "message": message}


@pytest.mark.django_db
def test_an_edition_the_endpoint_does_not_take_is_refused_in_that_language(client):
    """statistics takes nb or en; lang=nn is refused, and the refusal is in nynorsk."""
    response = client.get("/api/v1/statistics/nope?lang=nn")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "lang: har ikkje ein gyldig verdi"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "skriv et spørsmål (q kan ikke være tomt)"),
        ("/nn", "skriv eit spørsmål (q kan ikkje vere tomt)"),
        ("/en", "write a question (q cannot be empty)"),
    ],
)
def test_the_search_services_refusal_is_in_the_readers_language(client, prefix, message):
    """The schema refuses a blank q before the service sees it; the ask page shows the service's own."""
    response = client.get(f"{prefix}/spor/?q=%20")
    assert response.status_code == 400
    assert message.capitalize() + "." in response.content.decode()  # shown with a capital, as a sentence


def test_rusfakta_ask_refuses_in_the_edition_asked(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=r"write a question \(q cannot be empty\)"):
        call_command("ask", " ", "--lang", "en")

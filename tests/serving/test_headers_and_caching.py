import pytest
from django.test import Client
from django.urls import reverse

PUBLIC_PAGES = [
    "/",
    "/innhold/",
    "/kapittel/historikk/",
    "/kilder/",
    "/tall/",
    "/spor/?q=koks",
    "/hjelp/",
    "/personvern/",
    "/api/v1/statistics",
    "/finnes-ikke/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_response_has_the_security_headers_and_no_cookie(client, db, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert not response.cookies


def test_hsts_only_over_https(client, db):
    assert "Strict-Transport-Security" not in client.get("/")
    assert "max-age=" in client.get("/", secure=True)["Strict-Transport-Security"]


def test_pages_have_etag_and_last_modified_and_answer_304(client, db):
    first = client.get("/kilder/")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/kilder/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/kilder/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_content_change_is_visible_at_once_despite_the_page_cache(client, db):
    from rusfakta.content.models import Passage

    before = client.get("/kapittel/historikk/")
    passage = Passage.objects.filter(chapter__slug="historikk").first()
    passage.heading = "En ny overskrift"
    passage.save()
    after = client.get("/kapittel/historikk/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "En ny overskrift" in after.content.decode()


def test_pages_that_change_with_the_clock_or_hold_a_question_are_not_cached(client, db):
    assert "Last-Modified" not in client.get("/hjelp/")
    asked = client.get("/spor/?q=koks")
    assert "Last-Modified" not in asked and "no-store" in asked["Cache-Control"]


def test_pages_are_compressed(client, db):
    response = client.get("/kilder/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_search_api_is_rate_limited_per_client_in_the_error_shape(db, settings):
    from rusfakta.serving import middleware

    client = Client(REMOTE_ADDR="10.9.8.7")
    statuses = [
        client.get("/api/v1/search", {"q": "koks"}).status_code for _ in range(settings.SEARCH_RATE_BURST + 5)
    ]
    assert 429 in statuses
    limited = client.get("/api/v1/search", {"q": "koks"})
    assert limited.status_code == 429
    assert set(limited.json()["error"]) == {"code", "message"}
    assert Client(REMOTE_ADDR="10.9.8.8").get("/api/v1/search", {"q": "koks"}).status_code == 200
    assert middleware  # the bucket lives in memory only


def test_too_large_requests_are_refused(client, db):
    login = reverse("admin:login")  # the only form that is posted
    too_big = client.post(login, {"svar": "x" * 100_000})
    assert too_big.status_code == 400
    too_many = client.post(login, {f"felt{i}": "1" for i in range(300)})
    assert too_many.status_code == 400


def test_static_files_are_compressed_hashed_and_immutable(client, db):
    import re

    html = client.get("/").content.decode()
    css = re.search(r'href="(/static/rusfakta/site\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(css, HTTP_ACCEPT_ENCODING="br, gzip")
    assert response["Content-Encoding"] == "br"
    assert "immutable" in response["Cache-Control"]


def test_lost_database_gives_a_clean_503(client, db, monkeypatch, caplog):
    import logging

    from django.db import OperationalError
    from django.db.backends.base.base import BaseDatabaseWrapper

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", broken)
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", broken)
    try:
        page = client.get("/kapittel/historikk/")
        api = client.get("/api/v1/statistics")
        # Answers with a query string skip the page cache, so these reach the views themselves.
        answers = [
            client.get(url)
            for url in (
                "/api/v1/search?q=koks",
                "/api/v1/statistics?lang=en",
                "/api/v1/services?at=2026-01-05T12:00:00%2B01:00",
                "/api/v1/mixing/alkohol",
                "/spor/?q=koks",
            )
        ]
        health = client.get("/healthz")
    finally:
        monkeypatch.undo()  # before the test database rolls back
    assert page.status_code == 503
    assert "Siden er nede en liten stund" in page.content.decode()
    assert api.status_code == 503 and api.json()["error"]["code"] == "unavailable"
    assert [a.status_code for a in answers] == [503] * 5
    assert all(a.json()["error"]["code"] == "unavailable" for a in answers[:4])
    assert all(a["Retry-After"] == "30" for a in answers)
    assert health.status_code == 503
    # One ERROR line when the outage starts, one when it ends (with the count), none per 503.
    assert client.get("/om/").status_code == 200  # the database is back
    from rusfakta.serving.logs import OneLinePerOutage  # the log handlers' filter for django.request

    shown = OneLinePerOutage()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and shown.filter(r)]
    assert errors[0] == "database unavailable: answering 503 until it is back"
    assert len(errors) == 2 and errors[1].endswith(
        "s; 7 requests were answered 503"
    )  # healthz answers its own, errors


@pytest.mark.parametrize(
    "template, heading", [("500.html", "Noe gikk galt"), ("503.html", "Siden er nede en liten stund")]
)
def test_error_pages_are_whole_pages_without_a_database(template, heading):
    from django.template.loader import render_to_string

    from tests.conftest import check_html

    html = render_to_string(template)  # no request, no context processors, no database
    document = check_html(template, html)
    assert "".join(document.find(".//h1").itertext()) == heading
    assert 'href="tel:113"' in html

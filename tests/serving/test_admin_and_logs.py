import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.urls import URLPattern, URLResolver, get_resolver, reverse


def admin_urls():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    from django.conf import settings

    admin_prefix = settings.ADMIN_URL_PREFIX.lstrip("/")
    for route in walk(get_resolver().url_patterns):
        if route.startswith(admin_prefix) and "login" not in route and "logout" not in route:
            yield route


def concrete(route):
    """Fill path converters with plausible values."""
    import re

    route = route.replace("^", "").replace("$", "").replace("\\Z", "")
    route = re.sub(r"<path:[^>]+>", "1/change", route)
    route = re.sub(r"<[^>]+>", "1", route)
    route = re.sub(r"\(\?P<[^>]+>[^)]*\)", "1", route)
    return "/" + route.replace("(?:", "").replace(")?", "").replace("/?", "/")


def test_every_admin_url_refuses_anonymous_visitors(client, db):
    routes = list(admin_urls())
    assert len(routes) > 30
    for route in routes:
        response = client.get(concrete(route))
        assert response.status_code in (302, 404), f"{route}: {response.status_code}"
        if response.status_code == 302:
            assert "/login/" in response["Location"], route


def test_passwords_are_hashed_with_argon2(db):
    user = get_user_model().objects.create_user("redaktor", password="et langt passord 123")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_repeated_login_failures_lock_the_account(client, db):
    get_user_model().objects.create_superuser("redaktor", password="riktig passord 123")
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "redaktor", "password": "feil"})
    locked = client.post(url, {"username": "redaktor", "password": "riktig passord 123"})
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_access_log_has_no_query_string_and_no_address(client, db, caplog):
    caplog.set_level(logging.INFO, logger="rusfakta.access")
    client.get("/spor/", {"q": "hemmelig spørsmål"}, REMOTE_ADDR="203.0.113.7")
    client.get("/api/v1/search", {"q": "hemmelig spørsmål"}, REMOTE_ADDR="203.0.113.7")
    lines = [r.getMessage() for r in caplog.records if r.name == "rusfakta.access"]
    assert any(line.startswith("GET /spor/ 200") for line in lines)
    assert any(line.startswith("GET /api/v1/search 200") for line in lines)
    text = "\n".join(lines)
    assert "hemmelig" not in text and "q=" not in text and "203.0.113.7" not in text


@pytest.mark.parametrize("url", ["/", "/personvern/"])
def test_privacy_page_is_linked_and_says_what_is_kept(pages, url):
    html = pages.get(url).content.decode()
    assert 'href="/personvern/"' in html
    if url == "/personvern/":
        assert "Ingen informasjonskapsler" in html and "IP-adressen" in html

"""The editors' login: lockout per user name and client, a per-client limit before any hashing, and
no client address stored."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from rusfakta.editors.login import pseudonym

PASSWORD = "riktig passord 123"


@pytest.fixture
def editor(db):
    caches["search"].clear()
    yield get_user_model().objects.create_superuser("redaktor", password=PASSWORD)
    caches["search"].clear()


def post_login(address, password, username="redaktor"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("admin:login"), {"username": username, "password": password})
    return client, response


def test_bad_logins_from_elsewhere_do_not_lock_the_editor_out(editor):
    for _ in range(6):
        post_login("198.51.100.9", "feil")
    _, locked = post_login("198.51.100.9", PASSWORD)
    assert locked.status_code in (403, 429)
    client, response = post_login("203.0.113.20", PASSWORD)  # the real editor, somewhere else
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_address_is_never_stored_only_its_pseudonym(editor):
    post_login("198.51.100.9", "feil")
    stored = list(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert stored == [pseudonym("198.51.100.9")]
    assert "198.51.100.9" not in stored[0]
    assert pseudonym("198.51.100.9") != pseudonym("198.51.100.10")


@override_settings(LOGIN_ATTEMPTS_PER_WINDOW=3, AXES_FAILURE_LIMIT=100)
def test_over_the_limit_a_client_gets_429_before_any_password_is_checked(editor):
    checked = []

    def count(**kwargs):
        checked.append(kwargs)

    user_login_failed.connect(count)
    try:
        statuses = [post_login("198.51.100.9", f"feil {i}")[1].status_code for i in range(6)]
    finally:
        user_login_failed.disconnect(count)
    assert statuses[:3] == [200, 200, 200]  # the login form again, with its error
    assert statuses[3:] == [429, 429, 429]
    assert len(checked) == 3  # the three refused posts never reached authentication
    _, limited = post_login("198.51.100.9", PASSWORD)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert limited["Cache-Control"] == "no-store"
    _, other = post_login("203.0.113.20", PASSWORD)
    assert other.status_code == 302


def test_only_login_posts_are_limited(editor, settings):
    settings.LOGIN_ATTEMPTS_PER_WINDOW = 1
    for _ in range(3):
        assert Client(REMOTE_ADDR="198.51.100.9").get(reverse("admin:login")).status_code == 200
        assert Client(REMOTE_ADDR="198.51.100.9").get("/om/").status_code == 200

from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusfakta.helpservices import hours
from rusfakta.helpservices.models import Service

SERVICE_FIELDS = {
    "id",
    "name",
    "description",
    "phone",
    "chat_url",
    "url",
    "hours",
    "open_now",
    "next_change",
    "anonymous",
}


@pytest.fixture
def api(client, db):
    return client


def get(api, at=None):
    return api.get("/api/v1/services" + (f"?at={quote(at)}" if at is not None else ""))


def by_id(body):
    return {item["id"]: item for item in body["services"]}


def test_services_at_a_given_instant(api):
    body = get(api, "2025-03-29T22:40:00Z").json()
    assert body["at"] == "2025-03-29T23:40:00+01:00"
    services = by_id(body)
    assert list(services)[:2] == ["medisinsk-nodtelefon", "giftinformasjonen"]
    for item in body["services"]:
        assert set(item) == SERVICE_FIELDS
    assert services["alarmtelefonen"] | {"description": ""} == {
        "id": "alarmtelefonen",
        "name": "Alarmtelefonen for barn og unge",
        "description": "",
        "phone": "116 111",
        "chat_url": None,
        "url": None,
        "hours": "15:00-08:00",
        "open_now": None,  # the booklet's sentence about its hours is cut off
        "next_change": None,
        "anonymous": None,
    }
    assert services["rusinfo"]["open_now"] is False
    assert services["rusinfo"]["next_change"] == "2025-03-31T11:00:00+02:00"
    assert services["rusinfo"]["chat_url"] == services["rusinfo"]["url"] == "https://www.rusinfo.no"
    assert services["kors-pa-halsen"]["url"] == "https://xn--korsphalsen-18a.no"
    assert services["kors-pa-halsen"]["phone"] is None  # the booklet gives no number
    assert services["bar"]["anonymous"] is True
    assert services["medisinsk-nodtelefon"]["open_now"] is True
    assert services["medisinsk-nodtelefon"]["next_change"] is None


def test_services_without_hours_have_null_open_now_and_next_change(api):
    services = by_id(get(api, "2025-04-01T12:00:00+02:00").json())
    for slug in ("fastlegen", "helsesoster"):
        assert services[slug]["hours"] is None
        assert services[slug]["open_now"] is None
        assert services[slug]["next_change"] is None


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    at=st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2074, 12, 31), timezones=st.just(UTC))
)
def test_closed_only_where_the_booklets_hours_are_complete(api, at):
    incomplete = set(
        Service.objects.exclude(hours="").filter(hours_complete=False).values_list("slug", flat=True)
    )
    assert incomplete == {"alarmtelefonen"}
    for item in get(api, at.isoformat()).json()["services"]:
        if item["id"] in incomplete or item["hours"] is None:
            assert item["open_now"] is None and item["next_change"] is None, item["id"]
        else:
            assert item["open_now"] is not None, item["id"]


@pytest.mark.parametrize(
    "at", ["1999-12-31T22:59:59Z", "2076-01-01T00:00:00+01:00", "0001-01-01T00:00:00+05:00"]
)
def test_outside_the_holiday_calendar_no_service_claims_open_or_closed(api, at):
    response = get(api, at)
    assert response.status_code == 200
    for item in response.json()["services"]:
        assert item["open_now"] is None and item["next_change"] is None


def test_at_defaults_to_now_and_is_never_cached(api, monkeypatch):
    monkeypatch.setattr(hours, "now", lambda: datetime(2025, 6, 6, 15, 59, 30, 5, tzinfo=UTC))
    response = get(api)
    assert response["Cache-Control"] == "no-cache, max-age=0"
    body = response.json()
    assert body["at"] == "2025-06-06T17:59:30+02:00"
    assert by_id(body)["rusinfo"]["open_now"] is True


@pytest.mark.parametrize(
    "at, message",
    [
        ("2025-03-29T23:40", "UTC-forskyvning"),
        ("2025-03-29", "UTC-forskyvning"),
        ("i morgen", "ISO 8601"),
        ("", "ISO 8601"),
        ("2025-03-29T23:40:00+01:00" + "0" * 100, "lengre enn"),
    ],
)
def test_bad_at_is_a_400_in_the_api_error_shape(api, at, message):
    response = get(api, at)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == "bad_request"
    assert message in body["error"]["message"]


# The test client keeps no state between requests, so one per test serves every example.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.text(max_size=60))
def test_any_at_is_answered_with_200_or_400_never_500(api, at):
    response = get(api, at)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert set(response.json()["error"]) == {"code", "message"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    at=st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2074, 12, 31), timezones=st.just(UTC))
)
def test_open_now_matches_the_page_logic_for_any_instant(api, at):
    services = by_id(get(api, at.isoformat()).json())
    local = at.astimezone(hours.OSLO)
    assert services["rusinfo"]["open_now"] is (local.weekday() < 5 and 11 <= local.hour < 18)
    assert services["alarmtelefonen"]["open_now"] is None
    assert services["alarmtelefonen"]["next_change"] is None

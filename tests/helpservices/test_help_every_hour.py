"""/hjelp/ at every hour of a week, a public holiday and the night summer time starts: never a dead end.

The open/closed expectations are the booklet's hours written out by hand below, not taken from the code."""

import re
from datetime import datetime, timedelta

import pytest

from rusfakta.helpservices import hours
from rusfakta.helpservices.models import Service
from tests.helpservices.test_views import sections

# The hours the booklet gives: RUSinfo Monday to Friday 11–18, BAR Monday to Wednesday 17–20, Kors på
# halsen every day of the year 14–22. Weekday 0 is Monday.
BOOKLET_HOURS = {
    "rusinfo": (range(0, 5), 11, 18),
    "bar": (range(0, 3), 17, 20),
    "kors-pa-halsen": (range(0, 7), 14, 22),
}
NO_HOURS = ("fastlegen", "helsesoster")
CUT_OFF = "alarmtelefonen"  # the booklet's sentence about its hours (15–08) is cut off
BOOKLET_PHONES = {"tel:+4791508588", "tel:116111"}
OPENS = re.compile(r"Stengt – åpner ((?:om [^()]+ \(kl\. \d\d\.\d\d\))|(?:[^()]*?kl\. \d\d\.\d\d))")
ADDED_PHONES = {"tel:113", "tel:+4722591300"}  # Medisinsk nødtelefon and Giftinformasjonen


def booklet_says_open(slug, at):
    days, opens, closes = BOOKLET_HOURS[slug]
    return at.weekday() in days and opens <= at.hour < closes


@pytest.fixture
def at_time(monkeypatch, pages):
    def get(at):
        monkeypatch.setattr(hours, "now", lambda: at)
        html = pages.get("/hjelp/").content.decode()
        return html, *sections(html)

    return get


def check_never_a_dead_end(html, found, texts, at):
    label = at.isoformat()
    assert found["emergency-h"] == ["medisinsk-nodtelefon", "giftinformasjonen"], label
    for slug in found["emergency-h"]:
        assert "Åpen hele døgnet" in texts[slug], label
    phones = set(re.findall(r'href="(tel:[^"]*)"', html))
    assert ADDED_PHONES <= phones <= BOOKLET_PHONES | ADDED_PHONES, label  # nothing invented
    expected_open = [slug for slug in BOOKLET_HOURS if booklet_says_open(slug, at)]
    assert sorted(found["open-h"]) == sorted(expected_open), label
    assert sorted(found.get("closed-h", [])) == sorted(set(BOOKLET_HOURS) - set(expected_open)), label
    for slug in found.get("closed-h", []):
        assert "Stengt – åpner " in texts[slug], label
    for slug in (*NO_HOURS, CUT_OFF):
        assert slug in found["other-h"], label
        assert "Stengt" not in texts[slug] and "Åpen nå" not in texts[slug], label
    if not found["open-h"]:
        # Nothing from the booklet is open: the page says who answers all day, and who opens next and when.
        assert "Medisinsk nødtelefon og Giftinformasjonen svarer hele døgnet." in html, label
        first = found["closed-h"][0]
        name = Service.objects.get(slug=first).name
        when = OPENS.search(texts[first]).group(1)
        assert f"Neste som åpner: {name}, {when}." in html, label
    return expected_open


@pytest.mark.django_db
def test_every_hour_of_a_week_shows_who_can_be_reached_now(at_time):
    start = datetime(2025, 4, 7, 0, 15, tzinfo=hours.OSLO)  # a Monday, no public holidays that week
    nights_with_nothing_open = 0
    for hour in range(24 * 7):
        at = start + timedelta(hours=hour)
        html, found, texts = at_time(at)
        if not check_never_a_dead_end(html, found, texts, at):
            nights_with_nothing_open += 1
    assert nights_with_nothing_open > 0  # the hours when the next opening matters were checked too


@pytest.mark.django_db
def test_sunday_night_says_when_the_next_opens(at_time):
    at = datetime(2025, 4, 13, 23, 30, tzinfo=hours.OSLO)
    html, found, texts = at_time(at)
    check_never_a_dead_end(html, found, texts, at)
    assert "Neste som åpner: RUSinfo, i morgen kl. 11.00." in html
    at = datetime(2025, 4, 14, 9, 30, tzinfo=hours.OSLO)  # Monday morning
    html, found, texts = at_time(at)
    assert "Neste som åpner: RUSinfo, om 1 time og 30 minutter (kl. 11.00)." in html


@pytest.mark.django_db
def test_a_public_holiday_says_the_booklet_does_not_give_its_hours(at_time):
    at = datetime(2025, 5, 1, 12, 0, tzinfo=hours.OSLO)  # Thursday 1 May
    html, found, texts = at_time(at)
    check_never_a_dead_end(html, found, texts, at)
    note = "I dag er det helligdag. Heftet sier ikke om disse tidene gjelder på helligdager."
    assert note in texts["rusinfo"]  # the booklet gives weekdays only
    assert note not in texts["kors-pa-halsen"]  # «alle dager hele året»
    _, _, ordinary = at_time(datetime(2025, 5, 2, 12, 0, tzinfo=hours.OSLO))
    assert note not in ordinary["rusinfo"]


@pytest.mark.django_db
def test_the_night_summer_time_starts(at_time):
    for minutes in range(0, 6 * 60, 60):
        at = datetime(2025, 3, 30, 0, 30, tzinfo=hours.OSLO) + timedelta(minutes=minutes)
        check_never_a_dead_end(*at_time(hours.in_oslo(at)), hours.in_oslo(at))

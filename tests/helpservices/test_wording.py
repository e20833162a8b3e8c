from datetime import datetime, time

import pytest
from django.utils import translation

from rusfakta.helpservices.hours import OSLO, status
from rusfakta.helpservices.wording import clock, hours_lines, moment, status_text

SATURDAY_NIGHT = datetime(2025, 3, 29, 23, 40, tzinfo=OSLO)


@pytest.fixture(autouse=True)
def bokmal():
    with translation.override("nb"):
        yield


def text(rule, at):
    return status_text(status(rule, at), at)


@pytest.mark.parametrize(
    "rule, expected",
    [
        ("15:00-08:00", "Åpen nå – stenger i morgen kl. 08.00"),
        ("Mo-Su 14:00-22:00", "Stengt – åpner i morgen kl. 14.00"),
        ("Mo-Fr 11:00-18:00", "Stengt – åpner mandag kl. 11.00"),
        ("Mo-We 17:00-20:00", "Stengt – åpner mandag kl. 17.00"),
        ("24/7", "Åpen hele døgnet"),
        ("", ""),
    ],
)
def test_saturday_night_at_23_40(rule, expected):
    assert text(rule, SATURDAY_NIGHT) == expected


def test_same_day_tomorrow_and_weekday():
    friday_noon = datetime(2025, 3, 28, 12, 0, tzinfo=OSLO)
    assert text("Mo-Fr 11:00-18:00", friday_noon) == "Åpen nå – stenger kl. 18.00"
    assert text("15:00-08:00", friday_noon) == "Stengt – åpner om 3 timer (kl. 15.00)"
    assert text("Mo-Fr 11:00-18:00", datetime(2025, 3, 27, 23, 40, tzinfo=OSLO)) == (
        "Stengt – åpner i morgen kl. 11.00"
    )
    assert text("15:00-08:00", datetime(2025, 3, 28, 3, 0, tzinfo=OSLO)) == "Åpen nå – stenger kl. 08.00"


def test_midnight_closing_reads_as_24():
    assert text("14:00-24:00", datetime(2025, 3, 28, 20, 0, tzinfo=OSLO)) == "Åpen nå – stenger kl. 24.00"
    assert hours_lines("14:00-24:00") == ["Hver dag kl. 14.00–24.00"]


def test_an_opening_more_than_a_week_away_gives_the_date():
    # Easter Monday 6 April 2026 is a public holiday, so the next Monday opening is 13 April.
    at = datetime(2026, 3, 31, 12, 0, tzinfo=OSLO)
    assert text("Mo 10:00-11:00; PH off", at) == "Stengt – åpner mandag 13. april kl. 10.00"


def test_closed_for_good():
    assert text("off", SATURDAY_NIGHT) == "Stengt"


def test_moment_and_clock():
    assert moment(SATURDAY_NIGHT) == "lørdag kl. 23.40"
    assert clock(time(8, 5)) == "08.05"
    with translation.override("en"):
        assert clock(time(8, 5)) == "08:05"


@pytest.mark.parametrize(
    "rule, lines",
    [
        ("15:00-08:00", ["Hver dag kl. 15.00–08.00"]),
        ("Mo-We 17:00-20:00", ["Mandag–onsdag kl. 17.00–20.00"]),
        ("Mo-Fr 11:00-18:00", ["Mandag–fredag kl. 11.00–18.00"]),
        ("Mo-Fr 11:00-18:00; PH off", ["Mandag–fredag kl. 11.00–18.00"]),
        ("Mo-Su 14:00-22:00", ["Hver dag kl. 14.00–22.00"]),
        ("24/7", ["Hele døgnet, alle dager"]),
        ("Mo,We,Fr 10:00-12:00", ["Mandag, onsdag og fredag kl. 10.00–12.00"]),
        ("Mo-Tu 10:00-12:00,14:00-16:00", ["Mandag og tirsdag kl. 10.00–12.00 og 14.00–16.00"]),
        ("Mo-Fr 11:00-18:00; Sa 12:00-16:00", ["Mandag–fredag kl. 11.00–18.00", "Lørdag kl. 12.00–16.00"]),
        ("", []),
    ],
)
def test_usual_week_in_words(rule, lines):
    assert hours_lines(rule) == lines


def test_incomplete_hours_are_written_without_days():
    assert hours_lines("15:00-08:00", complete=False) == ["Kl. 15.00–08.00"]
    assert hours_lines("Mo-Fr 11:00-18:00", complete=False) == ["Mandag–fredag kl. 11.00–18.00"]


@pytest.mark.parametrize(
    "at, expected",
    [
        (datetime(2025, 4, 2, 8, 0, tzinfo=OSLO), "Stengt – åpner om 3 timer (kl. 11.00)"),
        (datetime(2025, 4, 2, 10, 0, tzinfo=OSLO), "Stengt – åpner om 1 time (kl. 11.00)"),
        (datetime(2025, 4, 2, 9, 40, tzinfo=OSLO), "Stengt – åpner om 1 time og 20 minutter (kl. 11.00)"),
        (datetime(2025, 4, 2, 10, 59, tzinfo=OSLO), "Stengt – åpner om 1 minutt (kl. 11.00)"),
        (datetime(2025, 4, 2, 10, 35, tzinfo=OSLO), "Stengt – åpner om 25 minutter (kl. 11.00)"),
        (
            datetime(2025, 4, 2, 5, 0, tzinfo=OSLO),
            "Stengt – åpner kl. 11.00",
        ),  # six hours or more: the clock only
    ],
)
def test_an_opening_soon_is_said_as_a_wait(at, expected):
    assert text("Mo-Fr 11:00-18:00", at) == expected


def test_the_wait_is_real_time_the_night_summer_time_starts():
    # 30 March 2025: the clock jumps from 02.00 to 03.00, so 01.30 to 08.00 is five and a half hours.
    at = datetime(2025, 3, 30, 1, 30, tzinfo=OSLO)
    assert text("08:00-10:00", at) == "Stengt – åpner om 5 timer og 30 minutter (kl. 08.00)"


def test_english_waits():
    with translation.override("en"):
        at = datetime(2025, 4, 2, 8, 0, tzinfo=OSLO)
        assert text("Mo-Fr 11:00-18:00", at) == "Closed – opens in 3 hours (at 11:00)"

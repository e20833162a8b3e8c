from datetime import UTC, date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rusfakta.helpservices import hours
from rusfakta.helpservices.hours import OSLO, Span, parse_instant, rule_problem, status, usual_week

ALARMTELEFONEN = "15:00-08:00"
BAR = "Mo-We 17:00-20:00"
RUSINFO = "Mo-Fr 11:00-18:00"
KORS_PA_HALSEN = "Mo-Su 14:00-22:00"


def oslo(*args):
    return datetime(*args, tzinfo=OSLO)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "at, is_open",
    [
        (oslo(2025, 6, 4, 3, 0), True),
        (oslo(2025, 6, 4, 7, 59), True),
        (oslo(2025, 6, 4, 8, 0), False),
        (oslo(2025, 6, 4, 12, 0), False),
        (oslo(2025, 6, 4, 14, 59), False),
        (oslo(2025, 6, 4, 15, 0), True),
        (oslo(2025, 6, 4, 23, 59), True),
        (oslo(2025, 6, 5, 0, 0), True),
    ],
)
def test_overnight_hours_are_open_across_midnight(at, is_open):
    assert status(ALARMTELEFONEN, at).is_open is is_open


def test_the_closing_minute_counts_as_closed():
    assert status(RUSINFO, oslo(2025, 6, 6, 17, 59, 59)).is_open is True
    assert status(RUSINFO, oslo(2025, 6, 6, 18, 0)) == hours.Status(False, oslo(2025, 6, 9, 11, 0))
    assert status(RUSINFO, oslo(2025, 6, 6, 10, 59)).is_open is False
    assert status(RUSINFO, oslo(2025, 6, 6, 11, 0)) == hours.Status(True, oslo(2025, 6, 6, 18, 0))


@pytest.mark.parametrize(
    "at, is_open",
    [
        (oslo(2025, 6, 2, 17, 30), True),  # Monday
        (oslo(2025, 6, 4, 19, 59), True),  # Wednesday
        (oslo(2025, 6, 5, 18, 0), False),  # Thursday
        (oslo(2025, 6, 7, 18, 0), False),  # Saturday
        (oslo(2025, 6, 8, 18, 0), False),  # Sunday
    ],
)
def test_day_ranges(at, is_open):
    assert status(BAR, at).is_open is is_open


def test_weekends_follow_the_rule():
    saturday, sunday = oslo(2025, 6, 7, 15, 0), oslo(2025, 6, 8, 21, 59)
    assert status(RUSINFO, saturday) == hours.Status(False, oslo(2025, 6, 9, 11, 0))
    assert status(KORS_PA_HALSEN, saturday).is_open is True
    assert status(KORS_PA_HALSEN, sunday) == hours.Status(True, oslo(2025, 6, 8, 22, 0))


def test_utc_input_is_read_as_oslo_time():
    # 13:30 UTC is 15:30 in Oslo in summer (UTC+2) and 14:30 in winter (UTC+1).
    assert status(ALARMTELEFONEN, utc(2025, 6, 4, 13, 30)).is_open is True
    assert status(ALARMTELEFONEN, utc(2025, 1, 15, 13, 30)).is_open is False
    assert status(ALARMTELEFONEN, utc(2025, 1, 15, 14, 0)).is_open is True
    change = status(ALARMTELEFONEN, utc(2025, 6, 4, 13, 30)).next_change
    assert change == utc(2025, 6, 5, 6, 0)
    assert change.utcoffset() == timedelta(hours=2)


def test_any_time_zone_gives_the_same_answer():
    instant = utc(2025, 3, 31, 9, 30)
    for zone in ("America/New_York", "Asia/Tokyo", "Pacific/Kiritimati"):
        from zoneinfo import ZoneInfo

        assert status(RUSINFO, instant.astimezone(ZoneInfo(zone))) == status(RUSINFO, instant)


def test_spring_forward_sunday_and_the_monday_after():
    # 30 March 2025: 02:00 CET jumps to 03:00 CEST.
    assert status(ALARMTELEFONEN, oslo(2025, 3, 30, 1, 59)) == hours.Status(True, oslo(2025, 3, 30, 8, 0))
    assert status(ALARMTELEFONEN, utc(2025, 3, 30, 5, 59)).is_open is True  # 07:59 CEST
    assert status(ALARMTELEFONEN, utc(2025, 3, 30, 6, 30)).is_open is False  # 08:30 CEST (07:30 in CET)
    assert status(ALARMTELEFONEN, oslo(2025, 3, 30, 1, 59)).next_change == utc(2025, 3, 30, 6, 0)
    assert status(KORS_PA_HALSEN, utc(2025, 3, 30, 12, 30)).is_open is True  # 14:30 CEST
    assert status(RUSINFO, utc(2025, 3, 31, 8, 59)).is_open is False  # Monday 10:59 CEST
    assert status(RUSINFO, utc(2025, 3, 31, 9, 0)).is_open is True  # Monday 11:00 CEST
    assert status(RUSINFO, utc(2025, 3, 29, 9, 0)).next_change == utc(2025, 3, 31, 9, 0)


def test_fall_back_sunday_and_the_monday_after():
    # 26 October 2025: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    first, second = utc(2025, 10, 26, 0, 30), utc(2025, 10, 26, 1, 30)
    assert first.astimezone(OSLO).time() == second.astimezone(OSLO).time() == time(2, 30)
    for at in (first, second):
        assert status(ALARMTELEFONEN, at) == hours.Status(True, utc(2025, 10, 26, 7, 0))
    assert status(ALARMTELEFONEN, utc(2025, 10, 26, 6, 30)).is_open is True  # 07:30 CET (08:30 in CEST)
    assert status(KORS_PA_HALSEN, utc(2025, 10, 26, 13, 30)).is_open is True  # 14:30 CET
    assert status(RUSINFO, utc(2025, 10, 27, 9, 59)).is_open is False  # Monday 10:59 CET
    assert status(RUSINFO, utc(2025, 10, 27, 10, 0)) == hours.Status(True, utc(2025, 10, 27, 17, 0))


def test_next_change_across_midnight_and_weekends():
    assert status(ALARMTELEFONEN, oslo(2025, 3, 29, 23, 40)).next_change == oslo(2025, 3, 30, 8, 0)
    assert status(KORS_PA_HALSEN, oslo(2025, 3, 29, 23, 40)).next_change == oslo(2025, 3, 30, 14, 0)
    assert status(RUSINFO, oslo(2025, 3, 28, 18, 0)).next_change == oslo(2025, 3, 31, 11, 0)
    assert status(BAR, oslo(2025, 4, 2, 20, 0)).next_change == oslo(2025, 4, 7, 17, 0)
    assert status("14:00-24:00", oslo(2025, 4, 2, 20, 0)).next_change == oslo(2025, 4, 3, 0, 0)


def test_public_holiday_rule():
    rule = "Mo-Fr 11:00-18:00; PH off"
    assert status(rule, oslo(2025, 5, 28, 12, 0)).is_open is True  # Wednesday
    assert status(rule, oslo(2025, 5, 29, 12, 0)) == hours.Status(
        False, oslo(2025, 5, 30, 11, 0)
    )  # Ascension
    assert status(rule, oslo(2025, 5, 28, 18, 0)).next_change == oslo(2025, 5, 30, 11, 0)
    assert status(rule, oslo(2025, 12, 24, 12, 0)).is_open is True  # Christmas Eve is no public holiday
    assert status(rule, oslo(2025, 12, 24, 18, 0)).next_change == oslo(2025, 12, 29, 11, 0)
    assert status("PH 10:00-12:00", oslo(2025, 5, 17, 11, 0)).is_open is True
    assert status("PH 10:00-12:00", oslo(2025, 5, 16, 11, 0)).is_open is False


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_ph_is_exactly_the_norwegian_public_holidays(year):
    official = set(holidays.country_holidays("NO", years=year))
    day, closed = date(year, 1, 1), set()
    while day.year == year:
        if not status("24/7; PH off", oslo(day.year, day.month, day.day, 12, 0)).is_open:
            closed.add(day)
        day += timedelta(days=1)
    assert closed == official


def test_always_open_and_unknown_hours():
    assert status("24/7", oslo(2025, 12, 25, 3, 0)) == hours.Status(True, None)
    assert status("", oslo(2025, 12, 25, 3, 0)) == hours.UNKNOWN
    assert status("Mo-Fr 10:00-12:00 unknown", oslo(2025, 6, 2, 11, 0)) == hours.UNKNOWN


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="UTC-forskyvning"):
        status(RUSINFO, datetime(2025, 6, 2, 12, 0))


def test_no_claim_outside_the_years_of_the_holiday_calendar():
    assert status(RUSINFO, oslo(1999, 6, 2, 12, 0)) == hours.UNKNOWN
    assert status(RUSINFO, utc(2075, 12, 31, 23, 30)) == hours.UNKNOWN  # already 2076 in Oslo
    assert status(RUSINFO, utc(2075, 12, 31, 12, 0)).is_open is True
    assert status(RUSINFO, datetime.min.replace(tzinfo=UTC)) == hours.UNKNOWN
    assert status(RUSINFO, datetime.max.replace(tzinfo=UTC)) == hours.UNKNOWN


def test_rule_problems_name_what_is_wrong():
    assert rule_problem(RUSINFO) is None
    assert rule_problem("Mo-Xx 10:00-12:00") == (
        "'Mo-Xx 10:00-12:00' is not valid opening_hours syntax at column 4: expected wday"
    )
    assert "does not repeat every week" in rule_problem("Jan 10:00-12:00")
    assert "sun times" in rule_problem("sunrise-sunset")


def test_usual_week():
    assert usual_week("24/7") == hours.ALWAYS
    week = usual_week(BAR)
    assert week[:3] == ((Span(time(17), time(20), 0),),) * 3
    assert week[3:] == ((),) * 4
    assert usual_week(ALARMTELEFONEN) == ((Span(time(15), time(8), 1),),) * 7
    assert usual_week("Mo-Fr 11:00-18:00; PH off") == usual_week(RUSINFO)


# An oracle written without the opening_hours library: Python's own zoneinfo and plain comparisons.
ORACLES = {
    ALARMTELEFONEN: lambda t: t.time() >= time(15) or t.time() < time(8),
    BAR: lambda t: t.weekday() < 3 and time(17) <= t.time() < time(20),
    RUSINFO: lambda t: t.weekday() < 5 and time(11) <= t.time() < time(18),
    KORS_PA_HALSEN: lambda t: time(14) <= t.time() < time(22),
}


def _oracle_next_change(is_open, at):
    """The booklet's services change on whole hours: step hour by hour in real (UTC) time."""
    local = at.astimezone(OSLO)
    step = local.replace(minute=0, second=0, microsecond=0)
    while True:
        step = (step.astimezone(UTC) + timedelta(hours=1)).astimezone(OSLO)
        if is_open(step) != is_open(local):
            return step


instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(at=instants, rule=st.sampled_from(sorted(ORACLES)))
def test_booklet_hours_agree_with_a_plain_python_oracle(at, rule):
    is_open = ORACLES[rule]
    found = status(rule, at)
    assert found.is_open is is_open(at.astimezone(OSLO))
    assert found.next_change == _oracle_next_change(is_open, at)


@pytest.mark.parametrize(
    "sunday", [date(2025, 3, 30), date(2025, 10, 26), date(2026, 3, 29), date(2026, 10, 25)]
)
def test_every_minute_of_the_daylight_saving_weekends(sunday):
    start = datetime.combine(sunday - timedelta(days=1), time(), OSLO).astimezone(UTC)
    for minute in range(0, 3 * 24 * 60, 1):
        at = start + timedelta(minutes=minute)
        for rule, is_open in ORACLES.items():
            assert status(rule, at).is_open is is_open(at.astimezone(OSLO)), (rule, at)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_instant_accepts_only_offset_times_and_never_crashes(text):
    try:
        parsed = parse_instant(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert parsed.utcoffset() is not None
        assert isinstance(status(RUSINFO, parsed), hours.Status)  # anything parsed can be evaluated


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.timezones()))
def test_parse_instant_reads_iso_8601_back_to_the_same_instant(at):
    parsed = parse_instant(at.isoformat())
    assert parsed.astimezone(UTC) == at.astimezone(UTC)


@pytest.mark.parametrize(
    "text",
    [
        "2025-03-29T23:40",
        "2025-03-29",
        "i dag",
        "",
        "2025-03-29T23:40:00+01:00" + "0" * 80,
        "2025-03-29T23:40:60Z",
    ],
)
def test_parse_instant_refuses(text):
    with pytest.raises(ValueError):
        parse_instant(text)


def test_parse_instant_reads_z_and_offsets():
    assert parse_instant("2025-03-29T22:40:00Z") == oslo(2025, 3, 29, 23, 40)
    assert parse_instant(" 2025-03-29T23:40+01:00 ") == oslo(2025, 3, 29, 23, 40)
    assert parse_instant("2025-03-29T22:40:00Z").utcoffset() == timedelta(hours=1)
    assert parse_instant("2025-03-29t22:40:00z") == oslo(2025, 3, 29, 23, 40)  # RFC 3339 allows lowercase


def test_every_hour_of_the_year_and_the_minute_before_it(year=2025):
    hour = datetime(year, 1, 1, tzinfo=OSLO).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=OSLO).astimezone(UTC)
    while hour < end:
        for at in (hour - timedelta(minutes=1), hour):
            for rule, is_open in ORACLES.items():
                assert status(rule, at).is_open is is_open(at.astimezone(OSLO)), (rule, at)
        hour += timedelta(hours=1)


def test_a_change_inside_the_skipped_hour_happens_when_the_clock_jumps():
    rule = "Su 02:30-04:00"
    assert status(rule, oslo(2025, 3, 30, 1, 0)).next_change == utc(2025, 3, 30, 1, 0)  # 03:00 CEST
    assert status(rule, utc(2025, 3, 30, 1, 10)) == hours.Status(True, oslo(2025, 3, 30, 4, 0))


def test_a_change_inside_the_repeated_hour_is_never_in_the_past():
    # Compared in UTC: Python never calls a time in the repeated hour equal to a time in another zone.
    rule = "Su 02:30-04:00"
    first = status(rule, utc(2025, 10, 26, 0, 10)).next_change  # 02:10 CEST → 02:30 CEST
    second = status(rule, utc(2025, 10, 26, 1, 10)).next_change  # 02:10 CET → 02:30 CET
    assert first.astimezone(UTC) == utc(2025, 10, 26, 0, 30)
    assert second.astimezone(UTC) == utc(2025, 10, 26, 1, 30)
    assert first.isoformat() == "2025-10-26T02:30:00+02:00"
    assert second.isoformat() == "2025-10-26T02:30:00+01:00"

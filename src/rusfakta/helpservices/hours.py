"""Opening hours in OpenStreetMap syntax, evaluated in Oslo time: open now, the next change, the usual week.

Every function takes an aware datetime and works in Europe/Oslo, whatever zone the input is in, so
the answer does not depend on the server's or the visitor's clock settings.

The rules are read on Oslo's wall clock: we hand the library naive local times and turn its answers
back into aware ones ourselves. Its own time zone mode (timezone=Europe/Oslo, opening-hours-py 2.1.4)
calls even "24/7" closed at 02:59 on the night summer time ends; the wall clock has no such gap.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _lazy
from opening_hours import OpeningHours, ParserError, State

from rusfakta.errors import lazy_format

OSLO = ZoneInfo("Europe/Oslo")
COUNTRY = "NO"
# The years the library's Norwegian holiday calendar covers; outside them we make no open/closed claim.
FIRST_YEAR, LAST_YEAR = 2000, 2075
# Far enough to find the next opening of a service that is closed for a long holiday.
LOOKAHEAD = timedelta(days=400)
MAX_INSTANT_LENGTH = 64
# The first week of each month: a rule that gives the same week in all of them repeats every week.
REFERENCE_MONDAYS = tuple(
    first + timedelta(days=-first.weekday() % 7) for first in (date(2026, month, 1) for month in range(1, 13))
)
ALWAYS = "always"
SOLAR = re.compile(r"sunrise|sunset|dawn|dusk", re.IGNORECASE)


def now():
    """The app's one clock; tests replace it to freeze time."""
    return datetime.now(OSLO)


def in_oslo(at):
    """The same instant on Oslo's clock (left as it is at the very ends of the calendar); ValueError when naive."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(_lazy("tidspunktet må ha en UTC-forskyvning, som +01:00 eller Z"))
    try:
        return at.astimezone(OSLO)
    except OverflowError:
        return at


def parse_instant(text):
    """An ISO 8601 instant with a UTC offset (RFC 3339), as Oslo time. ValueError with a message for people."""
    text = text.strip()
    if len(text) > MAX_INSTANT_LENGTH:
        raise ValueError(lazy_format(_lazy("at er lengre enn %(n)s tegn"), n=MAX_INSTANT_LENGTH))
    try:
        parsed = datetime.fromisoformat(text.upper())  # RFC 3339 allows a lowercase t and z
    except ValueError:
        message = _lazy(
            "at må være et ISO 8601-tidspunkt med UTC-forskyvning, som 2025-03-29T23:40:00+01:00 (fikk %(text)s)"
        )
        raise ValueError(lazy_format(message, text=repr(text))) from None
    if parsed.tzinfo is None:
        raise ValueError(
            _lazy("at må ha en UTC-forskyvning (Z, +01:00, +02:00 …), ellers er tidspunktet tvetydig")
        )
    return in_oslo(parsed)


@lru_cache(maxsize=128)
def _parsed(rule, country=COUNTRY):
    return OpeningHours(rule, country=country)


def _wall_clock(local):
    return local.replace(tzinfo=None)


def _instant(wall, after):
    """The first instant after `after` that Oslo's clock shows as `wall`.

    Compared through UTC: Python compares two Oslo times by their wall clock, fold ignored."""
    aware = wall.replace(tzinfo=OSLO)
    if _wall_clock(aware.astimezone(UTC).astimezone(OSLO)) != wall:
        # Skipped when summer time starts (02:00 → 03:00): the change happens as the clock jumps.
        aware = (wall.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)).replace(tzinfo=OSLO)
    elif aware.astimezone(UTC) <= after.astimezone(UTC):
        aware = aware.replace(fold=1)  # the hour that repeats when summer time ends: its second pass
    return aware.astimezone(UTC).astimezone(OSLO)


def rule_problem(rule):
    """None when the rule is valid OSM syntax and repeats every week, else a message saying what is wrong."""
    try:
        parsed = _parsed(rule, None)
    except ParserError as exc:
        return _syntax_message(rule, str(exc))
    if SOLAR.search(rule):
        return f"'{rule}' uses sun times, which need a place; give clock times"
    if len({_week(parsed, monday) for monday in REFERENCE_MONDAYS}) > 1:
        return f"'{rule}' does not repeat every week; only weekly hours (and PH for public holidays) are supported"
    return None


def _syntax_message(rule, error):
    column = re.search(r"-->\s*\d+:(\d+)", error)
    expected = re.search(r"=\s*(.+?)\s*$", error)
    where = f" at column {column.group(1)}" if column else ""
    what = f": {expected.group(1)}" if expected else ""
    return f"'{rule}' is not valid opening_hours syntax{where}{what}"


@dataclass(frozen=True)
class Status:
    is_open: bool | None  # None: no claim (no hours in the booklet, or a year without a holiday calendar)
    next_change: datetime | None = None  # Oslo time; None when it never changes


UNKNOWN = Status(None)


def status(rule, at):
    """Open or closed at `at`, and when that changes next (the closing minute counts as closed).

    UNKNOWN without hours, and outside FIRST_YEAR–LAST_YEAR, where public holidays are not known."""
    if not rule:
        return UNKNOWN
    local = in_oslo(at)
    if not FIRST_YEAR <= local.year <= LAST_YEAR:
        return UNKNOWN
    wall = _wall_clock(local)
    hours = _parsed(rule)
    state = hours.state(wall)[0]
    if state == State.UNKNOWN:
        return UNKNOWN
    for start, _end, next_state, _comment in hours.intervals(wall, wall + LOOKAHEAD):
        if next_state != state:
            return Status(state == State.OPEN, _instant(start, local))
    return Status(state == State.OPEN)


@dataclass(frozen=True)
class Span:
    opens: time
    closes: time
    days_later: int  # 1 when it closes after midnight


@lru_cache(maxsize=128)
def usual_week(rule):
    """ALWAYS, or seven tuples of Span (Monday first) for a week without public holidays."""
    return _week(_parsed(rule, None), REFERENCE_MONDAYS[0])


def _week(hours, monday):
    start = datetime.combine(monday, time())
    end = start + timedelta(days=7)
    days = [[] for _ in range(7)]
    for opens, closes, state, _comment in hours.intervals(start - timedelta(days=1), end + timedelta(days=7)):
        if opens >= end:
            break
        if state != State.OPEN:
            continue
        if opens <= start and closes >= end:
            return ALWAYS
        if opens >= start:
            days[opens.weekday()].append(
                Span(opens.time(), closes.time(), (closes.date() - opens.date()).days)
            )
    return tuple(tuple(spans) for spans in days)

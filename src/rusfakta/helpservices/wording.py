"""Opening hours and open/closed as people read them: «Åpen nå – stenger kl. 18.00», «Mandag–fredag kl. 11.00–18.00»."""

from datetime import UTC, date, time, timedelta

from django.utils import dateformat, formats
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from rusfakta.helpservices import hours

A_MONDAY = date(2026, 1, 5)
MIDNIGHT = time(0, 0)
# Openings sooner than this are also said as a wait («åpner om 3 timer»); later ones by clock and day only.
SOON = timedelta(hours=6)


def clock(moment, end_of_day=False):
    """08.00 in Norwegian, 08:00 in English; end_of_day writes midnight as 24.00."""
    separator = ":" if (get_language() or "nb")[:2] == "en" else "."
    hour = 24 if end_of_day and moment.hour == 0 and moment.minute == 0 else moment.hour
    return f"{hour:02d}{separator}{moment.minute:02d}"


def weekday(day):
    return dateformat.format(day, "l")


def _at_clock(day_text, moment, end_of_day=False):
    return _("%(day)s kl. %(time)s") % {"day": day_text, "time": clock(moment, end_of_day)}


def when(change, at, closing=False):
    """The change relative to `at` (both Oslo time): «kl. 18.00», «i morgen kl. 11.00», «mandag kl. 17.00»."""
    day = change.date()
    end_of_day = closing and change.time() == MIDNIGHT
    if end_of_day:
        day -= timedelta(days=1)  # «stenger kl. 24.00» the same evening, not «i morgen kl. 00.00»
    days_ahead = (day - at.date()).days
    if days_ahead <= 0:
        return _("kl. %(time)s") % {"time": clock(change, end_of_day)}
    if days_ahead == 1:
        return _("i morgen kl. %(time)s") % {"time": clock(change, end_of_day)}
    if days_ahead < 7:
        return _at_clock(weekday(day), change, end_of_day)
    return _at_clock(f"{weekday(day)} {formats.date_format(day, 'MONTH_DAY_FORMAT')}", change, end_of_day)


def status_text(status, at):
    """Empty when the hours are unknown: then we claim nothing."""
    if status.is_open is None:
        return ""
    if status.is_open:
        if status.next_change is None:
            return _("Åpen hele døgnet")
        return _("Åpen nå – stenger %(when)s") % {"when": when(status.next_change, at, closing=True)}
    if status.next_change is None:
        return _("Stengt")
    return _("Stengt – åpner %(when)s") % {"when": opens(status.next_change, at)}


def opens(change, at):
    """When a closed service opens: «om 3 timer (kl. 11.00)» when it is soon, else «mandag kl. 11.00»."""
    wait = wait_text(change, at)
    return f"{wait} ({when(change, at)})" if wait else when(change, at)


def wait_text(change, at):
    """«om 3 timer», «om 2 timer og 20 minutter», «om 40 minutter»; "" when it is SOON or further away.

    Counted through UTC, so the night the clocks change gives the real wait, not the wall clock's."""
    wait = change.astimezone(UTC) - at.astimezone(UTC)
    if not timedelta(0) < wait < SOON:
        return ""
    minutes = -(-int(wait.total_seconds()) // 60)  # a started minute counts
    hours_, minutes = divmod(minutes, 60)
    hour_text = ngettext("%(count)d time", "%(count)d timer", hours_) % {"count": hours_}
    minute_text = ngettext("%(count)d minutt", "%(count)d minutter", minutes) % {"count": minutes}
    if not hours_:
        return _("om %(wait)s") % {"wait": minute_text}
    if not minutes:
        return _("om %(wait)s") % {"wait": hour_text}
    return _("om %(hours)s og %(minutes)s") % {"hours": hour_text, "minutes": minute_text}


def is_public_holiday(at):
    """Whether `at` falls on a Norwegian public holiday (Oslo's calendar day)."""
    return hours.status("PH", at).is_open is True


def moment(at):
    """«lørdag kl. 23.40»: the time a page was computed for."""
    return _at_clock(weekday(at), at)


def hours_lines(rule, complete=True):
    """The usual week, one line per set of days with the same hours: «Mandag–onsdag kl. 17.00–20.00».

    Incomplete hours that name no days are written as times only («Kl. 15.00–08.00»): "hver dag"
    would claim more than the booklet's cut-off sentence says."""
    if not rule:
        return []
    week = hours.usual_week(rule)
    if week == hours.ALWAYS:
        return [_("Hele døgnet, alle dager")]
    if not complete and len(set(week)) == 1:
        return [capfirst(_("kl. %(times)s") % {"times": _spans(week[0], 0)})]
    runs_by_spans = {}
    for day, spans in enumerate(week):
        if not spans:
            continue
        runs = runs_by_spans.setdefault(spans, [])
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return [
        capfirst(_("%(days)s kl. %(times)s") % {"days": _days(runs), "times": _spans(spans, runs[0][0])})
        for spans, runs in runs_by_spans.items()
    ]


def _day_name(index):
    return weekday(A_MONDAY + timedelta(days=index))


def _days(runs):
    labels = []
    for run in runs:
        if len(run) == 7:
            labels.append(_("hver dag"))
        elif len(run) >= 3:
            labels.append(f"{_day_name(run[0])}–{_day_name(run[-1])}")
        else:
            labels += [_day_name(day) for day in run]
    return _join(labels)


def _spans(spans, first_day):
    parts = []
    for span in spans:
        if span.days_later > 1:
            closes = f"{_day_name((first_day + span.days_later) % 7)} {clock(span.closes)}"
        else:
            closes = clock(span.closes, end_of_day=span.days_later == 1)
        parts.append(f"{clock(span.opens)}–{closes}")
    return _join(parts)


def names(items):
    """«113 og Giftinformasjonen»: names joined the way a sentence lists them."""
    return _join(list(items))


def _join(items):
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s og %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from rusfakta.content.models import Chapter
from rusfakta.helpservices import hours, wording
from rusfakta.helpservices.services import grouped, services_for_display


@never_cache  # "open now" changes by the minute
def help_now(request):
    at = hours.in_oslo(hours.now()).replace(second=0, microsecond=0)
    groups = grouped(services_for_display(at))
    return render(
        request,
        "helpservices/help.html",
        {
            "at": at,
            "computed_for": wording.moment(at),
            "groups": groups,
            # Never a dead end: when none is open, the page names the first to open, and the numbers open all day.
            "next_open": _next_open(groups["closed"], at),
            "always_open": wording.names(
                item.service.name for item in groups["emergency"] if item.always_open
            ),
            "holiday": wording.is_public_holiday(at),
            "chapter": Chapter.objects.filter(kind=Chapter.Kind.HELP).first(),
        },
    )


def _next_open(closed, at):
    """(the service that opens first, «om 3 timer (kl. 11.00)»); closed is sorted by next opening."""
    first = next((item for item in closed if item.status.next_change), None)
    return (first, wording.opens(first.status.next_change, at)) if first else None

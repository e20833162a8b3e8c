from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache

from rusfakta.content.models import Chapter
from rusfakta.helpservices import wording
from rusfakta.helpservices.services import grouped, services_for_display, this_minute
from rusfakta.pack.translated import marked, translate


def _help_now(at):
    groups = grouped(services_for_display(at))
    return {
        "at": at,
        "computed_for": wording.moment(at),
        "groups": groups,
        # Never a dead end: when none is open, the page names the first to open, and the numbers open all day.
        "next_open": _next_open(groups["closed"], at),
        # HTML: each name escaped, and marked lang="nb" where it is the bokmål one for want of a translation
        "always_open": mark_safe(
            wording.names(
                marked(item.service.name, item.service) for item in groups["emergency"] if item.always_open
            )
        ),
        "holiday": wording.is_public_holiday(at),
        "chapter": translate(Chapter.objects.filter(kind=Chapter.Kind.HELP).first()),
    }


def _next_open(closed, at):
    """(the service that opens first, «om 3 timer (kl. 11.00)»); closed is sorted by next opening."""
    first = next((item for item in closed if item.status.next_change), None)
    return (first, wording.opens(first.status.next_change, at)) if first else None


@never_cache  # "open now" changes by the minute: worked out once a minute, never kept as a page
def help_now(request):
    return render(request, "helpservices/help.html", this_minute(_help_now))

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from rusfakta.content.models import Chapter
from rusfakta.helpservices import wording
from rusfakta.helpservices.services import grouped, services_for_display, this_minute


def _help_now(at):
    return {
        "at": at,
        "computed_for": wording.moment(at),
        "groups": grouped(services_for_display(at)),
        "chapter": Chapter.objects.filter(kind=Chapter.Kind.HELP).first(),
    }


@never_cache  # "open now" changes by the minute: worked out once a minute, never kept as a page
def help_now(request):
    return render(request, "helpservices/help.html", this_minute(_help_now))

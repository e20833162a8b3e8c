from django.shortcuts import render
from django.views.decorators.cache import never_cache

from rusfakta.content.models import Chapter
from rusfakta.helpservices import hours, wording
from rusfakta.helpservices.services import grouped, services_for_display
from rusfakta.pack.translated import translate


@never_cache  # "open now" changes by the minute
def help_now(request):
    at = hours.in_oslo(hours.now()).replace(second=0, microsecond=0)
    return render(
        request,
        "helpservices/help.html",
        {
            "at": at,
            "computed_for": wording.moment(at),
            "groups": grouped(services_for_display(at)),
            "chapter": translate(Chapter.objects.filter(kind=Chapter.Kind.HELP).first()),
        },
    )

from django.shortcuts import render

from rusfakta.helpservices.services import services_for_display
from rusfakta.tools.forms import MixingForm
from rusfakta.tools.mixing import ANONYMOUS_HELP, all_substances, answer

EMERGENCY = "medisinsk-nodtelefon"


def _help_for_unknown():
    """The booklet's anonymous help (RUSinfo), open or not right now, and 113: the next step when the
    booklet says nothing about a mixture."""
    shown = {view.service.slug: view for view in services_for_display()}
    return shown.get(ANONYMOUS_HELP), shown.get(EMERGENCY)


def mixing(request):
    substances = all_substances()
    form = MixingForm(request.GET, [s.slug for s in substances])
    query, error = form.query()
    reply = answer(query, substances, request.LANGUAGE_CODE) if query else None
    # Where the booklet says nothing about the mixture itself (unknown, or only named elsewhere), the next step
    # is someone to ask.
    says_nothing = reply is not None and (not reply.covered or not reply.substance.level)
    anonymous, emergency = _help_for_unknown() if says_nothing else (None, None)
    context = {
        "substances": substances,
        "answer": reply,
        "error": error,
        "error_field": form.error_field,
        "anonymous_help": anonymous,
        "emergency": emergency,
        # Only a form with an error comes back filled in; after an answer it is ready for the next choice.
        "typed": form.typed_again() if error else "",
    }
    return render(request, "tools/mixing.html", context, status=400 if error else 200)

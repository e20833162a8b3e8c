from django.shortcuts import render

from rusfakta.tools.forms import MixingForm
from rusfakta.tools.mixing import all_substances, answer


def mixing(request):
    substances = all_substances()
    form = MixingForm(request.GET, [s.slug for s in substances])
    query, error = form.query()
    context = {
        "substances": substances,
        "answer": answer(query, substances, request.LANGUAGE_CODE) if query else None,
        "error": error,
        # Only a form with an error comes back filled in; after an answer it is ready for the next choice.
        "typed": form.typed_again() if error else "",
    }
    return render(request, "tools/mixing.html", context, status=400 if error else 200)

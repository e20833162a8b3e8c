from django.shortcuts import render
from django.views.decorators.cache import never_cache

from rusfakta.tools.normcheck import answers, form_errors


def form(request):
    return render(request, "tools/normcheck_form.html", {"answers": answers(lang=request.LANGUAGE_CODE)})


@never_cache  # the guesses are in the address; no cache should keep them
def result(request):
    found = answers(request.GET, lang=request.LANGUAGE_CODE)
    errors = form_errors(found)
    if errors:
        return render(request, "tools/normcheck_form.html", {"answers": found, "errors": errors}, status=400)
    context = {
        "answers": found,
        "use": [a for a in found if a.item.kind == a.item.Kind.USE],
        "attitude": [a for a in found if a.item.kind == a.item.Kind.ATTITUDE],
    }
    return render(request, "tools/normcheck_result.html", context)

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from rusfakta.tools.normcheck import answers


def form(request):
    return render(request, "tools/normcheck_form.html", {"answers": answers(lang=request.LANGUAGE_CODE)[0]})


@never_cache  # the guesses are in the address; no cache should keep them
def result(request):
    found, errors = answers(request.GET, lang=request.LANGUAGE_CODE)
    if errors:
        return render(request, "tools/normcheck_form.html", {"answers": found, "errors": errors}, status=400)
    # The summary says what most people do and think: a minority's figure («8 % har prøvd») stays in its
    # own answer above and is never listed under «Det de fleste gjør».
    most = [a for a in found if a.is_majority]
    context = {
        "answers": found,
        "use": [a for a in most if a.item.kind == a.item.Kind.USE],
        "attitude": [a for a in most if a.item.kind == a.item.Kind.ATTITUDE],
    }
    return render(request, "tools/normcheck_result.html", context)

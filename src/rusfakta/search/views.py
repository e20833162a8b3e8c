from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from rusfakta.helpservices.services import services_for_display, this_minute
from rusfakta.search.edition import in_edition
from rusfakta.search.service import BadQuestion, ask_for_page

HELP_CHAPTERS = ("Her kan du få hjelp", "Behandling")
EXAMPLES = [
    _("kan man dø av kokain"),
    _("kokain og alkohol"),
    _("hva er rosa kokain"),
    _("hvor mange unge bruker kokain"),
]


def ask_page(request):
    query = request.GET.get("q", "")
    context = {"query": query, "examples": EXAMPLES, "answer": None, "error": None}
    if "q" in request.GET:
        try:
            found = ask_for_page(query)
        except BadQuestion as exc:
            context["error"] = str(exc)
        else:
            context["answer"] = in_edition(found, html=True)  # shown in the reader's edition
    answer = context["answer"] and found  # the help card is chosen on the bokmål chapters
    if answer and (
        answer["notice"] or any(r["document"].chapter in HELP_CHAPTERS for r in answer["results"][:3])
    ):
        context["help_services"] = [
            v for v in this_minute(services_for_display) if v.service.is_emergency or v.state == "open"
        ]
    status = 400 if context["error"] else 200
    response = render(request, "search/ask.html", context, status=status)
    if "q" in request.GET:
        add_never_cache_headers(response)  # the question is in the address; no cache should keep it
    return response

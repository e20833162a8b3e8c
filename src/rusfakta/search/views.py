from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from rusfakta.helpservices.services import services_for_display
from rusfakta.search.service import BadQuestion, ask_for_page

HELP_CHAPTERS = ("hjelp", "behandling")  # chapter ids: their titles differ per edition
EXAMPLES = [
    "kan man dø av kokain",
    "kokain og alkohol",
    "hva er rosa kokain",
    "hvor mange unge bruker kokain",
]
# Each edition's examples are questions in its own language (its search is that edition's, #19).
EXAMPLES_BY_LANG = {
    "nn": [
        "kan ein døy av kokain",
        "kokain og alkohol",
        "kva er rosa kokain",
        "kor mange unge brukar kokain",
    ],
    "en": [
        "can you die from cocaine",
        "cocaine and alcohol",
        "what is pink cocaine",
        "how many young people use cocaine",
    ],
}


def _in_help_chapter(document):
    return any(f"/kapittel/{slug}/" in document.url for slug in HELP_CHAPTERS)


def ask_page(request):
    query = request.GET.get("q", "")
    examples = EXAMPLES_BY_LANG.get(request.LANGUAGE_CODE, EXAMPLES)
    context = {"query": query, "examples": examples, "answer": None, "error": None}
    if "q" in request.GET:
        try:
            context["answer"] = ask_for_page(query)
        except BadQuestion as exc:
            context["error"] = str(exc)
    answer = context["answer"]
    if answer and (answer["notice"] or any(_in_help_chapter(r["document"]) for r in answer["results"][:3])):
        context["help_services"] = [
            v for v in services_for_display() if v.service.is_emergency or v.state == "open"
        ]
    status = 400 if context["error"] else 200
    response = render(request, "search/ask.html", context, status=status)
    if "q" in request.GET:
        add_never_cache_headers(response)  # the question is in the address; no cache should keep it
    return response

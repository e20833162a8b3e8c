from urllib.parse import quote

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from rusfakta.helpservices.services import services_for_display, this_minute
from rusfakta.search.service import BadQuestion, ask_for_page

# Chapters about a risk (mixing, overdose, harm, addiction, pregnancy, dying) or about getting help:
# when the best answer comes from one of them, a help card follows the first answers.
RISK_CHAPTERS = frozenset(
    {
        "blandingsbruk",
        "skade-og-overdose",
        "skadevirkninger",
        "langtidsbruk",
        "graviditet",
        "dodelighet",
        "behandling",
        "hjelp",
    }
)
FIRST_RESULTS = 3  # shown at once; the rest behind "Vis flere"
EXAMPLES = [  # in the reader's language (gettext): each edition searches its own text (#19)
    _("kan man dø av kokain"),
    _("kokain og alkohol"),
    _("hva er rosa kokain"),
    _("hvor mange unge bruker kokain"),
]


# A question in the other edition's language links to its answers there, in that language: the reader
# may not read this edition's.
READ_IN = {"en": "Read the answers in English", "nb": "Les svarene på norsk"}


def read_in_link(query, lang):
    with translation.override(lang):
        # Spelled as the language switcher and the example chips spell it (|urlencode), so one question
        # has one address.
        href = reverse("search:ask") + "?q=" + quote(query, safe="/")
    return {"href": href, "lang": lang, "text": READ_IN[lang]}


def needs_help_card(answer):
    """A help card after the answers when the question is about a risk: decided from the chapter of the best
    passage (not from the words of the question), or when an emergency or out-of-scope notice fired."""
    if answer["notice"] and answer["notice"]["kind"] in ("emergency", "out_of_scope"):
        return True
    return bool(answer["results"]) and answer["results"][0]["document"].chapter_slug in RISK_CHAPTERS


def ask_page(request):
    query = request.GET.get("q", "")
    examples = [str(example) for example in EXAMPLES]
    context = {"query": query, "examples": examples, "answer": None, "error": None}
    if "q" in request.GET:
        try:
            context["answer"] = ask_for_page(query)  # searched in the reader's edition (decision 0018)
        except BadQuestion as exc:
            context["error"] = str(exc)
    answer = context["answer"]
    if answer:
        if answer["read_in"]:
            context["read_in"] = read_in_link(query, answer["read_in"])
        context["first_results"] = answer["results"][:FIRST_RESULTS]
        context["more_results"] = answer["results"][FIRST_RESULTS:]
        if needs_help_card(answer):
            context["help_card"] = True
            context["help_services"] = [
                v for v in this_minute(services_for_display) if v.service.is_emergency or v.state == "open"
            ]
    status = 400 if context["error"] else 200
    response = render(request, "search/ask.html", context, status=status)
    if "q" in request.GET:
        add_never_cache_headers(response)  # the question is in the address; no cache should keep it
    return response

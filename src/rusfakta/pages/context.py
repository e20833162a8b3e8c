from django.conf import settings
from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rusfakta.content.lookups import current_edition

# The main menu: label, URL name, and the view names (by prefix) of the pages inside that section.
MENU = [
    (_("Les"), "pages:contents", ("pages:contents", "pages:chapter")),
    (_("Spør"), "search:ask", ("search:",)),
    (_("Tall"), "statistics:list", ("statistics:",)),
    (_("Hva tror du?"), "tools:normcheck", ("tools:normcheck",)),
    (_("Blanding"), "tools:mixing", ("tools:mixing",)),
    (_("Quiz"), "tools:quiz", ("tools:quiz",)),
]


def menu(request):
    """The menu's links, each with its aria-current: "page" on the page itself, "true" inside its section."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    items = []
    for label, url_name, inside in MENU:
        href = reverse(url_name)
        current = ""
        if view_name.startswith(inside):
            current = "page" if request.path == href else "true"
        items.append({"href": href, "label": label, "current": current})
    return items


def site(request):
    lang = (get_language() or "nb")[:2]
    try:
        edition = current_edition()
    except DatabaseError:
        edition = None  # the 500 and 503 pages must render without a database
    editions = _editions(request, lang)
    return {
        "edition": edition,
        "lang": lang,
        "other_lang": "en" if lang == "nb" else "nb",
        "editions": [(code, url) for code, url, _name in editions],
        "other_editions": [item for item in editions if item[0] != lang],
        "menu": lambda: menu(request),
    }


EDITION_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def _editions(request, lang):
    """(language, the same page in it, its name) for every edition; on the pages that read their query
    string (the reader's question or answers) it is kept."""
    path = getattr(request, "path", "/") if request is not None else "/"
    prefix = f"/{lang}/"
    if lang != settings.LANGUAGE_CODE and path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    query = f"?{query}" if query and request.path.startswith(settings.QUERY_PAGES) else ""
    found = []
    for code, _name in settings.LANGUAGES:
        url = path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
        found.append((code, url + query, EDITION_NAMES.get(code, code)))
    return found

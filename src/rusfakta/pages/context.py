from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import get_language

from rusfakta.content.lookups import current_edition


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
        "editions": [(code, url) for code, url, _ in editions],
        "other_editions": [item for item in editions if item[0] != lang],
    }


EDITION_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def _editions(request, lang):
    """(language, the same page in it, its name) for every edition; the query string is kept."""
    path = getattr(request, "path", "/") if request is not None else "/"
    prefix = f"/{lang}/"
    if lang != settings.LANGUAGE_CODE and path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    query = f"?{query}" if query else ""
    found = []
    for code, _ in settings.LANGUAGES:
        url = path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
        found.append((code, url + query, EDITION_NAMES.get(code, code)))
    return found

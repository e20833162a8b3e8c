from django.db import DatabaseError
from django.utils.translation import get_language

from rusfakta.content.lookups import current_edition


def site(request):
    lang = (get_language() or "nb")[:2]
    try:
        edition = current_edition()
    except DatabaseError:
        edition = None  # the 500 and 503 pages must render without a database
    return {"edition": edition, "lang": lang, "other_lang": "en" if lang == "nb" else "nb"}

from django.utils.translation import get_language

from rusfakta.content.reading import current_edition


def site(request):
    lang = (get_language() or "nb")[:2]
    return {"edition": current_edition(), "lang": lang, "other_lang": "en" if lang == "nb" else "nb"}

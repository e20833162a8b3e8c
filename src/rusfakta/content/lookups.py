"""Lookups every page shares: the content version's stamp and the current edition."""

from rusfakta.content.models import ContentVersion, Edition
from rusfakta.content.themes import theme_title


def content_stamp():
    return ContentVersion.latest()[0]


def current_edition():
    return Edition.objects.first()


def chapters_by_theme(chapters, edition, lang=None):
    """[(theme title, its lang attribute, chapters)] in the edition's theme order, the titles in the
    language (a theme without a translation keeps its bokmål title, marked lang="nb"); chapters keep the
    booklet's order within a theme. A chapter whose theme the edition doesn't list comes last, under no
    title, so none is lost."""
    themes = edition.themes if edition else []
    grouped = {theme["id"]: (*theme_title(theme, lang), []) for theme in themes}
    rest = []
    for chapter in chapters:
        grouped.get(chapter.theme, (None, None, rest))[2].append(chapter)
    found = [group for group in grouped.values() if group[2]]
    return found + ([("", "", rest)] if rest else [])

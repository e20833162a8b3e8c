"""Lookups every page shares: the content version's stamp and the current edition."""

from rusfakta.content.models import ContentVersion, Edition


def content_stamp():
    return ContentVersion.latest()[0]


def current_edition():
    return Edition.objects.first()


def chapters_by_theme(chapters, edition):
    """[(theme title, chapters)] in the edition's theme order; chapters keep the booklet's order within a
    theme. A chapter whose theme the edition doesn't list comes last, under no title, so none is lost."""
    themes = edition.themes if edition else []
    grouped = {theme["id"]: (theme["title"], []) for theme in themes}
    rest = []
    for chapter in chapters:
        grouped.get(chapter.theme, (None, rest))[1].append(chapter)
    found = [(title, items) for title, items in grouped.values() if items]
    return found + ([("", rest)] if rest else [])

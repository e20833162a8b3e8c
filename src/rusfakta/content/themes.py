"""The contents page's theme titles (and the booklet's title, for the PDF's cover) as translated pack texts (decision 0016), like every other text.

The themes are a list in pack.yaml (`themes: [{id, title}]`); `<lang>/pack.yaml` holds only that list,
with the same ids in the same order and each title translated. Each theme is one translated text
(`pack.yaml#<theme id>`, record «theme <id>»): stamped, proofread, missing or stale like the others.
"""

from django.utils.safestring import mark_safe

from rusfakta.pack.problems import Problem
from rusfakta.pack.translations import Translatable, Unit, compare, shown
from rusfakta.pack.yamlfile import read_yaml

FILE = "pack.yaml"
THEME = Translatable(FILE, "theme", "content.Edition", fields=("title",))
# The booklet's title in the edition's language, for the PDF's cover (the original stays named there).
TITLE = Translatable(FILE, "edition", "content.Edition", fields=("title",))


def theme_units(pack, lang, edition):
    """One unit per bokmål theme, compared with `<lang>/pack.yaml` if there is one."""
    nb_found = read_yaml(pack.root / FILE, pack.root, [], FILE, shape=dict)
    themes = (nb_found.data.get("themes") if nb_found else None) or []
    nb_lines = nb_found.lines() if nb_found else None
    tr_rel = shown(pack, f"{lang}/{FILE}")
    theirs, tr_lines = _translated(pack, lang, edition, tr_rel)
    mine = [str(theme.get("id")) for theme in themes if isinstance(theme, dict)]
    order = list(theirs)
    for key in order:
        if key not in mine:
            edition.invalid.append(
                Problem(tr_rel, theirs[key][1], f"unknown theme id '{key}' (not in {FILE})")
            )
    if [k for k in order if k in mine] != [k for k in mine if k in theirs]:
        edition.invalid.append(Problem(tr_rel, tr_lines, f"themes are not in the order of {FILE}"))
    if nb_found and isinstance(nb_found.data.get("title"), str):
        _title_unit(pack, lang, edition, nb_found, tr_rel)
    for index, theme in enumerate(themes):
        if not isinstance(theme, dict):
            continue
        key = str(theme.get("id"))
        unit = Unit(THEME.kind, key, FILE, nb_lines.line_of("themes", index), {}, where=tr_rel)
        unit.shown = shown(pack, FILE)
        if key in theirs:
            data, line = theirs[key]
            unit.where_line, unit.text, problems = line, {}, []

            def problem(path, message, copy=False, line=line, key=key, out=problems):
                (edition.copies if copy else out).append(Problem(tr_rel, line, f"theme {key}: {message}"))

            compare(theme, data, THEME, (), problem, unit.source, unit.text)
            if problems:
                unit.invalid = True
                edition.invalid.extend(problems)
        else:
            compare(theme, theme, THEME, (), lambda *_: None, unit.source, {})
        if unit.source:
            edition.units.append(unit)


def _title_unit(pack, lang, edition, nb_found, tr_rel):
    unit = Unit(TITLE.kind, "title", FILE, nb_found.lines().line_of("title"), {}, where=tr_rel)
    unit.shown = shown(pack, FILE)
    unit.source = {"title": nb_found.data["title"]}
    path = pack.root / lang / FILE
    found = read_yaml(path, pack.root, [], FILE, shape=dict) if path.exists() else None
    title = found.data.get("title") if found else None
    if isinstance(title, str) and title.strip():
        unit.text, unit.where_line = {"title": title}, found.lines().line_of("title")
    edition.units.append(unit)


def _translated(pack, lang, edition, tr_rel):
    """{theme id: (data, line)} of `<lang>/pack.yaml`, and the line of its `themes:`; problems reported."""
    path = pack.root / lang / FILE
    if not path.exists():
        return {}, 1
    found = read_yaml(path, pack.root, edition.invalid, "translated themes", shape=dict)
    if found is None:
        return {}, 1
    lines = found.lines()
    for key in found.data:
        if key not in ("themes", "title"):
            edition.invalid.append(
                Problem(
                    tr_rel, lines.line_of(key), f"'{key}': only the title and themes of {FILE} are translated"
                )
            )
    themes = found.data.get("themes")
    if not isinstance(themes, list):
        edition.invalid.append(Problem(tr_rel, 1, "'themes' must be a list of {id, title}"))
        return {}, 1
    theirs = {}
    for index, theme in enumerate(themes):
        if isinstance(theme, dict):
            theirs[str(theme.get("id"))] = (theme, lines.line_of("themes", index))
        else:
            edition.invalid.append(
                Problem(tr_rel, lines.line_of("themes", index), "each theme must be a mapping")
            )
    return theirs, lines.line_of("themes")


def export_themes(root, lang, rows):
    """Write `<lang>/pack.yaml` from the bokmål pack.yaml already exported into root; returns {record: name}."""
    from rusfakta.pack.dump import dump_yaml
    from rusfakta.pack.translations_sync import overlay

    found = read_yaml(root / FILE, root, [], FILE, shape=dict)
    names, out = {}, []
    for theme in (found.data.get("themes") if found else None) or []:
        row = rows.get(f"{THEME.kind} {theme.get('id')}")
        if row:
            out.append(overlay(theme, row.fields))
            names[row.record] = f"{FILE}#{theme.get('id')}"
    title = rows.get(f"{TITLE.kind} title")
    if title:
        names[title.record] = f"{FILE}#title"
    if out or title:
        dump_yaml(root / lang / FILE, {**({"title": title.fields["title"]} if title else {}), "themes": out})
    return names


def edition_title(edition, lang=None):
    """The booklet's title in the language (for the PDF's cover); bokmål, as published, if untranslated."""
    from rusfakta.pack.translated import NB, current_language, table

    lang = current_language(lang)
    fields = table(lang).get(f"{TITLE.kind} title") if lang != NB else None
    return (fields or {}).get("title") or edition.title


def theme_title(theme, lang):
    """(title, lang attribute) of one theme ({id, title}) in the language: bokmål, marked, if untranslated."""
    from rusfakta.pack.translated import NB, current_language, table

    lang = current_language(lang)
    if lang == NB:
        return theme["title"], ""
    fields = table(lang).get(f"{THEME.kind} {theme['id']}")
    if not fields or not fields.get("title"):
        return theme["title"], mark_safe(' lang="nb"')
    return fields["title"], ""

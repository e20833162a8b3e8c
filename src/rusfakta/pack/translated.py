"""Translated text at request time (decision 0016): `translate(obj)` puts the active language's text in
place of a row's bokmål prose, for showing only (the row is never saved after that).

A row without a translation keeps its bokmål text and gets `lang = "nb"`, and `lang_attr` is
` lang="nb"` for the element that shows it, so screen readers read it as Norwegian. A row in the
page's language gets `lang_attr = ""`. Translations are read once per content version and language.
"""

import copy
import threading

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from rusfakta.pack.translations import sections_with, specs

NB = "nb"
_cache = threading.local()


def current_language(lang=None):
    return (lang or get_language() or NB)[:2]


def _spec_for(obj):
    label = obj._meta.label.lower()
    found = getattr(_cache, "specs", None)
    if found is None:
        rows = [spec for module in sections_with("ROW_SPECS") for spec in module.ROW_SPECS]
        found = _cache.specs = {spec.model.lower(): spec for spec in specs() + rows}
    return found.get(label)


def table(lang):
    """{record: fields} of one language, cached per content version."""
    from django.apps import apps

    from rusfakta.pack.models import Translation

    stamp = apps.get_model("content.ContentVersion").latest()[0]
    found = getattr(_cache, "tables", {})
    if found.get("stamp") != stamp:
        found = {"stamp": stamp}
        _cache.tables = found
    if lang not in found:
        found[lang] = dict(Translation.objects.filter(lang=lang).values_list("record", "fields"))
    return found[lang]


def _key(obj, spec):
    value = obj
    for part in spec.key_attr.split("."):
        value = getattr(value, part)
    return value


def translate(obj, lang=None, texts=None):
    """obj with the language's prose in place; returns obj (None stays None)."""
    if obj is None or getattr(obj, "translated_to", None):
        return obj
    lang = current_language(lang)
    obj.translated_to, obj.lang, obj.lang_attr = lang, lang, ""
    if lang == NB:
        return obj
    spec = _spec_for(obj)
    texts = table(lang) if texts is None else texts
    fields = texts.get(f"{spec.kind} {_key(obj, spec)}") if spec else None
    if fields is None:
        obj.lang, obj.lang_attr = NB, mark_safe(' lang="nb"')
        return obj
    for dotted, text in fields.items():
        _put(obj, dotted.split("."), text, spec)
    return obj


def _put(obj, parts, text, spec):
    name = spec.columns.get(parts[0], parts[0])
    if name == "id":
        return
    if len(parts) == 1:
        setattr(obj, name, "\n".join(text) if isinstance(text, list) else text)
        return
    value = getattr(obj, name, None)
    if isinstance(value, list | dict):  # a JSON field: bars.0.label, options.1
        value = copy.deepcopy(value)
        target = value
        for part in parts[1:-1]:
            target = target[int(part) if part.isdigit() else part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = text
        setattr(obj, name, value)
    else:  # rows under a reverse foreign key (a substance's statements): translate_children
        obj.__dict__.setdefault("child_texts", {}).setdefault(name, {})[parts[1]] = {parts[2]: text}


def marked(text, obj):
    """text as HTML, in a `<span lang="nb">` when obj is shown in bokmål for want of a translation: for a
    pack text inside an interface sentence («Kokain blandet med {name}»), where no element of its own has it."""
    attr = getattr(obj, "lang_attr", "")
    return format_html("<span{}>{}</span>", attr, text) if attr else conditional_escape(text)


def translate_children(parent, name, rows, lang=None):
    """The child rows (in order) with the parent's translated texts for them (statements.N.text)."""
    translate(parent, lang)
    texts = getattr(parent, "child_texts", {}).get(name, {})
    rows = list(rows)
    for index, row in enumerate(rows):
        row.lang, row.lang_attr = parent.lang, parent.lang_attr
        for field, text in texts.get(str(index), {}).items():
            setattr(row, field, text)
    return rows


def translate_all(rows, lang=None):
    rows, lang = list(rows), current_language(lang)
    texts = table(lang) if lang != NB else {}
    for row in rows:
        translate(row, lang, texts)
    return rows

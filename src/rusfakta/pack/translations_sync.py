"""Translations ↔ the database (decision 0016): one Translation row per translated text and language.

A load writes a row for every translated text of every language (a text without a translation has no
row, and the site shows the bokmål one, marked lang="nb"). The export writes `<lang>/` next to the
bokmål files it has just written, in their layout: each record of the bokmål file with its prose
replaced by the translation, then `translated.yaml` and `proofread.txt`, so load → export → load
changes nothing."""

import copy

from rusfakta.pack.dump import dump_yaml
from rusfakta.pack.translations import PROOFREAD, languages, sections_with, specs, write_stamps
from rusfakta.pack.yamlfile import read_yaml


def load_translations(pack):
    from rusfakta.pack.models import Translation

    rows = []
    for lang, edition in pack.translations.items():
        for order, unit in enumerate(u for u in edition.units if u.text is not None):
            rows.append(
                Translation(
                    lang=lang,
                    record=unit.record,
                    name=unit.name,
                    fields=unit.text,
                    source=unit.source,
                    source_hash=unit.stamp,
                    proofread=unit.proofread,
                    order=order,
                )
            )
    Translation.objects.all().delete()
    Translation.objects.bulk_create(rows)


def overlay(data, texts):
    """The bokmål record with its prose replaced: texts is {dotted path: text}."""
    data = copy.deepcopy(data)
    for dotted, text in texts.items():
        parts = [int(p) if p.isdigit() else p for p in dotted.split(".")]
        target = data
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = text
    return data


def export_translations(root):
    """Write <lang>/ for every language that has translations, from the bokmål files already in root."""
    from rusfakta.pack.models import Translation

    for lang in languages():
        rows = {row.record: row for row in Translation.objects.filter(lang=lang)}
        if not rows:
            continue
        names = {}  # record → name in this export's layout
        for spec in specs():
            _export_spec(root, lang, spec, rows, names)
        for module in sections_with("export_translation"):
            names.update(module.export_translation(root, lang, rows))
        write_stamps(
            root / lang,
            {names[r]: row.source_hash for r, row in rows.items() if r in names and row.source_hash},
        )
        proofread = [names[r] for r, row in rows.items() if r in names and row.proofread]
        (root / lang / PROOFREAD).write_text("".join(f"{name}\n" for name in proofread), encoding="utf-8")


def _export_spec(root, lang, spec, rows, names):
    shape = list if spec.key else dict
    for path in sorted(root.glob(spec.pattern)):
        rel = path.relative_to(root).as_posix()
        found = read_yaml(path, root, [], rel, shape=shape)
        if found is None:
            continue
        if spec.key is None:
            out = {}
            for key, data in found.data.items():
                row = rows.get(f"{spec.kind} {key}")
                if row:
                    out[key] = overlay(data, row.fields)
                    names[row.record] = f"{rel}#{key}"
        else:
            out = []
            for data in found.data:
                row = rows.get(f"{spec.kind} {data.get(spec.key)}")
                if row:
                    out.append(overlay(data, row.fields))
                    names[row.record] = f"{rel}#{data.get(spec.key)}"
        if out:
            dump_yaml(root / lang / rel, out)

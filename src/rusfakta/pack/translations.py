"""Translated editions of the pack (decision 0016): `<lang>/` mirrors the bokmål files with the same ids.

Each app's section says which of its files are translated and which of their fields are prose
(`TRANSLATED`, a list of `Translatable`); everything else in a translated file must be the bokmål
value, verbatim. The content section reads its translated chapters itself (`translation_units`).
A translated text is a `Unit`: one record (or chapter, or passage) with its bokmål prose and its
translation, both as {field path: text}. `<lang>/translated.yaml` keeps, per unit, the hash of the
bokmål prose it was translated from, so a later change to the bokmål shows it stale;
`<lang>/proofread.txt` lists the units a person has proofread.
"""

import hashlib
import json
from dataclasses import dataclass, field
from importlib import import_module

from rusfakta.pack import refs
from rusfakta.pack.dump import yaml_text
from rusfakta.pack.problems import Problem, relative
from rusfakta.pack.yamlfile import read_yaml

STAMPS, PROOFREAD = "translated.yaml", "proofread.txt"
MISSING = object()


@dataclass(frozen=True)
class Translatable:
    """One kind of translated file: `pattern` (relative to the pack, e.g. "statistics/*.yaml"),
    the records' kind (as in pack/state.py), the field that names a record (None: the file is a
    mapping and its keys name them), the prose fields as dotted patterns ("bars.*.label"), the
    model that holds the records and how a model row names its record (`key_attr`)."""

    pattern: str
    kind: str
    model: str
    key: str | None = "id"
    fields: tuple = ()
    key_attr: str = "slug"
    columns: dict = field(default_factory=dict)
    refuse: object = None  # a compiled pattern no prose may match (the tools' "safe" words)

    def prose(self, path):
        return any(_matches(pattern, path) for pattern in self.fields)

    def below(self, path):
        """Whether some prose stands inside the value at path (a list of option texts)."""
        return any(
            len(p.split(".")) > len(path) and _matches(".".join(p.split(".")[: len(path)]), path)
            for p in self.fields
        )


def _matches(pattern, path):
    parts = pattern.split(".")
    return len(parts) == len(path) and all(p in ("*", str(q)) for p, q in zip(parts, path, strict=True))


def _dotted(path):
    return ".".join(str(part) for part in path)


def _empty(value):
    return value is MISSING or value in (None, "", [], {})


@dataclass
class Unit:
    """One translated text: a record's prose in bokmål (`source`) and in the language (`text`, or None)."""

    kind: str
    key: str
    file: str  # the bokmål file, relative to the pack: "statistics/norge.yaml"
    line: int
    source: dict
    text: dict | None = None
    where: str = ""  # the translated file, as problems name it («kokain/nn/quiz.yaml»)
    shown: str = ""  # the bokmål file, as problems name it
    where_line: int = 1
    invalid: bool = False
    stamp: str = ""
    proofread: bool = False

    @property
    def name(self):
        return f"{self.file}#{self.key}"

    @property
    def record(self):
        return f"{self.kind} {self.key}"

    @property
    def hash(self):
        return source_hash(self.source)

    @property
    def stale(self):
        return self.text is not None and self.stamp != self.hash


def source_hash(source):
    text = json.dumps({k: v for k, v in source.items() if not _empty(v)}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class Edition:
    """What one language's folder holds: its units and the problems, by kind of problem."""

    lang: str
    units: list = field(default_factory=list)
    invalid: list = field(default_factory=list)  # wrong {stat:}, unknown id, untranslated prose …
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    # A copied (non-prose) value that is not the bokmål one, such as a figure an editor changed in the
    # bokmål file: `content check` fails on it, but it doesn't stop a load, which takes every such
    # value from bokmål anyway; the translation's prose stays valid.
    copies: list = field(default_factory=list)

    @property
    def problems(self):
        return self.invalid + self.copies + self.missing + self.stale


def compare(nb, tr, spec, path=(), problem=None, source=None, text=None):
    """Walk a bokmål value and its translation side by side: prose goes into source/text by dotted
    path, every other value must be the same. problem(path, message) reports."""
    if spec.prose(path):
        if _empty(nb):
            if not _empty(tr):
                problem(path, f"'{_dotted(path)}' is empty in bokmål but not here")
            return
        if _empty(tr) or not isinstance(tr, type(nb)):
            problem(path, f"'{_dotted(path)}' is not translated")
            return
        source[_dotted(path)], text[_dotted(path)] = nb, tr
        found = spec.refuse and spec.refuse.search(" ".join(tr) if isinstance(tr, list) else tr)
        if found:
            problem(path, f"'{_dotted(path)}' says {found.group(0)!r}: never call a mixture safe or low risk")
        mine, theirs = _refs(nb), _refs(tr)
        if mine != theirs:
            problem(
                path,
                f"'{_dotted(path)}' uses {theirs or 'no'} {{stat:}} references; bokmål uses {mine or 'none'}",
            )
        return
    if isinstance(nb, dict) and isinstance(tr, dict):
        for key in list(nb) + [k for k in tr if k not in nb]:
            compare(nb.get(key, MISSING), tr.get(key, MISSING), spec, (*path, key), problem, source, text)
    elif (
        isinstance(nb, list)
        and isinstance(tr, list)
        and (spec.below(path) or any(isinstance(i, dict | list) for i in nb + tr))
    ):
        if len(nb) != len(tr):
            problem(path, f"'{_dotted(path)}' has {len(tr)} entries; bokmål has {len(nb)}")
            return
        for index, (a, b) in enumerate(zip(nb, tr, strict=True)):
            compare(a, b, spec, (*path, index), problem, source, text)
    elif not (_empty(nb) and _empty(tr)) and nb != tr:
        shown = "(none)" if tr is MISSING else repr(tr)
        problem(path, f"'{_dotted(path)}' must be as in bokmål ({nb!r}), not {shown}", True)


def _refs(value):
    texts = value if isinstance(value, list) else [value]
    return sorted(ref for text in texts for ref in refs.stat_refs(str(text)))


def _entries(found, spec):
    """(key, data, Lines) of each record in a YAML file, in order."""
    if found is None:
        return []
    if spec.key is None:
        if not isinstance(found.data, dict):
            return []
        return [
            (key_node.value, found.data[key_node.value], found.lines(value_node))
            for key_node, value_node in found.node.value
        ]
    if not isinstance(found.data, list):
        return []
    return [
        (str(item.get(spec.key)), item, found.lines(node))
        for node, item in zip(found.node.value, found.data, strict=True)
        if isinstance(item, dict)
    ]


def yaml_units(pack, lang, spec, edition):
    """Read every translated file of one spec and compare it with its bokmål file."""
    root = pack.root
    shape = list if spec.key else dict
    for nb_path in sorted(root.glob(spec.pattern)):
        rel = nb_path.relative_to(root).as_posix()
        nb_found = read_yaml(nb_path, root, [], rel, shape=shape)
        tr_path = root / lang / rel
        tr_found = read_yaml(tr_path, root, edition.invalid, rel, shape=shape) if tr_path.exists() else None
        tr_rel = shown(pack, f"{lang}/{rel}")
        theirs = {key: (data, lines) for key, data, lines in _entries(tr_found, spec)}
        order = [key for key, _, _ in _entries(tr_found, spec)]
        mine = _entries(nb_found, spec)
        for key in order:
            if key not in {k for k, _, _ in mine}:
                edition.invalid.append(
                    Problem(tr_rel, theirs[key][1].line, f"unknown id '{key}' (not in {rel})")
                )
        if [k for k in order if k in theirs] != [k for k, _, _ in mine if k in theirs]:
            edition.invalid.append(Problem(tr_rel, 1, f"records are not in the order of {rel}"))
        for key, data, lines in mine:
            unit = Unit(spec.kind, key, rel, lines.line, {}, where=tr_rel, shown=shown(pack, rel))
            if key in theirs:
                tr_data, tr_lines = theirs[key]
                unit.where_line = tr_lines.line
                unit.text, problems = {}, []

                copies = []

                def problem(
                    path, message, copy=False, lines=tr_lines, out=(problems, copies), where=tr_rel, key=key
                ):
                    out[copy].append(Problem(where, lines.line_of(*path), f"{key}: {message}"))

                compare(data, tr_data, spec, (), problem, unit.source, unit.text)
                edition.copies += copies
                if problems:
                    unit.invalid = True
                    edition.invalid += problems
            else:
                source = {}
                compare(data, data, spec, (), lambda *_: None, source, {})
                unit.source = source
            if unit.source:
                edition.units.append(unit)


def shown(pack, rel):
    """A file of the pack (relative to it) as problems name it: «kokain/nn/quiz.yaml»."""
    return relative(pack.root / rel, pack.root)


def sections_with(name):
    from rusfakta.pack.sections import SECTIONS

    found = []
    for app in SECTIONS:
        module = import_module(f"rusfakta.{app}.pack")
        if hasattr(module, name):
            found.append(module)
    return found


def specs():
    return [spec for module in sections_with("TRANSLATED") for spec in module.TRANSLATED]


def languages():
    from django.conf import settings

    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def read_edition(pack, lang):
    edition = Edition(lang)
    for spec in specs():
        yaml_units(pack, lang, spec, edition)
    for module in sections_with("translation_units"):
        module.translation_units(pack, lang, edition)
    stamps, proofread = _read_stamps(pack, lang, edition), _read_proofread(pack, lang, edition)
    names = {unit.name for unit in edition.units}
    listed = [(STAMPS, name, line) for name, (_, line) in stamps.items()]
    listed += [(PROOFREAD, name, line) for name, line in proofread.items()]
    for where, name, line in listed:
        if name not in names:
            edition.invalid.append(Problem(shown(pack, f"{lang}/{where}"), line, f"unknown text '{name}'"))
    for unit in edition.units:
        unit.stamp = stamps.get(unit.name, ("", 0))[0]
        unit.proofread = unit.name in proofread
        if unit.text is None:
            edition.missing.append(
                Problem(
                    unit.shown or unit.file,
                    unit.line,
                    f"no {lang} translation of '{unit.key}' (in {unit.where})",
                )
            )
        elif unit.stale:
            why = "never stamped" if not unit.stamp else "the bokmål text changed after it was translated"
            edition.stale.append(
                Problem(
                    unit.where,
                    unit.where_line,
                    f"stale {lang} translation of '{unit.key}': {why} "
                    f"(check it, then `rusfakta content translations stamp --lang {lang}`)",
                )
            )
    return edition


def _read_stamps(pack, lang, edition):
    path = pack.root / lang / STAMPS
    if not path.exists():
        return {}
    found = read_yaml(path, pack.root, edition.invalid, "translation stamps", shape=dict)
    if found is None:
        return {}
    lines = found.lines()
    stamps = {}
    for name, value in found.data.items():
        if not isinstance(value, str):
            edition.invalid.append(
                Problem(found.rel, lines.line_of(name), f"'{name}': the stamp must be a hash")
            )
            continue
        stamps[str(name)] = (value, lines.line_of(name))
    return stamps


def _read_proofread(pack, lang, edition):
    path = pack.root / lang / PROOFREAD
    if not path.exists():
        return {}
    names = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("  #")[0].strip()
        if line and not line.startswith("#"):
            names[line] = number
    return names


def read_translations(pack):
    """Every language's edition of a pack read without problems of its own (sections.read_pack)."""
    pack.translations = {}
    if not pack.root.is_dir():
        return
    for lang in languages():
        pack.translations[lang] = read_edition(pack, lang)


def stamp(pack, lang):
    """Write <lang>/translated.yaml: each translated text with the hash of its bokmål text now.
    Returns the number of texts stamped. Texts with problems of their own are left as they were."""
    edition = pack.translations[lang]
    stamps = {unit.name: unit.stamp for unit in edition.units if unit.text is not None and unit.stamp}
    count = 0
    for unit in edition.units:
        if unit.text is not None and not unit.invalid:
            stamps[unit.name] = unit.hash
            count += 1
    write_stamps(pack.root / lang, stamps)
    return count


def write_stamps(folder, stamps):
    folder.mkdir(parents=True, exist_ok=True)
    text = "# Each translated text → the hash of the bokmål text it was translated from.\n"
    text += "# Written by `rusfakta content translations stamp --lang …`; don't edit by hand.\n"
    if stamps:
        text += yaml_text(dict(sorted(stamps.items())), width=200)
    (folder / STAMPS).write_text(text, encoding="utf-8")


def status(edition):
    units = edition.units
    return {
        "texts": len(units),
        "translated": sum(u.text is not None for u in units),
        "missing": sum(u.text is None for u in units),
        "stale": sum(u.stale for u in units),
        "invalid": len(edition.invalid),
        "proofread": sum(u.proofread for u in units),
    }

"""A copy of the real pack with complete nynorsk and English editions made by machine, for testing the
editions before the translators' files land. Not a translation: nynorsk swaps the bokmål-only words
for their nynorsk forms, English replaces each text by an English sentence with the same {stat:}
references (and keeps the reader questions answerable in English words)."""

import re
import shutil

from rusfakta.content.translated import chapter_markdown, passage_fields
from rusfakta.pack.dump import dump_yaml
from rusfakta.pack.sections import read_pack
from rusfakta.pack.translations import PROOFREAD, specs, stamp
from rusfakta.pack.translations_sync import overlay
from rusfakta.pack.yamlfile import read_yaml

# bokmål-only word → nynorsk (the words the language test looks for, and a few more)
NYNORSK = {
    "ikke": "ikkje",
    "hva": "kva",
    "hvordan": "korleis",
    "hvorfor": "kvifor",
    "jeg": "eg",
    "noen": "nokon",
    "noe": "noko",
    "bare": "berre",
    "mye": "mykje",
    "også": "òg",
    "hvis": "viss",
    "fra": "frå",
    "hvem": "kven",
    "hvor": "kvar",
    "hver": "kvar",
    "hvert": "kvart",
    "hvilke": "kva for",
    "hvilken": "kva for",
    "hvilket": "kva for",
    "være": "vere",
    "vært": "vore",
    "mer": "meir",
    "flere": "fleire",
    "selv": "sjølv",
    "uten": "utan",
    "sammen": "saman",
    "dere": "de",
    "disse": "desse",
    "sier": "seier",
    "gjør": "gjer",
    "ble": "vart",
    "deres": "deira",
    "dem": "dei",
    "mellom": "mellom",
    "bli": "bli",
    "hjem": "heim",
}
QUALIFIER = {
    "nesten": "almost",
    "rundt": "around",
    "over": "over",
    "litt over": "just over",
    "omtrent": "about",
    "anslagsvis": "an estimated",
    "mer enn": "more than",
    "ca.": "about",
    "flere": "several",
    "estimert": "an estimated",
}
WORD = re.compile(r"[A-Za-zÆØÅæøå]+")
STAT = re.compile(r"\{stat:[^}]+\}")


def to_nynorsk(text):
    parts = re.split(r"(\{stat:[^}]+\})", text)
    return "".join(part if part.startswith("{stat:") else _nynorsk_words(part) for part in parts)


def _nynorsk_words(text):
    def swap(match):
        word = match.group(0)
        new = NYNORSK.get(word.lower())
        if new is None:
            return word
        return new[0].upper() + new[1:] if word[0].isupper() else new

    return WORD.sub(swap, text)


def to_english(text, n):
    refs = " ".join(STAT.findall(text))
    return f"English text number {n} about cocaine{(' with ' + refs) if refs else ''}."


def transform(lang, value, counter):
    if isinstance(value, list):
        return [transform(lang, item, counter) for item in value]
    counter[0] += 1
    if lang == "nn":
        return to_nynorsk(value)
    if "\n\n" in value or value.startswith("- "):  # passage text: keep paragraphs and lists
        return "\n\n".join(to_english(part, counter[0]) for part in value.split("\n\n"))
    return to_english(value, counter[0])


def make_translated_pack(source, dest, langs=("nn", "en")):
    shutil.copytree(source, dest)
    for lang in langs:
        shutil.rmtree(dest / lang, ignore_errors=True)
    pack = read_pack(dest)
    assert not pack.problems, pack.problems
    for lang in langs:
        counter = [0]
        texts = {}
        for unit in pack.translations[lang].units:
            texts[unit.record] = {
                path: QUALIFIER[value]
                if path == "qualifier" and lang == "en"
                else transform(lang, value, counter)
                for path, value in unit.source.items()
            }
        _write(dest, lang, pack, texts)
    pack = read_pack(dest)
    for lang in langs:
        stamp(pack, lang)
        names = [unit.name for unit in pack.translations[lang].units]
        (dest / lang / PROOFREAD).write_text("\n".join(names[: len(names) // 2]) + "\n", encoding="utf-8")
    return dest


def _write(dest, lang, pack, texts):
    for spec in specs():
        shape = list if spec.key else dict
        for path in sorted(dest.glob(spec.pattern)):
            rel = path.relative_to(dest).as_posix()
            found = read_yaml(path, dest, [], rel, shape=shape)
            if spec.key is None:
                out = {k: overlay(v, texts.get(f"{spec.kind} {k}", {})) for k, v in found.data.items()}
            else:
                out = [overlay(d, texts.get(f"{spec.kind} {d.get(spec.key)}", {})) for d in found.data]
            dump_yaml(dest / lang / rel, out)
    edition = read_yaml(dest / "pack.yaml", dest, [], "pack.yaml", shape=dict).data
    themes = [overlay(theme, texts.get(f"theme {theme['id']}", {})) for theme in edition.get("themes") or []]
    title = texts.get("edition title", {}).get("title", edition["title"])
    dump_yaml(dest / lang / "pack.yaml", {"title": title, "themes": themes})
    for chapter in pack.chapters:
        front = overlay(chapter.data.model_dump(), texts[f"chapter {chapter.data.id}"])
        passages = [
            (p.slug, overlay(passage_fields(p), texts[f"passage {p.slug}"])) for p in chapter.passages
        ]
        target = dest / lang / (dest.parent / chapter.path).relative_to(dest)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(chapter_markdown(front, passages), encoding="utf-8")

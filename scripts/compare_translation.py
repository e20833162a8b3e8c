"""Compare translated chapter files (content/kokain/<lang>/chapters) with their bokmål originals.

Checks, per file: same front matter keys with `id` and `kind` unchanged; the same `#` sections and
`## … {#id}` passages in the same order; `sources:` and `pages:` copied verbatim; 5–8 questions;
the same `{stat:…}` references (as a multiset) in the title/summary and in every passage body.
Usage: python scripts/compare_translation.py <lang> [file ...]   (exit 1 on any difference)
"""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent / "content" / "kokain"
STAT = re.compile(r"\{stat:[^}]*\}")
PASSAGE = re.compile(r"^##\s+.+?\{#(?P<id>[^}]*)\}\s*$")


def parse(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    units, current = [], {"kind": "front", "id": "", "fields": {}, "text": ""}
    for line in body.splitlines():
        match = PASSAGE.match(line)
        if match:
            units.append(current)
            current = {"kind": "passage", "id": match["id"], "fields": {}, "text": ""}
        elif line.startswith("# "):
            units.append(current)
            current = {"kind": "section", "id": "", "fields": {}, "text": ""}
        elif current["kind"] == "passage" and re.match(r"^(sources|pages|questions):", line):
            key, value = line.split(":", 1)
            current["fields"][key] = value.strip()
        else:
            current["text"] += line + "\n"
    units.append(current)
    return yaml.safe_load(front), units


def compare(original, translated):
    problems = []
    front_o, units_o = parse(original)
    front_t, units_t = parse(translated)
    if list(front_o) != list(front_t):
        problems.append(f"front matter keys differ: {list(front_o)} vs {list(front_t)}")
    for key in ("id", "kind"):
        if front_o.get(key) != front_t.get(key):
            problems.append(f"front matter {key} differs")
    for key in ("title", "summary"):
        if Counter(STAT.findall(str(front_o.get(key)))) != Counter(STAT.findall(str(front_t.get(key)))):
            problems.append(f"{{stat:}} references differ in {key}")
    shape_o = [(u["kind"], u["id"]) for u in units_o]
    shape_t = [(u["kind"], u["id"]) for u in units_t]
    if shape_o != shape_t:
        return problems + [f"structure differs:\n  {shape_o}\n  {shape_t}"]
    for unit_o, unit_t in zip(units_o, units_t):
        where = unit_o["id"] or unit_o["kind"]
        for key in ("sources", "pages"):
            if unit_o["fields"].get(key) != unit_t["fields"].get(key):
                problems.append(f"{where}: {key} not verbatim")
        if unit_o["kind"] == "passage":
            questions = [q for q in unit_t["fields"].get("questions", "").split(";") if q.strip()]
            if not 5 <= len(questions) <= 8:
                problems.append(f"{where}: {len(questions)} questions (want 5–8)")
        if Counter(STAT.findall(unit_o["text"])) != Counter(STAT.findall(unit_t["text"])):
            problems.append(f"{where}: {{stat:}} references differ")
        if unit_o["text"].count("\n- ") != unit_t["text"].count("\n- "):
            problems.append(f"{where}: number of list items differs")
        if unit_o["text"].count("**") != unit_t["text"].count("**"):
            problems.append(f"{where}: bold markup differs")
    return problems


def main(argv):
    lang, names = argv[0], argv[1:]
    folder = ROOT / lang / "chapters"
    paths = [folder / n for n in names] if names else sorted(folder.glob("*.md"))
    failed = False
    for path in paths:
        problems = compare(ROOT / "chapters" / path.name, path)
        print(f"{path.name}: {'ok' if not problems else 'DIFFERS'}")
        for problem in problems:
            print(f"  - {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

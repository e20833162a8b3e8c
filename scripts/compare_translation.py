"""Compare translated chapter files with their bokmål originals.

Usage: python scripts/compare_translation.py nn [file ...]

Checks per chapter: same front matter keys with id/kind unchanged, the same
section and passage headings in the same order with the same ids, sources and
pages lines verbatim, 5-8 questions, the same {stat:} references per text, no
Apertium marks (* # @) left in prose.
"""

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "content" / "kokain"
STAT = re.compile(r"\{stat:[^}]+\}")


def parse(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().split("\n"))
    blocks = []  # (kind, id, fields, body text)
    current = None
    for line in body.split("\n"):
        m = re.match(r"^(#{1,2}) (.*?)(?: \{#([^}]+)\})?$", line)
        if m:
            current = [m.group(1), m.group(3), {}, [], m.group(2)]
            blocks.append(current)
            continue
        f = re.match(r"^(sources|pages|questions): (.*)$", line)
        if f and current is not None and not current[3]:
            current[2][f.group(1)] = f.group(2)
            continue
        if current is not None and line.strip():
            current[3].append(line)
    return meta, blocks


def compare(rel, lang):
    problems = []
    nb_meta, nb = parse(ROOT / rel)
    tr_meta, tr = parse(ROOT / lang / rel)
    if set(nb_meta) != set(tr_meta):
        problems.append(f"front matter keys differ: {sorted(nb_meta)} vs {sorted(tr_meta)}")
    for key in ("id", "kind"):
        if nb_meta.get(key) != tr_meta.get(key):
            problems.append(f"{key} differs")
    for key in ("title", "summary"):
        if Counter(STAT.findall(nb_meta.get(key, ""))) != Counter(STAT.findall(tr_meta.get(key, ""))):
            problems.append(f"{key}: stat references differ")
    shape_nb = [(b[0], b[1]) for b in nb]
    shape_tr = [(b[0], b[1]) for b in tr]
    if shape_nb != shape_tr:
        problems.append(f"heading structure differs:\n  {shape_nb}\n  {shape_tr}")
        return problems
    for a, b in zip(nb, tr, strict=True):
        label = b[1] or b[4]
        for key in ("sources", "pages"):
            if a[2].get(key) != b[2].get(key):
                problems.append(f"{label}: {key} not verbatim")
        if a[1]:
            qs = [q for q in b[2].get("questions", "").split(";") if q.strip()]
            if not 5 <= len(qs) <= 8:
                problems.append(f"{label}: {len(qs)} questions (want 5-8)")
            if STAT.search(b[2].get("questions", "")):
                problems.append(f"{label}: stat reference in questions")
        if Counter(STAT.findall("\n".join(a[3]))) != Counter(STAT.findall("\n".join(b[3]))):
            problems.append(f"{label}: stat references differ")
        prose = STAT.sub("", "\n".join(b[3]) + b[4] + b[2].get("questions", ""))
        if re.search(r"[*#@]", prose.replace("**", "")):
            problems.append(f"{label}: stray * # or @ mark")
        if len([x for x in a[3] if x.startswith("- ")]) != len([x for x in b[3] if x.startswith("- ")]):
            problems.append(f"{label}: list items differ in number")
    return problems


def main(argv):
    lang = argv[1]
    files = argv[2:] or sorted(
        str(p.relative_to(ROOT / lang)) for p in (ROOT / lang / "chapters").glob("*.md")
    )
    bad = 0
    for rel in files:
        rel = rel.split("content/kokain/")[-1].removeprefix(f"{lang}/")
        problems = compare(rel, lang)
        print(f"{rel}: {'ok' if not problems else 'PROBLEMS'}")
        for p in problems:
            print("  -", p)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""List gettext strings of the English catalogue that another language lacks.

Usage: python scripts/po_missing.py [LANG] [--po]

LANG defaults to nn. For each catalogue in src/rusfakta/locale/en/LC_MESSAGES
(django.po, djangojs.po), prints every msgid (with its msgctxt, if any) that
is missing from LANG's catalogue of the same name, has an empty msgstr (or an
empty plural form), or is marked fuzzy there. With --po the entries are printed
as PO stanzas with empty msgstrs (English text as a translator comment), ready
to translate and append to LANG's file. Exits 1 when anything is missing, so it
can be used as a check. Standard library only.
"""

import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "src" / "rusfakta" / "locale"
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(text):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a PO string: {text!r}")
    out, i, body = [], 0, text[1:-1]
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(ESCAPES.get(body[i + 1], "\\" + body[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def parse(path):
    """Entries of a PO file as dicts: ctxt, id, id_plural, str (list), flags."""
    return parse_text(path.read_text(encoding="utf-8"), path)


def parse_text(text, name="<po>"):
    """Entries of PO text (see parse); the header entry is left out."""
    entries, entry, key = [], None, None

    def finish():
        if entry is not None and "id" in entry:
            entries.append(entry)

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#~"):
            continue  # obsolete entry
        if not line or line.startswith("#"):
            if (not line or line.startswith("#,")) and entry is not None and "id" in entry:
                finish()
                entry, key = None, None
            if line.startswith("#,"):
                entry = entry or {"flags": set(), "str": []}
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        try:
            if line.startswith('"'):
                if key is None:
                    raise ValueError("string without a keyword")
                if isinstance(key, int):
                    entry["str"][key] += unquote(line)
                else:
                    entry[key] += unquote(line)
                continue
            word, _, rest = line.partition(" ")
            if word in ("msgctxt", "msgid") and (entry is None or "id" in entry):
                finish()
                entry = {"flags": set(), "str": []}
            if entry is None:
                raise ValueError(f"{word} outside an entry")
            if word in ("msgctxt", "msgid", "msgid_plural"):
                key = {"msgctxt": "ctxt", "msgid": "id", "msgid_plural": "id_plural"}[word]
                entry[key] = unquote(rest)
            elif word == "msgstr" or word.startswith("msgstr["):
                entry["str"].append(unquote(rest))
                key = len(entry["str"]) - 1
            else:
                raise ValueError(f"unknown keyword {word!r}")
        except (ValueError, TypeError, KeyError) as exc:
            raise SystemExit(f"{name}:{number}: {exc}") from None
    finish()
    return [e for e in entries if e.get("id") or e.get("ctxt")]


def key_of(entry):
    return (entry.get("ctxt"), entry["id"])


def missing(en_path, other_path):
    """English entries that other_path lacks, leaves empty or marks fuzzy."""
    have = {}
    if other_path.exists():
        have = {key_of(e): e for e in parse(other_path)}
    out = []
    for entry in parse(en_path):
        found = have.get(key_of(entry))
        if found is None:
            out.append((entry, "missing"))
        elif not found["str"] or not all(s.strip() for s in found["str"]):
            out.append((entry, "empty"))
        elif "fuzzy" in found["flags"]:
            out.append((entry, "fuzzy"))
    return out


def stanza(entry):
    lines = []
    for english in entry["str"]:
        lines += ["# en: " + part for part in english.split("\n") if part]
    flags = sorted(entry["flags"] - {"fuzzy"})
    if flags:
        lines.append("#, " + ", ".join(flags))
    if entry.get("ctxt") is not None:
        lines.append("msgctxt " + quote(entry["ctxt"]))
    lines.append("msgid " + quote(entry["id"]))
    if "id_plural" in entry:
        lines.append("msgid_plural " + quote(entry["id_plural"]))
        lines += [f'msgstr[{i}] ""' for i in range(2)]
    else:
        lines.append('msgstr ""')
    return "\n".join(lines)


def main(argv):
    as_po = "--po" in argv
    args = [a for a in argv if not a.startswith("--")]
    lang = args[0] if args else "nn"
    total = 0
    for en_path in sorted((LOCALE / "en" / "LC_MESSAGES").glob("*.po")):
        other = LOCALE / lang / "LC_MESSAGES" / en_path.name
        found = missing(en_path, other)
        total += len(found)
        for entry, why in found:
            if as_po:
                print(f"# {other.relative_to(LOCALE.parent.parent.parent)} ({why})")
                print(stanza(entry) + "\n")
            else:
                ctxt = f"[{entry['ctxt']}] " if entry.get("ctxt") else ""
                print(f"{en_path.name}\t{why}\t{ctxt}{entry['id']!r}")
    print(f"{total} string(s) missing or empty in {lang}", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""How the search copes with typos it has never seen: seeded, made-up slips in the tune questions.

Takes the tune questions asked on the Norwegian site (the developer's tune part and the helper-written
tune sets, not the held-out, fresh or blind sets; English ones are read by the English index) that the
search answers right as written, puts typos of one kind into each, and prints the share still answered
right (top-1) per kind, for Norwegian and English questions:

- one slip in one word of 5 letters or more: two letters swapped, one dropped, one doubled, a
  neighbouring key on a Norwegian keyboard;
- æ/ø/å written as ae/o/aa, or as a/o/a, in the whole question;
- two neighbouring words run together;
- two or three slips in different words (half of them also without æ/ø/å).

Also prints how many corrections change a real word (target 0). The typos are random with a fixed
seed, so runs compare. Prints figures; asserts nothing.

    .venv/bin/python bench/search_typos.py [--show N]   # N misses of each kind
"""

import argparse
import random
import sys
from collections import defaultdict

import yaml
from search_quality import ROOT, real_words_changed, setup

KEYBOARD = ["qwertyuiopå", "asdfghjkløæ", "zxcvbnm"]
KEY_AT = {c: (row, i) for row, keys in enumerate(KEYBOARD) for i, c in enumerate(keys)}


def swapped(rng, w):
    i = rng.randrange(1, len(w) - 2)
    return w[:i] + w[i + 1] + w[i] + w[i + 2 :]


def dropped(rng, w):
    i = rng.randrange(1, len(w) - 1)
    return w[:i] + w[i + 1 :]


def doubled(rng, w):
    i = rng.randrange(1, len(w) - 1)
    return w[:i] + w[i] + w[i:]


def neighbour_key(rng, w):
    places = [i for i, c in enumerate(w) if c in KEY_AT and i > 0]
    if not places:
        return w
    i = rng.choice(places)
    row, at = KEY_AT[w[i]]
    keys = KEYBOARD[row]
    j = min(max(at + rng.choice([-1, 1]), 0), len(keys) - 1)
    return w[:i] + keys[j] + w[i + 1 :]


SLIPS = {"swapped": swapped, "dropped": dropped, "doubled": doubled, "neighbour key": neighbour_key}


def without_letters(text, ae, oe, aa):
    return text.replace("æ", ae).replace("ø", oe).replace("å", aa)


def tune_questions():
    bench = ROOT / "bench"
    old = yaml.safe_load((bench / "search_questions.yaml").read_text(encoding="utf-8"))
    questions = [q for q in old if q["split"] == "tune"]
    for name in ("search_questions_tune2.yaml", "search_questions_tune3.yaml"):
        for q in yaml.safe_load((bench / name).read_text(encoding="utf-8")):
            if q.get("lang", "nb") in ("nb", "en"):
                questions.append(q)
    return questions


def variants(rng, text):
    """[(kind, question with typos)] for one question."""
    words = text.split()
    out = []
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    for kind, slip in SLIPS.items():
        if long_words:
            i = rng.choice(long_words)
            out.append((kind, " ".join(words[:i] + [slip(rng, words[i])] + words[i + 1 :])))
    for kind, letters in (("ae, o, aa", ("ae", "o", "aa")), ("a, o, a", ("a", "o", "a"))):
        changed = without_letters(text, *letters)
        if changed != text:
            out.append((kind, changed))
    if len(words) >= 3:
        i = rng.randrange(len(words) - 1)
        out.append(("run together", " ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2 :])))
    some = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    for n in (2, 3):
        if len(some) >= n:
            typed = list(words)
            for i in rng.sample(some, n):
                typed[i] = rng.choice(list(SLIPS.values()))(rng, words[i])
            joined = " ".join(typed)
            out.append(
                (f"{n} slips", without_letters(joined, "a", "o", "a") if rng.random() < 0.5 else joined)
            )
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print this many misses of each kind")
    args = parser.parse_args()
    setup()
    from rusfakta.search.service import ask

    def first(question):
        results = ask(question, 3)["results"]
        return results[0]["id"] if results else None

    rng = random.Random(7)
    right, misses, asked = defaultdict(lambda: [0, 0]), defaultdict(list), []
    for q in tune_questions():
        text = q["q"].lower()
        if first(text) not in q["answers"]:
            continue
        english = q.get("lang") == "en" or q.get("category") == "english" or q.get("kind") == "english"
        for kind, typed in variants(rng, text):
            ok = first(typed) in q["answers"]
            for key in (kind, f"{kind} (en)" if english else f"{kind} (no)"):
                right[key][0] += ok
                right[key][1] += 1
            asked.append({"q": typed})
            if not ok:
                misses[kind].append(typed)
    print("typos in the tune questions answered right as written (seed 7), top-1 still right:")
    for kind, (ok, n) in sorted(right.items()):
        print(f"  {kind:19s} {ok:4d} / {n:4d}  {ok / n:6.1%}")
    print(f"  corrections that change a real word: {real_words_changed(ask, asked)}")
    for kind, typed in misses.items():
        for text in typed[: args.show]:
            print(f"MISS {kind}: {text!r}")


if __name__ == "__main__":
    sys.exit(main())

"""What the search knows of Norwegian beyond our own text: which word forms are real, and nynorsk.

Both come from files built at authoring time by scripts/build_search_data.py (Apertium's bokmål
and nynorsk analysers, wordfreq's Norwegian list); nothing here runs Apertium.

- `is_real_word(word)`: a real bokmål or nynorsk word form. Spelling correction leaves these alone:
  "venninne", "fortalte" and "sjokkert" are words, even if our passages never use them.
- `is_everyday_word(word)`: a common word of written Norwegian (wordfreq, Zipf 4.5 or more).
- `is_real_english(word)`: a common English word form (wordfreq's list), for the English edition.
- `to_bokmal(words)`: nynorsk forms mapped to bokmål before analysis ("kva skjer viss ein blandar"
  is asked like "hva skjer hvis en blander").
"""

import gzip
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def lexicon():
    with gzip.open(DATA / "lexicon.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


@cache
def english_words():
    with gzip.open(DATA / "en_words.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


@cache
def nynorsk_map():
    pairs = {}
    for line in (DATA / "nn_nb.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            nynorsk, bokmal = line.split("\t")
            pairs[nynorsk] = bokmal
    return pairs


@cache
def common_words():
    with gzip.open(DATA / "common.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


def is_real_word(word):
    return word in lexicon()


def is_everyday_word(word):
    """One of the common words of written Norwegian ("aldri", "sliter"): it says little about the topic."""
    return word in common_words()


def is_real_english(word):
    return word in english_words()


def to_bokmal(words):
    mapping = nynorsk_map()
    return [mapping.get(w, w) for w in words]


ASCII_SPELLINGS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"), ("o", "ø"), ("a", "å"), ("a", "æ"))


def nordic_spellings(word):
    """Ways a word typed without æ, ø, å may have been meant: "doe" → "dø", "naar" → "når"."""
    for plain, nordic in ASCII_SPELLINGS:
        start = word.find(plain)
        while start != -1:
            yield word[:start] + nordic + word[start + len(plain) :]
            start = word.find(plain, start + 1)

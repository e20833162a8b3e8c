"""What the search knows of Norwegian beyond our own text: which word forms are real, and nynorsk.

Both come from files built at authoring time by scripts/build_search_data.py (Apertium's bokmål
and nynorsk analysers, wordfreq's Norwegian list); nothing here runs Apertium.

- `is_real_word(word)`: a real bokmål or nynorsk word form. Spelling correction leaves these alone:
  "venninne", "fortalte" and "sjokkert" are words, even if our passages never use them.
- `is_everyday_word(word)`: a common word of written Norwegian (wordfreq, Zipf 4.5 or more).
- `is_real_english(word)`: a common English word form (wordfreq's list), for the English edition.
- `general_zipf(lang)`: how common each word of our text is in the language at large (wordfreq).
- `to_bokmal(words)`: nynorsk forms mapped to bokmål before analysis ("kva skjer viss ein blandar"
  is asked like "hva skjer hvis en blander").
- `written_in(words)`: "en" or "no" when a question is clearly written in English or Norwegian, else
  None; a question asked in the other language's edition is read by that language's index.
"""

import gzip
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


class WordList:
    """A large set of words kept as one sorted bytes object, the words between newlines, and searched by
    halving: the lexicon's 98 000 words take 1 MB this way, against 10 MB as a frozenset, in every
    worker. `word in words` and `len(words)`, as with a set."""

    def __init__(self, words):
        encoded = sorted({w.encode() for w in words if w and "\n" not in w})
        self.count = len(encoded)
        self.blob = b"\n" + b"\n".join(encoded) + b"\n"

    def __len__(self):
        return self.count

    def __contains__(self, word):
        key = word.encode()
        if not key or b"\n" in key:
            return False
        blob, low, high = self.blob, 0, len(self.blob) - 1
        # The words still possible are those whose newline before them lies in [low, high).
        while low < high:
            start = blob.rfind(b"\n", low, (low + high) // 2 + 1)
            end = blob.find(b"\n", start + 1)
            found = blob[start + 1 : end]
            if found == key:
                return True
            if found < key:
                low = end
            else:
                high = start
        return False


def _word_list(name):
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        return WordList(line.strip() for line in f)


@cache
def lexicon():
    return _word_list("lexicon.txt.gz")


@cache
def english_words():
    return _word_list("en_words.txt.gz")


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


@cache
def general_zipf(lang="nb"):
    """{word: Zipf frequency in written Norwegian (nb, nn) or English (en)} for the words of our text."""
    name = "zipf_en.tsv.gz" if lang == "en" else "zipf_nb.tsv.gz"
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        return {w: float(z) for w, z in (line.rstrip("\n").split("\t") for line in f if line.strip())}


def is_real_word(word):
    return word in lexicon()


def is_everyday_word(word):
    """One of the common words of written Norwegian ("aldri", "sliter"): it says little about the topic."""
    return word in common_words()


def is_real_english(word):
    return word in english_words()


def written_in(words):
    """ "en" when a question is clearly English, "no" when clearly Norwegian, None when unsure.

    A word counts for English when it is a common English word form and not an everyday Norwegian one,
    also with æ/ø/å restored ("how", "dangerous"; not "man", "i" or "pa"), for Norwegian when it is a
    Norwegian form and not an English one ("hva", "farlig", "kokain"). It takes two such words, and
    more than twice the other's."""
    leanings = [_leaning(w) for w in words]
    english, norwegian = leanings.count("en"), leanings.count("no")
    if english >= 2 and english > 2 * norwegian:
        return "en"
    if norwegian >= 2 and norwegian > 2 * english:
        return "no"
    return None


@lru_cache(maxsize=20_000)  # a lookup in the word lists takes some µs; the words asked repeat
def _leaning(word):
    if is_everyday_word(word):
        return "no" if not is_real_english(word) else None
    if is_real_english(word):
        # "pa", "fa" are "på", "få" typed without å: an everyday Norwegian word is as likely.
        return None if any(is_everyday_word(w) for w in nordic_spellings(word)) else "en"
    return "no" if is_real_word(word) else None


# Function words as young people write them in chat and dialect, each as its bokmål word or words. Our
# passages use none of these forms; left as they are, "ka e kokain" asks for "ka" and "e", and the
# spelling corrects "korsn" to "kors" (Kors på halsen) and "koffor" to "kontor".
SPOKEN = {
    **dict.fromkeys("ka kæ".split(), "hva"),
    **dict.fromkeys("kem kæm".split(), "hvem"),
    **dict.fromkeys("korsn kossen kossn koss åssen åssn kordan hvorsn".split(), "hvordan"),
    **dict.fromkeys("koffor kofor koffør åffer hvorfo hvafor".split(), "hvorfor"),
    **dict.fromkeys("æ je".split(), "jeg"),
    **dict.fromkeys("itj ikkj".split(), "ikke"),
    **dict.fromkeys("nokka nåkka".split(), "noe"),
    **dict.fromkeys("nån nåen".split(), "noen"),
    "mæ": "meg",
    "dæ": "deg",
    "sæ": "seg",
    "e": "er",
    "d": "det",
    "m": "med",
    "sku": "skulle",
    "ska": "skal",
    "hu": "hun",
    "pga": "på grunn av",
    "ift": "i forhold til",
    "mtp": "med tanke på",
}


def to_bokmal(words):
    """Nynorsk forms (the Apertium map) and chat and dialect forms (SPOKEN) as bokmål words."""
    mapping = nynorsk_map()
    return [b for w in words for b in (SPOKEN.get(w) or mapping.get(w, w)).split()]


ASCII_SPELLINGS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"), ("o", "ø"), ("a", "å"), ("a", "æ"))


def nordic_spellings(word):
    """Ways a word typed without æ, ø, å may have been meant: "doe" → "dø", "naar" → "når"."""
    for plain, nordic in ASCII_SPELLINGS:
        start = word.find(plain)
        while start != -1:
            yield word[:start] + nordic + word[start + len(plain) :]
            start = word.find(plain, start + 1)

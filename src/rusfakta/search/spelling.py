"""Spelling: what a question's words were meant to be (decision 0004, 0015), for SearchIndex.

A word is corrected only when it is neither ours nor a real bokmål or nynorsk word (the lexicon): to
our word with æ/ø/å restored ("doe" → "dø"), one letter off, split in two when it is two of our words
run together ("snakkemed" → "snakke med", "yourbrain" → "your brain"), or, from 6 letters, two
letters off; failing those, to an everyday Norwegian word one letter off ("aldrri" → "aldri"). A
four-letter word is corrected only to a longer word or one with its first letter ("kkos" → "koks",
"menr" → "mener", not "mer"). A real word we never use ("gravd", "snake") is left as typed, and our
word one letter away is searched beside it (`_near_reading`). Nothing here changes a valid word.
"""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from rusfakta.search.language import is_real_english, is_real_word, nordic_spellings


class Spelling:
    """Needs analyzer, stems, known_terms, vocabulary, surface, written (surface and glossary terms),
    spellings and everyday (what a typo may be corrected to), one_letter, foreign_stopwords and lang."""

    def is_known(self, word):
        if word in self.known_terms:
            return True
        stems = self.analyzer.analyze(word)
        return all(s in self.stems for s in stems)

    def _correct(self, word):
        """A word we don't use is corrected only if it is not a real bokmål or nynorsk word."""
        if word.isdigit() or self.is_known(word) or (self.lang != "en" and is_real_word(word)):
            return word
        if self.lang == "en" and (len(word) < 4 or is_real_english(word)):
            return word
        return self._nearest(word)

    def _norwegian_lookalike(self, tokens):
        """A lone English function word in a Norwegian question that may be one of our words typed
        without æ/ø/å ("kan man do av kokain": "dø"): {word: our word}, or {}. The word is kept and our
        word searched beside it, as a near reading (it is a real word too: never replaced)."""
        foreign = [t for t in tokens if t in self.foreign_stopwords]
        if self.lang == "en" or len(foreign) != 1:
            return {}
        nordic = next((w for w in nordic_spellings(foreign[0]) if self.is_known(w)), None)
        return {foreign[0]: nordic} if nordic else {}

    def _near_reading(self, word):
        """For a real word we never use ("do", "gravd", "snake"): the word of ours it may have been
        typed for ("dø", "gravid", "snakke"), or None. It is searched beside the word, never instead."""
        if word.isdigit() or self.is_known(word) or not is_real_word(word):
            return None
        nordic = next((w for w in nordic_spellings(word) if self.is_known(w)), None)
        if nordic or len(word) < 4:
            return nordic
        found = [
            c
            for d in {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
            for c in self.one_letter[d]
        ]
        found = sorted(c for c in found if OSA.distance(word, c[1]) == 1)
        return found[0][1] if found else None  # the most frequent of our words one letter away

    def _nearest(self, word):
        """Our word a typo was meant for: æ/ø/å restored, one letter off, two words run together
        ("snakkemed" → "snakke med"), or (8 letters or more) two letters off; else the word."""
        spelled = (
            w for w in nordic_spellings(word) if self.is_known(w) and (w in self.surface or is_real_word(w))
        )
        nordic = next(spelled, None)
        if nordic:
            return nordic
        choice = self._one_or_two_off(word) if len(word) >= 4 else None
        if choice and OSA.distance(word, choice) == 1:
            return choice
        return self._split(word) or choice or word

    def _one_or_two_off(self, word):
        """Our word (or glossary term) one letter off, or two from 6 letters; else, one letter off, an
        everyday Norwegian word our text never uses ("aldrri" → "aldri"). The most frequent wins."""
        limit = 1 if len(word) <= 5 else 2
        choice = self._closest(word, self.spellings, limit)
        if choice is None and self.lang != "en":
            choice = self._closest(word, self.everyday, 1)
        return choice

    @staticmethod
    def _closest(word, vocabulary, limit):
        candidates = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=8)
        if not candidates:
            return None
        best_distance = min(distance for _, distance, _ in candidates)
        best = [choice for choice, distance, _ in candidates if distance == best_distance]
        if len(word) == 4:
            # Short words: a missing letter ("crak", "menr"), or a slip that keeps the first letter
            # ("kkos", "ijke", "hbor"); never a dropped one ("mer" for "menr").
            best = [c for c in best if len(c) > len(word) or (len(c) == len(word) and c[0] == word[0])]
        return best[0] if best else None

    def _split(self, word):
        """Two words written as one, each a word our text or glossary uses as written: "påvgs" → "på vgs",
        "snakkemed" → "snakke med" (not "rusreform" or "everybody": one part is not ours). The split
        with the longer shorter part wins. A part under three letters needs a function word beside it or
        as itself ("på vgs", "dø av"), so "kombo" is not "kom bo"."""
        cuts = [(min(cut, len(word) - cut), word[:cut], word[cut:]) for cut in range(1, len(word))]
        cuts = [c for c in cuts if c[1] in self.written and c[2] in self.written and self._plausible(c[1:])]
        return " ".join(max(cuts)[1:]) if cuts else None

    def _plausible(self, parts):
        return min(map(len, parts)) >= 3 or any(not self.analyzer.analyze(part) for part in parts)

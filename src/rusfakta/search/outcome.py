"""What the search index holds and gives back: a passage as indexed, one question's outcome, and what the
booklet does not cover (decision 0015)."""

import re
from dataclasses import dataclass, field
from functools import cache

GAP = " … "  # in a phrase: up to GAP_WORDS words ("hvor lenge er … i kroppen")
GAP_WORDS = 3


@cache
def _gapped(phrase):
    parts = [re.escape(part) for part in phrase.split(GAP)]
    return re.compile(" " + rf" (?:\S+ ){{0,{GAP_WORDS}}}".join(parts) + " ")


def phrase_in(phrase, padded):
    """Whether a phrase of the notices' lists is in the padded question; a gap (…) stands for a few words."""
    return _gapped(phrase).search(padded) is not None if GAP in phrase else f" {phrase} " in padded


@dataclass
class Document:
    slug: str
    heading: str
    chapter: str
    url: str
    text: str
    questions: str
    sources: list
    body: str = ""
    pages: str = ""  # the booklet page(s), as in the pack
    answer: str = ""  # the short answer, with {stat:id} references
    answer_text: str = ""  # the same as plain text, figures filled in
    chapter_slug: str = ""


@dataclass
class SearchOutcome:
    """One question's answer: the spelling used, a notice if one matched, and the ranked passages."""

    query: str
    corrected: str | None
    notice: dict | None
    hits: list = field(default_factory=list)  # (Document, score)
    stems: frozenset = frozenset()
    covered: bool = False  # whether the booklet answers the question at all
    unknown_share: float = 0.0  # share of its content words that are real words we never use
    content_words: int = 0


# Slang for using, as well as for driving and drug tests: "kjøre koks i mange år", "har testa kokain".
USING_VERBS = frozenset("kjøre kjører kjørte kjørt køyre køyrer køyrde testa testet".split())


@dataclass(frozen=True)
class Scope:
    """What the booklet does not cover: topics, and other drugs unless cocaine is named too."""

    phrases: tuple = ()
    substances: tuple = ()
    unless: tuple = ()
    text: str = ""

    def excludes(self, padded):
        padded = self.without_slang_use(padded)
        if any(phrase_in(phrase, padded) for phrase in self.phrases):
            return True
        if not any(f" {name} " in padded for name in self.substances):
            return False
        return not any(self._names_drug(t) for t in padded.split())

    def _names_drug(self, token):
        return any(token == u or (len(u) >= 4 and token.startswith(u)) for u in self.unless)

    def without_slang_use(self, padded):
        """Without "kjøre" and "teste" where they mean using: "kjøre koks", "kjører på kokain" is no
        driving, "har testa kokain" no drug test ("teste kokainen for fentanyl" may be one)."""
        tokens = padded.split()

        def using(i):
            after = tokens[i + 1 : i + 3]
            after = after[1:] if after[:1] == ["på"] else after
            return tokens[i] in USING_VERBS and bool(after) and self._names_drug(after[0])

        return f" {' '.join(t for i, t in enumerate(tokens) if not using(i))} "

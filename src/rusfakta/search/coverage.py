"""Does the booklet answer this at all? `covered` (decision 0015), from what the search has read.

- **The best passage is a guess**: its reranked score is under `COVERED_SCORE` (`COVERED_SCORE_LONG`
  for a long question, which covers a smaller share of any passage).
- **Words the booklet never uses carry the question**: more than `UNKNOWN_SHARE` of its content words
  are real, less common Norwegian words our text, reader questions and glossary never use.
- **Nothing in it is about the booklet's topic** (session 5): no word for cocaine or drugs (the
  not-covered notice's `unless` words, and the glossary terms that mean one of them: "koks", "snø",
  "tusi"), no word of ours that is not an everyday word ("fribase", "rusinfo", "psykose"), and no
  glossary term whose meaning is one ("hekta" means "avhengighetsskapende"). Such a question ("hvordan
  lager man pizza", "hvor mange timer bør man sove") matches only everyday words we also happen to use,
  so it needs a clearly better score (`OFF_TOPIC_SCORE`). A claim about how many use ("har de fleste
  prøvd") is on topic.
- **Topicality** (session 6): a word counts as on topic only when our text uses it at least 10**TOPICAL
  times more than the language does (`topicality`, from wordfreq's frequencies of our words), and
  names ("Oslo", "Norge") never do (`names`).
- **A topic or another drug the booklet never covers** is named (`Scope`, the notice's word lists), as
  written or (session 7) in another form of the same stems (`scope_stems`: "legevakta", "bytter
  fastlege").
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

from rusfakta.search.language import is_everyday_word, is_real_english, is_real_word

COVERED_SCORE = 0.9  # at most ~2 % of answerable tune questions fall under it
UNKNOWN_SHARE = 0.45
SURE_SCORE = 1.1  # ... unless the best passage scores at least this
LONG_QUESTION = 8  # content words
COVERED_SCORE_LONG = 0.75
# Set on the tune sets (1.0–1.6 tried): each step up marks more not-covered questions and keeps fewer
# answerable ones covered; at 1.3 the answerable tune questions stay above 97 %.
OFF_TOPIC_SCORE = 1.3


# A word of ours is about the topic when our text uses it at least this much more than the language at
# large, in Zipf units: 10**1.5 = 30 times ("kokain" 3.7, "russ" 2.4, "hjerte" 1.5; "helg" 0.6,
# "politiet" 0.4). Set on the tune sets: 0.5–2.0 tried; from 2.0 answerable questions are lost.
TOPICAL = 1.5


def _never(word):
    return False


@dataclass
class Reading:
    """What coverage is judged on, for one question."""

    unknown_share: float = 0.0
    content_words: int = 0
    on_topic: bool = True
    asks_help: bool = False  # a plea for help ("trenger noen å prate med"), search/notices.py


def topic_terms(scope, glossary):
    """The words that make a question about cocaine or drugs: the scope's `unless` words, and the glossary
    terms whose meaning is one of them ("koks" → kokain, "tusi" → rosa kokain)."""
    unless = set(scope.unless)
    return frozenset(unless | {term for term, means in glossary if set(means.split()) & unless})


def names_one(tokens, padded, terms):
    """Whether the question names one of terms: a word, a word that starts with one of 4 letters or more
    ("kokainbruk"), or a phrase."""
    return any(t == u or (len(u) >= 4 and t.startswith(u)) for t in tokens for u in terms) or any(
        f" {u} " in padded for u in terms if " " in u
    )


def read(index, tokens, padded, expansion, intent, read_as=frozenset()):
    """The question's Reading: tokens as corrected (foreign function words dropped), padded the same
    joined, expansion its glossary entries [(term, means)], intent whether it claims how many use,
    read_as the words searched beside a word of ours they may stand for ("drikking" for "drinking")."""
    english = index.lang == "en"
    real = is_real_english if english else is_real_word
    everyday = _never if english else is_everyday_word  # English everyday words are told by topicality
    content = [t for t in tokens if not t.isdigit() and index.analyzer.analyze(t)]
    unknown = [
        t for t in content if real(t) and not everyday(t) and not index.is_known(t) and t not in read_as
    ]
    # The word for cocaine is in nearly every question asked here: the rest says what is asked.
    asked = [t for t in content if t not in index.topic_terms] or content

    def telling(word):
        return index.is_known(word) and not everyday(word) and index.is_topical(word)

    on_topic = (
        intent
        or names_one(tokens, padded, index.topic_terms)
        or any(telling(t) for t in content)
        or any(telling(w) for _, means in expansion for w in means.split())
    )
    return Reading((len(unknown) / len(asked) if asked else 0.0), len(content), on_topic)


def is_covered(top, reading, excluded):
    """covered, from the reranked top score, the question's Reading and whether the scope excludes it."""
    threshold = COVERED_SCORE_LONG if reading.content_words >= LONG_QUESTION else COVERED_SCORE
    return (
        top >= threshold
        and not (reading.unknown_share > UNKNOWN_SHARE and top < SURE_SCORE)
        and (reading.on_topic or top >= OFF_TOPIC_SCORE)
        and not excluded
    )


SCOPE_FORM_LETTERS = 6  # a one-word topic is matched by its stem from this length ("legevakta": legevakt)


def scope_stems(analyzer, phrases, our_stems):
    """The not-covered topics as stems, so that other forms of them count too ("legevakta", "bytter
    fastlege"): a phrase without a gap that keeps two stems or more, and a single word from
    SCOPE_FORM_LETTERS letters whose stem our passages never use (that of "teste" is also "testa",
    tried)."""
    stems = set()
    for phrase in phrases:
        found = analyzer.analyze(phrase)
        if "…" in phrase or not found:
            continue
        several = " " in phrase and len(found) >= 2
        word = " " not in phrase and len(phrase) >= SCOPE_FORM_LETTERS and found[0] not in our_stems
        if several or word:
            stems.add(f" {' '.join(found)} ")
    return frozenset(stems)


def names_a_form(analyzer, padded, stems):
    """Whether the question, as stems, holds one of the scope_stems."""
    asked = f" {' '.join(analyzer.analyze(padded))} "
    return any(s in asked for s in stems)


def topicality(analyzer, surface, general):
    """{stem: how much more often our text uses it than the language at large}, in Zipf units (log10):
    "kokain" and "overdose" about 3, "hjelp" about 1, "helg" and "vite" 0 or less (decision 0015)."""
    total = sum(surface.values()) or 1
    count, usual = Counter(), {}
    for word, n in surface.items():
        for stem in analyzer.analyze(word):
            count[stem] += n
            usual[stem] = max(usual.get(stem, 0.0), general.get(word, 0.0))
    return {stem: math.log10(n / total * 1e9) - usual[stem] for stem, n in count.items()}


NAME_WORD = re.compile(r"(?<![.!?:«\n]\s)(?<!^)\b([A-ZÆØÅ][a-zæøå]+)\b")


def names(documents):
    """Words our text writes with a capital inside a sentence and never in lower case: names."""
    capital, lower = set(), set()
    for d in documents:
        capital.update(w.lower() for w in NAME_WORD.findall(d.text))
        lower.update(re.findall(r"\b[a-zæøå]+\b", d.text))
    return sorted(capital - lower)

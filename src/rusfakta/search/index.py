"""Retrieval over our own passages with tantivy (BM25 with field boosts). Nothing is generated."""

import threading
from collections import Counter, defaultdict
from dataclasses import replace

import tantivy

from rusfakta.search.analysis import (
    FILLER,
    build_analyzer,
    build_english_analyzer,
    compound_parts,
    function_words,
    words,
)
from rusfakta.search.coverage import (
    TOPICAL,
    is_covered,
    names,
    names_a_form,
    read,
    scope_stems,
    topic_terms,
    topicality,
)
from rusfakta.search.language import (
    common_words,
    english_words,
    general_zipf,
    lexicon,
    nynorsk_map,
    to_bokmal,
)
from rusfakta.search.notices import NOTICE_TERMS, NOTICE_TERMS_EN, asks_for_help, lean, notice_for
from rusfakta.search.outcome import Scope, SearchOutcome
from rusfakta.search.signals import INTENT_TOKEN, quantified_use
from rusfakta.search.spelling import Spelling

# Tunables (decision 0004). Set by small grid searches on the tune part of bench/search_questions.yaml.
FIELD_BOOSTS = {"questions": 2.0, "heading": 1.0, "chapter": 0.8, "text": 1.0}
EXPANSION_WEIGHT = 0.4  # glossary meaning of a word the passages also use ("koks" is in the text too)
SUBSTITUTE_WEIGHT = 0.7  # glossary meaning of a word the passages never use ("addictive", "hekta")
# Our word that a real word we never use may have been typed for ("gravd" → "gravid"), searched beside it.
NEAR_WEIGHT = 0.5  # 0.3 gave the same tune top-1, one answerable question less covered
COMMON_SHARE = 0.4  # a stem in more than this share of passages ("kokain") says little about which one
COMMON_WEIGHT = 0.75
CANDIDATES = 12  # tune accuracy is the same for 10–40 candidates; fewer is cheaper
NAME_TOPICALITY = 0.0  # a name ("Oslo") is no more ours than anyone's, however often we use it
VAGUE_BM25 = 0.3  # the share BM25 keeps in the rerank of a question of common words only
# Rerank: bm25 / best * (COVER_BASE + share of the question covered) + ALIAS_BONUS * alias similarity ** ALIAS_POWER
ALIAS_BONUS = 1.5
COVER_BASE = 0.5
ALIAS_POWER = 2
# English function words, dropped unless our own text uses them ("i", "for" are Norwegian too).
FOREIGN_STOPWORDS = frozenset(
    "a an the is are was were be do does did how what why when where who which can could should "
    "there this that these those it its of in on at for with from and or about my your you i "
    "me we they he she his her them many much so very if than then not".split()
)
# "alle tar koks?", "hvor mange har ikke brukt": a claim about how many use (search/signals.py)
# matches passages whose text makes one, at this weight (set on the tune set, with its myth questions).
INTENT_WEIGHT = 12.0  # the token is rare (7 passages); 8–20 gave the same tune result
MAX_QUERY_CHARS = 300
MAX_LIMIT = 20


class SearchIndex(Spelling):
    """The passages, glossary and notices of one content version and one edition, ready to rank
    against a question. lang: "nb" and "nn" use the Norwegian analyzer (a nynorsk edition's text and
    every question are read with nynorsk forms mapped to bokmål), "en" tantivy's English stemmer."""

    def __init__(self, documents, glossary, notices, scope=None, lang="nb"):
        self.lang = lang
        self.scope = scope or Scope()
        self.documents = {d.slug: d for d in documents}
        # Longest terms first: "pink cocaine" is found before "cocaine".
        self.glossary = sorted(((t, m) for terms, m in glossary for t in terms), key=lambda e: -len(e[0]))
        self.notices = notices  # [(kind, phrases, text, unless)], emergency first
        self.notice_terms = NOTICE_TERMS_EN if lang == "en" else NOTICE_TERMS
        documents = [self._as_read(d) for d in documents]  # what is indexed; self.documents is shown
        texts = [f"{d.chapter} {d.heading} {d.questions} {d.text}" for d in documents]
        surface = Counter(w for text in texts for w in words(text))
        surface.update(w for _, means in glossary for w in words(means))
        self.analyzer, self.phrase_analyzer = _analyzers(lang, surface)
        # How often each passage's own heading and text make a claim about how many use ("de fleste ikke bruker").
        self.intent = {
            d.slug: quantified_use(words(d.heading)) + quantified_use(words(d.text)) for d in documents
        }
        self.index = self._build_index(documents)
        self.searcher = self.index.searcher()
        self.doc_stems = {
            d.slug: set(self.analyzer.analyze(text)) | ({INTENT_TOKEN} if self.intent[d.slug] else set())
            for d, text in zip(documents, texts, strict=True)
        }
        # English function words, unless the passages use them in Norwegian ("i", "for").
        passage_words = {w for d in documents for w in words(f"{d.chapter} {d.heading} {d.text}")}
        self.foreign_stopwords = FOREIGN_STOPWORDS - passage_words
        stems = lambda question: self._phrase_stems(self._drop_foreign(question).split())  # noqa: E731
        self.alias_stems = {d.slug: [a for a in map(stems, d.questions.split(";")) if a] for d in documents}
        # Glossary terms by their first word: a question is checked only for the terms it could hold.
        self.glossary_by_first_word = defaultdict(list)
        for position, (term, _) in enumerate(self.glossary):
            self.glossary_by_first_word[term.split(" ", 1)[0]].append(position)
        document_frequency = Counter(s for stems in self.doc_stems.values() for s in stems)
        self.common = {s for s, n in document_frequency.items() if n > COMMON_SHARE * len(documents)}
        # What the passages themselves say (heading and text, not the reader questions).
        self.index_stems = {s for d in documents for s in self.analyzer.analyze(f"{d.heading} {d.text}")}
        self.stems = set(document_frequency)
        self.stems |= {s for _, means in glossary for s in self.analyzer.analyze(means)}
        self.known_terms = {w for terms, _ in glossary for t in terms for w in words(t)}
        self.topic_terms = topic_terms(self.scope, self.glossary)  # words for cocaine and drugs
        # Another drug or subject is covered with cocaine named in any of its words ("c og alkohol").
        self.scope = replace(self.scope, unless=tuple(sorted(self.topic_terms)))
        self.vocabulary = [w for w, _ in surface.most_common() if len(w) >= 3 and not w.isdigit()]
        self.surface = frozenset(surface)
        self.written = self.surface | self.known_terms  # words as our text and glossary write them
        self.one_letter = _one_letter_dropped(self.vocabulary)
        # What a typo may have been meant as: our words and glossary terms, the most frequent first; then
        # the everyday Norwegian words our text never uses ("aldrri", "mannge").
        self.spellings = self.vocabulary + sorted(self.known_terms)
        self.everyday = (
            [] if lang == "en" else sorted(w for w in common_words() - self.surface if len(w) >= 3)
        )
        self.scope_stems = scope_stems(self.analyzer, self.scope.phrases, self.index_stems)
        self.topicality = topicality(self.analyzer, surface, general_zipf(lang))
        # Names of places and bodies ("Norge", "Oslo", "Colombia"): ours often, yet not what we are about.
        for stem in self.analyzer.analyze(" ".join(names(documents))):
            self.topicality[stem] = min(self.topicality.get(stem, 0.0), NAME_TOPICALITY)
        (
            lexicon(),
            nynorsk_map(),
            common_words(),
            english_words(),
        )  # loaded with the index, not by the first question

    def is_topical(self, word):
        """Whether our text uses the word far more than the language does (coverage.TOPICAL); a word
        known only from the glossary counts."""
        return any(self.topicality.get(s, TOPICAL) >= TOPICAL for s in self.analyzer.analyze(word))

    def _drop_foreign(self, text):
        return " ".join(w for w in words(text) if w not in self.foreign_stopwords)

    def _phrase_stems(self, tokens):
        """The stems compared with reader questions, and the claim about how many use if there is one."""
        stems = set(self.phrase_analyzer.analyze(" ".join(tokens)))
        return stems | {INTENT_TOKEN} if quantified_use(tokens, question=True) else stems

    def _tokens(self, text):
        """The words of a text as the search reads them: nynorsk forms as their bokmål words (nb, nn)."""
        return words(text) if self.lang == "en" else to_bokmal(words(text))

    def _as_read(self, document):
        """A nynorsk passage is indexed with its nynorsk forms mapped to bokmål, as questions are."""
        if self.lang != "nn":
            return document
        read = lambda text: " ".join(self._tokens(text))  # noqa: E731
        questions = " ; ".join(read(q) for q in document.questions.split(";"))
        return replace(
            document,
            heading=read(document.heading),
            chapter=read(document.chapter),
            text=read(document.text),
            questions=questions,
        )

    def _build_index(self, documents):
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("slug", stored=True, tokenizer_name="raw")
        for name in FIELD_BOOSTS:
            builder.add_text_field(name, tokenizer_name="nb")
        builder.add_text_field("intent", tokenizer_name="raw")
        index = tantivy.Index(builder.build())
        index.register_tokenizer("nb", self.analyzer)
        writer = index.writer(heap_size=15_000_000, num_threads=1)
        for d in documents:
            writer.add_document(
                tantivy.Document(
                    slug=d.slug,
                    questions=d.questions,
                    heading=d.heading,
                    chapter=d.chapter,
                    text=d.text,
                    intent=[INTENT_TOKEN] * self.intent[d.slug],
                )
            )
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        return index

    def _notice(self, padded):
        return notice_for(self.notices, padded)

    def _expansion(self, padded):
        """The glossary entries found in the question: [(term, means)], longest terms first."""
        found = []
        tokens = set(padded.split())
        positions = sorted(p for token in tokens for p in self.glossary_by_first_word.get(token, ()))
        for term, means in (self.glossary[p] for p in positions):
            if f" {term} " in padded:
                found.append((term, means))
                padded = padded.replace(f" {term} ", " ")
        return found

    def _query(self, weighted_stems):
        clauses = []
        schema = self.index.schema
        for stem, weight in weighted_stems.items():
            if stem == INTENT_TOKEN:
                term = tantivy.Query.term_query(schema, "intent", stem)
                clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(term, weight)))
                continue
            for name, boost in FIELD_BOOSTS.items():
                term = tantivy.Query.term_query(schema, name, stem)
                clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(term, boost * weight)))
        return tantivy.Query.boolean_query(clauses)

    def _terms(self, query):
        """The question as weighted stems for BM25, plus the stems compared with reader questions."""
        tokens = self._tokens(query)  # nynorsk forms are asked as their bokmål words
        corrected_tokens = [c for t in tokens for c in self._correct(t).split()]
        corrected = " ".join(corrected_tokens) if corrected_tokens != tokens else None
        padded = f" {' '.join(corrected_tokens)} "
        found = [self._notice(f" {' '.join(tokens)} "), self._notice(padded)]
        if self.lang == "nn":  # a phrase list may also hold nynorsk forms
            found.append(self._notice(f" {' '.join(words(query))} "))
        notice, requested = next((n for n, _ in found if n), None), any(r for _, r in found)
        lookalike = self._norwegian_lookalike(corrected_tokens)
        kept = [t for t in corrected_tokens if t not in self.foreign_stopwords or t in lookalike]
        # Filler words ("egentlig", "liksom", "really") say nothing about which passage; unless that is all.
        said = [t for t in kept if t not in FILLER] or kept
        weighted = {s: 1.0 for s in self.analyzer.analyze(" ".join(said))}
        near = [lookalike.get(t) or self._near_reading(t) for t in kept]
        # Words written apart that we write as one ("over dose", "kokain bruk"): særskriving.
        joined = [
            a + b for a, b in zip(kept, kept[1:], strict=False) if len(a + b) >= 6 and a + b in self.surface
        ]
        for stem in self.analyzer.analyze(" ".join(joined)):
            weighted[stem] = max(weighted.get(stem, 0.0), 1.0)
        near_expansion = []  # the glossary entries of the near readings ("snake med" → "snakke med")
        if any(near):
            near_padded = f" {' '.join(n or t for n, t in zip(near, kept, strict=True))} "
            near_expansion = self._expansion(near_padded)
            near_terms = [n for n in near if n] + [m for _, m in near_expansion]
            for stem in self.analyzer.analyze(" ".join(near_terms)):
                weighted[stem] = max(weighted.get(stem, 0.0), NEAR_WEIGHT)
        phrase = self._phrase_stems(kept)
        if INTENT_TOKEN in phrase:
            weighted[INTENT_TOKEN] = INTENT_WEIGHT
        expansion = self._expansion(padded)
        for term, means in expansion:
            # A word the passages never use ("addictive", "hekta") stands in full for its meaning.
            substitute = not any(s in self.index_stems for s in self.analyzer.analyze(term))
            weight = SUBSTITUTE_WEIGHT if substitute else EXPANSION_WEIGHT
            if substitute:
                phrase.update(self.phrase_analyzer.analyze(means))
            for stem in self.analyzer.analyze(means):
                weighted[stem] = max(weighted.get(stem, 0.0), weight)
        emergency = notice is not None and notice["kind"] == "emergency"
        leaning = "emergency" if emergency else "help" if asks_for_help(padded) else None
        if leaning:  # towards what to do right now, or where to get help
            lean(weighted, self.analyzer.analyze, self.notice_terms, leaning)
        for stem in weighted.keys() & self.common:
            weighted[stem] *= COMMON_WEIGHT
        read_as = {t for t, n in zip(kept, near, strict=True) if n}
        reading = read(
            self, kept, f" {' '.join(kept)} ", expansion + near_expansion, INTENT_TOKEN in phrase, read_as
        )
        reading.on_topic = reading.on_topic or requested or leaning == "help"  # a request, a plea: ours
        reading.asks_help = leaning == "help"
        return corrected, notice, weighted, phrase, reading

    def search(self, query, limit=5):
        query = " ".join(query.split())[:MAX_QUERY_CHARS]
        corrected, notice, weighted, phrase, reading = self._terms(query)
        answer = SearchOutcome(
            query=query,
            corrected=corrected,
            notice=notice,
            stems=frozenset(weighted),
            unknown_share=reading.unknown_share,
            content_words=reading.content_words,
        )
        asked = f" {' '.join(self._drop_foreign(corrected or ' '.join(self._tokens(query))).split())} "
        if not weighted:
            return self._uncovered(answer)
        # A question that names only what nearly every passage names ("what is cocaine") says little to
        # BM25: every passage is a candidate, and its wording, compared with the reader questions, decides.
        vague = all(s in self.common for s in weighted if s != INTENT_TOKEN)
        candidates = len(self.documents) if vague else max(limit, CANDIDATES)
        hits = self.searcher.search(self._query(weighted), candidates).hits
        if not hits and notice:
            fallback = {s: EXPANSION_WEIGHT for s in self.analyzer.analyze(self.notice_terms[notice["kind"]])}
            hits = self.searcher.search(self._query(fallback), limit).hits
        if not hits:
            return self._uncovered(answer)
        best = hits[0][0]
        total = sum(weighted.values())
        bm25 = {self.searcher.doc(address)["slug"][0]: score / best for score, address in hits}
        share = VAGUE_BM25 if vague else 1.0
        ranked = sorted(
            (self._rerank(slug, score * share, weighted, total, phrase) for slug, score in bm25.items()),
            key=lambda item: -item[1],
        )
        answer.hits = [(self.documents[slug], round(score, 3)) for slug, score in ranked[:limit]]
        # covered is judged on the best passage's full score, also when BM25 had less say in the order.
        top = self._rerank(ranked[0][0], bm25[ranked[0][0]], weighted, total, phrase)[1]
        # The booklet says what to do when someone may be dying; an emergency is always answered.
        emergency = notice is not None and notice["kind"] == "emergency"
        excluded = self.scope.excludes(asked) or names_a_form(
            self.analyzer, self.scope.without_slang_use(asked), self.scope_stems
        )
        # Where to get help is in the booklet: a plea for help is answered, unless about what it never covers.
        answer.covered = (
            emergency or (reading.asks_help and not excluded) or is_covered(top, reading, excluded)
        )
        return answer if answer.covered else self._uncovered(answer)

    def shown(self, outcome):
        """Another edition's outcome for one question, shown in this edition: the same passages by id,
        and this edition's notice of the same kind. Its words are not marked (they are the other
        language's)."""
        outcome.hits = [
            (self.documents[d.slug], score) for d, score in outcome.hits if d.slug in self.documents
        ]
        if outcome.notice is not None:
            kind = outcome.notice["kind"]
            texts = {k: text for k, _, text, _ in self.notices} | {"not_covered": self.scope.text}
            outcome.notice = {"kind": kind, "text": texts.get(kind) or outcome.notice["text"]}
        outcome.stems = frozenset()
        return outcome

    def _uncovered(self, answer):
        """covered: false; says so plainly, unless an emergency or out-of-scope notice already speaks."""
        answer.covered = False
        if answer.notice is None and self.scope.text:
            answer.notice = {"kind": "not_covered", "text": self.scope.text}
        return answer

    def _alias_similarity(self, slug, phrase):
        """The best Jaccard overlap of the question's stems with one of the passage's reader questions."""
        best = 0.0
        for alias in self.alias_stems[slug]:
            shared = len(phrase & alias)
            if shared:
                best = max(best, shared / (len(phrase) + len(alias) - shared))
        return best

    def _rerank(self, slug, score, weighted, total, phrase):
        """BM25, scaled by how much of the question the passage covers and how close it is to a reader question."""
        covered = sum(w for s, w in weighted.items() if s in self.doc_stems[slug]) / total
        return slug, score * (COVER_BASE + covered) + ALIAS_BONUS * self._alias_similarity(
            slug, phrase
        ) ** ALIAS_POWER

    def highlight_words(self, text, stems):
        """The words in text whose stems were searched for, except stems in nearly every passage ("kokain")."""
        telling = stems - self.common
        return {
            w for w in set(words(text)) if set(self.analyzer.analyze(" ".join(self._tokens(w)))) & telling
        }


_lock = threading.Lock()
_current = {}  # edition → (stamp, index)


def index_for(stamp, build, lang="nb"):
    """The edition's index for this content version; rebuilt once when the version changes (in every
    process). build(lang) makes it."""
    found = _current.get(lang)
    if found is None or found[0] != stamp:
        with _lock:
            found = _current.get(lang)
            if found is None or found[0] != stamp:
                found = _current[lang] = (stamp, build(lang))
    return found[1]


def _analyzers(lang, surface):
    """(the analyzer for questions and passages, the one for phrases, which keeps stopwords)."""
    if lang == "en":
        return build_english_analyzer(), build_english_analyzer(stopwords=False)
    parts = compound_parts(surface, function_words(surface))
    return build_analyzer(parts), build_analyzer(parts, stopwords=False)


def _one_letter_dropped(vocabulary):
    """Our words by each form with one letter dropped: a one-letter slip is found by lookup, not a scan."""
    table = defaultdict(list)
    for rank, w in enumerate(vocabulary):
        if len(w) >= 4:
            for d in {w} | {w[:i] + w[i + 1 :] for i in range(len(w))}:
                table[d].append((rank, w))
    return table

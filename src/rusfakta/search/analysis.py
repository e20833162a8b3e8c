"""The Norwegian analyzer: lowercase, stopwords, compound splitting against our own vocabulary, Snowball
stems; and the English edition's: lowercase, English stopwords, tantivy's English (Snowball) stemmer."""

import re

import tantivy

WORD = re.compile(r"[a-zæøåéü0-9]+(?:-[a-zæøåéü0-9]+)*", re.IGNORECASE)
MIN_PART = 3


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def compound_parts(vocabulary, function_words=frozenset()):
    """Words to split compounds into: the vocabulary minus its own compounds, plus linking-s forms.

    "kokainbruk" is dropped because "kokain" and "bruk" both occur; "blandingsbruk" adds "blandings".
    Function words (stopwords such as "kan", "for") are never parts: "kanskje" is not "kan" + "skje".
    """
    vocabulary = {w for w in vocabulary if len(w) >= MIN_PART and "-" not in w and w not in function_words}
    compounds, linking = set(), set()
    for word in vocabulary:
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail not in vocabulary:
                continue
            if head in vocabulary:
                compounds.add(word)
            elif head.endswith("s") and head[:-1] in vocabulary:
                compounds.add(word)
                linking.add(head)
    return sorted((vocabulary - compounds) | linking)


def function_words(vocabulary):
    """The words of the vocabulary that the Norwegian stopword filter drops."""
    plain = build_analyzer([])
    return frozenset(w for w in vocabulary if not plain.analyze(w))


# Function words the Norwegian list lacks whose stem is a word of ours: "hva slags" would be stemmed to
# "slag", the stroke of "kan man få slag av kokain".
MORE_STOPWORDS = ["slags", "sorts"]


def build_analyzer(parts, stopwords=True):
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
    if stopwords:
        builder = builder.filter(tantivy.Filter.stopword("norwegian"))
        builder = builder.filter(tantivy.Filter.custom_stopword(MORE_STOPWORDS))
    if parts:
        builder = builder.filter(tantivy.Filter.split_compound(parts))
    return builder.filter(tantivy.Filter.stemmer("norwegian")).build()


# Words of the way people talk, not of what they ask about (the Norwegian stopword list lacks them).
FILLER = frozenset(
    "egentlig egentli liksom lissom typ helt faktisk sikkert vel jo altså sant skikkelig "
    "ganske veldig lurer hei lol ass kanskje really actually like kinda basically literally honestly tbh "
    "anyway ok okay please".split()
)


# English function words: tantivy's own list (Lucene's 33) keeps "how", "what", "do", "i" and "my", which
# then weigh as much as "overdose" in a question. This is the usual longer list (NLTK's, without the
# negations, which the claim about how many use reads from the words kept: search/signals.py).
ENGLISH_STOPWORDS = sorted(
    set(
        "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she "
        "her hers herself it its itself they them their theirs themselves what which who whom this that "
        "these those am is are was were be been being have has had having do does did doing a an the and "
        "but if or because as until while of at by for with about against between into through during "
        "before after above below to from up down in out on off over under again further then once here "
        "there when where why how all any both each few more most other some such only own same so than "
        "too very s t can will just don should now d ll m o re ve y would could might must shall "
        "im ive id youre whats dont doesnt ur u".split()
    )
)


def build_english_analyzer(stopwords=True):
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
    if stopwords:
        builder = builder.filter(tantivy.Filter.custom_stopword(ENGLISH_STOPWORDS))
    # Twice: Snowball is not idempotent ("environmental" → "environment" → "environ"), and a word and its
    # derived form should meet on one stem.
    return builder.filter(tantivy.Filter.stemmer("english")).filter(tantivy.Filter.stemmer("english")).build()

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


def build_analyzer(parts, stopwords=True):
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
    if stopwords:
        builder = builder.filter(tantivy.Filter.stopword("norwegian"))
    if parts:
        builder = builder.filter(tantivy.Filter.split_compound(parts))
    return builder.filter(tantivy.Filter.stemmer("norwegian")).build()


def build_english_analyzer(stopwords=True):
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
    if stopwords:
        builder = builder.filter(tantivy.Filter.stopword("english"))
    return builder.filter(tantivy.Filter.stemmer("english")).build()

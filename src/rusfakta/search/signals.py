"""Two signals the words alone miss (decision 0004, 0015).

- **Claims about how many use** (`quantified_use`): "alle tar koks?", "har de fleste prøvd",
  "hvor mange har ikke brukt". The analyzer drops "alle", "ikke" and "mange" as stopwords, so such
  a question reads as "koks", "prøvd", "brukt", and lands on any figure. Here a quantity word or
  a negation next to a word for using is one token, found the same way in the passages' text and
  in the question. Passages get it only from their own text ("de fleste ikke bruker det", "lar
  være"), never from a list of passages.
- **Words the booklet never uses** (`unknown_share`): the share of the question's content words
  that are real Norwegian words (the lexicon) but not in our vocabulary. "hva hjelper mot hodepine"
  has one content word we know ("hjelp") and one real word we never use ("hodepine").
"""

INTENT_TOKEN = "qqmengdebruk"
# Quantities and negations: what "everyone does it" and "most don't" have in common.
QUANTITY = frozenset(
    "alle fleste flest flertallet flertall majoriteten ingen everyone everybody most all nobody".split()
)
# A negation counts only right before the word for using, or with a helping verb between ("ikke har
# prøvd", "aldri å ta"): "ikke lenger brukt som medisin" says nothing about how many use.
NEGATION = frozenset("ikke ikkje aldri never not".split())
HELPERS = frozenset("har hadde å vil ville skal kan ever".split())
USE = frozenset(
    "bruk bruke bruker brukt brukte prøve prøver prøvd prøvde prøvt ta tar tatt tok gjør "
    "brukar brukarar tek teke teken "  # nynorsk forms the bokmål map may leave as they are
    "use uses used using tried try tries doing holder vanlig normalt common "
    "sniffer sniffe snorter snorte snort snorting sniffing do does did".split()
)
WINDOW = 3  # words either side


# In a question only: "hele klassen har prøvd", "halvparten har tatt". In the passages these words say
# other things ("hele verden", "halvparten av beslagene").
QUESTION_QUANTITY = QUANTITY | frozenset("hele heile halvparten half".split())


def quantified_use(tokens, question=False):
    """How often a quantity or negation word stands within WINDOW words of a word for using."""
    found = 0
    quantity = QUESTION_QUANTITY if question else QUANTITY
    for i, token in enumerate(tokens):
        if token in quantity:
            near = tokens[max(0, i - WINDOW) : i] + tokens[i + 1 : i + 1 + WINDOW]
            found += any(t in USE for t in near)
        elif token in NEGATION:
            after = tokens[i + 1 : i + 3]
            found += bool(after) and (
                after[0] in USE or (after[0] in HELPERS and len(after) > 1 and after[1] in USE)
            )
    joined = f" {' '.join(tokens)} "
    return found + joined.count(" lar være ") + joined.count(" la være ")

"""Which notice a question gets (decision 0015, session 8): the pack's phrase lists, and an emergency
told in one's own words.

The lists hold what people say ("puster ikke", "bevisstløs", "where can i buy"), with `unless` words
that undo a phrase ("where can i get help" asks for help, not for drugs). An emergency is also told in
words no list foresees: "kompisen er kokvarm og svett og snakker bare tull", "hjelp ho har svima av og
er heilt kald og bleik". That is a sign of danger in the body (`danger_signs`) said of someone (a person
word), and not asked about in general ("hva skjer hvis", "what are the signs"): the notice then asks
whether someone is in danger now and says to ring 113. A question about the body in general
("er det farlig for hjertet å ta kokain") names no one, and gets no such notice.
"""

from rusfakta.search.coverage import names_one
from rusfakta.search.outcome import phrase_in

# What the body does in an emergency, as one word.
STATES = frozenset(
    "bevisstløs besvimt besvimte besvimer svimt svima kramper krampe krampa rykker rykke rykninger "
    "skjelver bleik blek likblek kaldsvett svett svetter glovarm kokvarm overopphetet kollapset kollapsa "
    "forvirret forvirra slapp stiv svimmel spyr unconscious fainted seizure seizures fitting shaking "
    "convulsing blue pale purple sweating overheating collapsed confused limp dizzy vomiting puking".split()
)

# What someone no longer does: with a negation ("puster nesten ikke", "not breathing", "cant wake").
FAILING = frozenset(
    "puste puster pustar breathe breathing våkne våkner vakne vaknar wake waking svarer svarar respond "
    "responding reagerer stå stand".split()
)
NEGATIONS = frozenset("ikke ikkje not cant t".split())  # "can't" is read as "can t"
# A part of the body and what it does: "vondt i brystet", "hjertet slår helt vilt", "heart is racing".
BODY = frozenset(
    "brystet bryst chest hjertet hjarta hjartet heart armen arm ansiktet fjeset face leppene lips munnen "
    "mouth kjeven jaw kroppen hodet hovudet head øynene augo eyes nesa".split()
)
BODY_STATES = frozenset(
    "vondt smerter hurts hurting pain tight fort raser dunker dunkar racing pounding vilt sykt hardt hopper "
    "stikk stikker nummen numb tingling grå grått grey gray blå blåe blue purple lilla stiv låst locked "
    "svarte rolling blør bleeding".split()
)
PHRASES = tuple(
    f" {p} "
    for p in (
        "kaster opp",
        "kaste opp",
        "throwing up",
        "helt borte",
        "heilt borte",
        "pass out",
        "passing out",
        "out cold",
        "datt om",
        "detta sammen",
        "falt om",
        "dropped",
        "får ikke luft",
        "ikke får luft",
        "snakker tull",
        "snakker bare tull",
        "talking nonsense",
        "går i svart",
    )
)

# Someone it is said of.
PEOPLE = frozenset(
    "vennen venen venninna venninnen venn kompis kompisen kameraten kjæresten kjærasten broren bror søstera søster "
    "mamma mora pappa faren fyren jenta gutten han hun ho jeg eg meg mi min mitt friend buddy mate bro "
    "guy girl boyfriend girlfriend "
    "brother sister he hes she shes him her im me my we vi".split()  # not "i": Norwegian "in"
)
# Asked about in general, not told. Not "om": "han datt om". "kan" and "can" only without a negation:
# "kan kokain gi kramper" asks, "han kan ikke puste" tells.
GENERAL = frozenset(
    "hvis dersom viss kan kunne if can could would might tegn teikn signs symptomer symptom symptoms "
    "tilfelle case lurer wondering".split()
)
MAY = frozenset("kan kunne can could".split())

# Not answering messages is no emergency: "han svarer ikke på snap lenger", "doesn't answer my texts".
ANSWERING = frozenset("svarer svarar svare respond responds responding answer answers answering".split())
MESSAGES = frozenset(
    "snap snapchat snappen melding meldinger meldingen meldingene meldingane sms tlf telefonen mobilen "
    "insta dm dms texts text messages message calls".split()
)

# How easy it is to get cocaine is a figure the booklet gives (ESPAD, Ungdata): a question about it is
# no request, unless it asks where ("hvor er det lett å få tak i"; "hvor lett er det" asks how easy).
EASY = (
    "lett … å få tak i",
    "lettere … å få tak i",
    "lettare … å få tak i",
    "vanskelig … å få tak i",
    "lett … å skaffe",
    "lettere … å skaffe",
    "lett tilgjengelig",
    "easy … to get",
    "easier … to get",
    "hard … to get",
    "tilbud om å kjøpe",
    "offered",
)
WHERE = (" hvor er ", " hvor kan ", " hvor får ", " kor er ", " kor kan ", " kor får ", " where ")


def asks_how_easy(padded):
    """Whether the question asks how easy it is to get cocaine (or how many were offered it), not where."""
    return any(phrase_in(p, padded) for p in EASY) and not any(w in padded for w in WHERE)


# When a notice fires or someone asks for help, the answers also lean towards what the booklet says
# about that danger, or where to get help, at this weight (a plea is often said beside much else:
# "trenger noen å prate med, har brukt for mye snø i det siste").
NOTICE_TERMS = {
    "emergency": "overdose pustestans hjertestans hjelp",
    "out_of_scope": "risiko skader hjelp",
    "help": "hjelp",
}
NOTICE_TERMS_EN = {
    "emergency": "overdose breathing cardiac arrest help",
    "out_of_scope": "risk harm help",
    "help": "help",
}
LEANING_WEIGHT = {"emergency": 0.4, "help": 1.0}

# A plea for help, in the words people use (nynorsk is read as bokmål first). Not "hjelp meg" or "help
# me": "hjelp meg å forstå hva kokain er" asks what cocaine is.
HELP_REQUEST = (
    "trenger hjelp",
    "trenger noen å",
    "noen å prate med",
    "noen å snakke med",
    "snakke med noen",
    "prate med noen",
    "kan noen hjelpe",
    "noen som kan hjelpe",
    "hvor kan jeg få hjelp",
    "hvem kan jeg",
    "need help",
    "need someone",
    "someone to talk to",
    "talk to someone",
    "get help",
    "where can i get help",
)


def asks_for_help(padded):
    return any(phrase_in(p, padded) for p in HELP_REQUEST)


def lean(weighted, analyze, terms, kind):
    """Lean the weighted stems towards a notice's kind: in an emergency, who it is and that they don't
    answer say nothing of what to do ("vennen svarer ikke" found the survey passages)."""
    for stem in analyze(terms[kind]):
        weighted[stem] = max(weighted.get(stem, 0.0), LEANING_WEIGHT[kind])
    if kind == "emergency":
        for stem in analyze(" ".join(ANSWERING | PEOPLE)):
            weighted.pop(stem, None)


def danger_signs(tokens):
    """Whether the words tell of danger in someone's body right now."""
    padded = f" {' '.join(tokens)} "
    # A negation just before or after: "klarer ikke å puste", "puster nesten ikke".
    near = lambda i: tokens[max(0, i - 3) : i] + tokens[i + 1 : i + 3]  # noqa: E731
    failing = any(t in FAILING and any(n in NEGATIONS for n in near(i)) for i, t in enumerate(tokens))
    body = any(t in BODY for t in tokens) and any(t in BODY_STATES for t in tokens)
    said = any(t in STATES for t in tokens) or failing or body or any(p in padded for p in PHRASES)
    denied = lambda i: bool(NEGATIONS & set(tokens[i + 1 : i + 3]))  # noqa: E731  "kan ikke", "can not"
    general = any(t in GENERAL and not (t in MAY and denied(i)) for i, t in enumerate(tokens))
    return said and any(t in PEOPLE for t in tokens) and not general


def notice_for(notices, padded):
    """(the first notice the question has a phrase of and none of its `unless` words, whether it has a
    phrase of any): "where can i get help" asks for help, not for drugs, and is our topic all the same.
    An emergency told in one's own words (`danger_signs`) gets the emergency notice too. notices:
    [(kind, phrases, text, unless)], emergency first."""
    tokens = padded.split()
    if MESSAGES & set(tokens):  # "svarer ikke på snap" tells of no danger
        tokens = [t for t in tokens if t not in ANSWERING]
    told, easy = danger_signs(tokens), asks_how_easy(padded)
    requested = False
    for kind, phrases, text, unless in notices:  # a gap (…) in a phrase stands for a few words
        asked = f" {' '.join(tokens)} " if kind == "emergency" else padded
        if any(phrase_in(p, asked) for p in phrases) or (kind == "emergency" and told):
            requested = True
            if not names_one(tokens, padded, unless) and not (kind == "out_of_scope" and easy):
                return {"kind": kind, "text": text}, True
    return None, requested

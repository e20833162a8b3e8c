"""Builds the search's language data at authoring time (never at request time).

    scripts/build_search_data      (needs Debian's apertium-nno-nob and the `authoring` extra)

Writes these files into src/rusfakta/search/data/, which are committed:

- lexicon.txt.gz: word forms that are real bokmål or nynorsk words, one per line, sorted. A word is
  real when Apertium's bokmål or nynorsk analyser knows it as a word of its own (not only as the
  first part of a compound), or when it is common in written Norwegian (wordfreq's Norwegian list,
  Zipf frequency 3 or more: names, loans, slang such as "koks"). Candidates: wordfreq's Norwegian
  words with Zipf frequency 1.5 or more, plus every word of our content pack and its nynorsk draft.
  Spelling correction never changes a word in this list.
- nn_nb.tsv: nynorsk word → bokmål word, for the words of our content pack as Apertium drafts them
  in nynorsk (`apertium nob-nno`), and common nynorsk function words, each mapped back by
  `apertium nno-nob`. Only function words and words that are not also bokmål words are mapped
  ("kva" → "hva", "ikkje" → "ikke", "viss" → "hvis"; "heller" stays as it is).
- common.txt.gz: the everyday words of written Norwegian (wordfreq's list, Zipf frequency COMMON_ZIPF
  or more: "aldri", "sliter", "forsvinner"). A question that uses one we never use is still about
  something we may cover; the "not covered" signal counts only the rarer words (decision 0015).
- zipf_nb.tsv.gz, zipf_en.tsv.gz: the general frequency of each word of our text (general_frequencies).
- en_words.txt.gz: common English word forms (wordfreq's English list, Zipf frequency 3 or more,
  letters only), for the English edition's spelling correction, which leaves these alone.
  `scripts/build_search_data --english` writes only this file and the zipf files (no Apertium needed).
"""

import gzip
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "rusfakta" / "search" / "data"
APERTIUM = Path("/usr/share/apertium/apertium-nno-nob")
NOB_ANALYSER = APERTIUM / "nob-nno.automorf.bin"
NNO_ANALYSER = APERTIUM / "nno-nob.automorf.bin"
WORD = re.compile(r"[a-zæøåéèêóòôü]+", re.IGNORECASE)

# Nynorsk function words and common forms a question uses; the pack's draft adds our own vocabulary.
NYNORSK_COMMON = """
kva kven kvar kvifor korleis kor kvifor kvi når eg meg min mi mitt mine ho henne dei deira dykk
dykkar de ein eit eitt ikkje berre òg og nokon noko nokre noka ingen inkje mykje mange fleire
fleste heile sjølv sjølve slik slike sånn sånne her der no då sidan medan viss dersom om fordi
at som enn frå til med mot utan over under etter før gjennom mellom vere vera er var vore har
hadde hatt ha blir vert vart vorte blitt bli kan kunne skal skulle vil ville må måtte bør burde
får fekk fått gjer gjorde gjort seier sa sagt veit visste tenkjer trur trudde kjem kom komme
gå går gjekk tek tok teke ta gjev gir gav gjeve gi ser såg sett lite litt meir mest minst
sjeldan ofte alltid aldri kanskje nesten heilt berre enno framleis igjen også jo vel jaudå
veneninne venninne ven vener venen venene vennar vennene foreldre forelder mor far syster bror
barn ungdom ungdomar jente jenter gut gutar skule skulen elev elevar lærar lærarar helsesjukepleiar
fest festar russ russetida helse sjukehus lege legen hjelp hjelpe hjelper hjelpte snakke snakkar
farleg farlege farlegare skadeleg skadelege avhengig avhengnad rus rusa ruse ruser blandar blande
blanda bruke brukar brukarar bruka brukte prøve prøvd prøvde tatt teke døy døydde døyr daud død
kropp kroppen hjarte hjartet hjernen nase nasen blod gravid graviditet foster
auke aukar auka auken aukande minke minkar minka finst fanst kjenner kjende
""".split()


# Nynorsk function words that are also bokmål forms ("viss", "då"), or that Apertium reads as
# something else out of context ("dei" as the object form): these are set by hand.
# "kven", "kvar", "kor" and "tek" are also (rare) bokmål words, so the rule below would keep them.
FUNCTION_WORDS = {
    "viss": "hvis",
    "dei": "de",
    "kvi": "hvorfor",
    "då": "da",
    "sjølv": "selv",
    "kven": "hvem",
    "kvar": "hvor",
    "kor": "hvor",
    "tek": "tar",
    # Apertium knows the country only as the name "Noreg"; a question types it in lower case.
    "noreg": "norge",
    "noregs": "norges",
    # Nynorsk forms the bokmål analyser also accepts, so the rule below would keep them as they are;
    # a bokmål reader writes the word on the right.
    "berre": "bare",
    "heile": "hele",
    "heilt": "helt",
    "frå": "fra",
    "ho": "hun",
    "inkje": "ikke",
    "dykk": "dere",
    "òg": "også",
    "vart": "ble",
    "vorte": "blitt",
    "seier": "sier",
    "veit": "vet",
    "trur": "tror",
    "trudde": "trodde",
    "kjem": "kommer",
    "gjekk": "gikk",
    "gjev": "gir",
    "gjeve": "gitt",
    "fekk": "fikk",
    "såg": "så",
    "framleis": "fremdeles",
    "sjølve": "selve",
    "skule": "skole",
    "skulen": "skolen",
    "gut": "gutt",
    "sjukehus": "sykehus",
    "nase": "nese",
    "nasen": "nesen",
    "daud": "død",
    "auke": "øke",
    "auka": "økte",
    "auken": "økningen",
    "minka": "minket",
    "ven": "venn",
}
COMMON_ZIPF = 4.5


def run(command, text):
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=True)
    return result.stdout


def analysed(analyser, words):
    """{word: True if the analyser knows it as a word of its own}."""
    known = {}
    output = run(["lt-proc", str(analyser)], "\n".join(words) + "\n")
    for line, word in zip(output.splitlines(), words, strict=True):
        readings = line.strip().strip("^$").split("/")[1:]
        known[word] = any(r and not r.startswith("*") and "<compound-only-L>" not in r for r in readings)
    return known


EDITIONS = ("nn", "en")  # the translated editions' folders in the pack


def pack_words(edition=None):
    """The text of the bokmål pack, or of one translated edition (content/kokain/nn)."""
    root = ROOT / "content" / "kokain"
    text = []
    for path in sorted((root / edition if edition else root).rglob("*")):
        if path.suffix in (".md", ".yaml") and (edition or path.relative_to(root).parts[0] not in EDITIONS):
            text.append(path.read_text(encoding="utf-8"))
    return "\n".join(text)


ENGLISH_ZIPF = 3.0  # common misspellings ("recieve", "definately") are just under 3


def english_words():
    import wordfreq

    plain = re.compile(r"[a-z]+")
    found = sorted(
        w
        for w in wordfreq.iter_wordlist("en")
        if plain.fullmatch(w) and wordfreq.zipf_frequency(w, "en") >= ENGLISH_ZIPF
    )
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "en_words.txt.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(found) + "\n")
    print(f"English words: {len(found)}")


def general_frequencies():
    """zipf_nb.tsv.gz and zipf_en.tsv.gz: how common each word of our own text is in written Norwegian
    and English at large (wordfreq's Zipf frequency; words wordfreq doesn't know are left out). The
    search compares it with how often our passages use the word: a word far more common in our text
    than in general ("overdose", "kokain") is about our topic; one that isn't ("helg", "vite") is not."""
    import wordfreq

    OUT.mkdir(parents=True, exist_ok=True)
    norwegian = {w.lower() for w in WORD.findall(pack_words() + pack_words("nn"))}
    english = {w.lower() for w in WORD.findall(pack_words("en"))}
    for name, words, langs in (("zipf_nb", norwegian, ("nb",)), ("zipf_en", english, ("en",))):
        rows = sorted(
            (w, max(wordfreq.zipf_frequency(w, lang) for lang in langs)) for w in words if not w.isdigit()
        )
        with gzip.open(OUT / f"{name}.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
            f.write("".join(f"{w}\t{z:.2f}\n" for w, z in rows if z > 0))
        print(f"{name}: {sum(1 for _, z in rows if z > 0)} of {len(rows)} words")


def main():
    import wordfreq

    english_words()
    general_frequencies()
    if "--english" in sys.argv[1:]:
        return

    from rusfakta.search.language import nordic_spellings  # the search's own rule, no Django needed

    if not NOB_ANALYSER.exists():
        sys.exit("needs Debian's apertium-nno-nob (apt-get install apertium-nno-nob lttoolbox)")
    ours = pack_words()
    our_words = {w.lower() for w in WORD.findall(ours)}
    draft = run(["apertium", "nob-nno"], ours)  # our bokmål text drafted in nynorsk
    # Only the forms the draft changed: a word of our own text ("nose" in an English reader
    # question) is never read as nynorsk.
    nynorsk_words = {w.lower() for w in WORD.findall(draft.replace("*", " ").replace("#", " "))} - our_words
    nynorsk_words |= set(NYNORSK_COMMON)
    # The nynorsk edition's own words, so that its passages are read as questions are (#19).
    nynorsk_words |= {w.lower() for w in WORD.findall(pack_words("nn"))} - our_words

    frequency = {w: wordfreq.zipf_frequency(w, "nb") for w in wordfreq.iter_wordlist("nb", wordlist="large")}
    candidates = sorted(
        {w for w, z in frequency.items() if z >= 1.5 and WORD.fullmatch(w)} | our_words | nynorsk_words
    )
    bokmal = analysed(NOB_ANALYSER, candidates)
    nynorsk = analysed(NNO_ANALYSER, candidates)
    # Common on the web but unknown to both analysers: kept (names, loans, slang), unless it is a
    # real word typed without æ, ø, å ("provd" for "prøvd"): that one should still be corrected.
    # The same for our own words, which include reader questions typed the way readers type.
    frequent = [
        w
        for w in candidates
        if not (bokmal[w] or nynorsk[w]) and (frequency.get(w, 0) >= 3.0 or w in our_words)
    ]
    variants = sorted({v for w in frequent for v in nordic_spellings(w)})
    variant_bokmal, variant_nynorsk = analysed(NOB_ANALYSER, variants), analysed(NNO_ANALYSER, variants)
    ascii_typed = {
        w for w in frequent if any(variant_bokmal[v] or variant_nynorsk[v] for v in nordic_spellings(w))
    }
    lexicon = sorted(
        w for w in candidates if bokmal[w] or nynorsk[w] or (w in frequent and w not in ascii_typed)
    )

    # Only words that are not also bokmål words ("heller", "fest" and "kroppen" stay as they are).
    to_map = sorted(w for w in nynorsk_words if nynorsk.get(w) and not bokmal.get(w))
    mapped = run(["apertium", "-u", "nno-nob"], "\n".join(to_map) + "\n").splitlines()
    pairs = dict(FUNCTION_WORDS)
    for nn, nb in zip(to_map, mapped, strict=True):
        if nn in FUNCTION_WORDS:
            continue
        nb = nb.strip().lower()
        if nb and nb != nn and WORD.fullmatch(nb):
            pairs[nn] = nb
    pairs = {nn: nb for nn, nb in pairs.items() if nn != nb}

    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "lexicon.txt.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(lexicon) + "\n")
    common = sorted(w for w, z in frequency.items() if z >= COMMON_ZIPF and WORD.fullmatch(w))
    with gzip.open(OUT / "common.txt.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(common) + "\n")
    (OUT / "nn_nb.tsv").write_text(
        "# nynorsk\tbokmål, made by scripts/build_search_data.py with apertium nno-nob; do not edit\n"
        + "".join(f"{nn}\t{nb}\n" for nn, nb in sorted(pairs.items())),
        encoding="utf-8",
    )
    print(f"lexicon: {len(lexicon)} words; nynorsk map: {len(pairs)} words; common: {len(common)} words")


if __name__ == "__main__":
    main()

"""The three editions (decision 0016), on a pack with complete machine-made nn and en translations
(tests/support/editions.py): every page of /nn/ and /en/ passes the page checks; an /en/ page shows no
Norwegian sentence and an /nn/ page no bokmål-only word outside names and source titles (marked
translate="no"); every figure a page links to shows the same value in all three editions."""

import re
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import html5lib
import pytest
from django.conf import settings

from rusfakta.pack.sections import load_pack
from tests.pages.test_pages import visit
from tests.support.editions import NYNORSK, make_translated_pack

BOKMAL_ONLY = {word for word, nn in NYNORSK.items() if word != nn}
NORWEGIAN = {
    "og",
    "ikke",
    "ikkje",
    "hva",
    "kva",
    "som",
    "det",
    "på",
    "av",
    "til",
    "med",
    "fra",
    "frå",
    "eller",
    "hvordan",
    "korleis",
    "også",
    "bare",
    "berre",
    "mange",
    "blir",
    "ble",
    "har",
    "kan",
    "er",
    "jeg",
    "eg",
}
NN_PO = Path(settings.LOCALE_PATHS[0]) / "nn" / "LC_MESSAGES" / "django.po"
EN_PO = NN_PO.parents[2] / "en" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def editions(django_db_blocker, tmp_path_factory):
    pack = make_translated_pack(settings.CONTENT_PACK_DIR, tmp_path_factory.mktemp("editions") / "kokain")
    with django_db_blocker.unblock():
        load_pack(pack, force=True)
    yield pack
    with django_db_blocker.unblock():
        load_pack(settings.CONTENT_PACK_DIR, force=True)


CRAWLS = {}  # start → pages found, kept for the module (the editions pack stays loaded meanwhile)


def crawl(pages, start, limit=400):
    """(url, document, html) of every HTML page of one edition reachable from its home page."""
    if start not in CRAWLS:
        CRAWLS[start] = _crawl(pages, start, limit)
    return CRAWLS[start]


def _crawl(pages, start, limit):
    def follow(_url, link):
        path, _ = urldefrag(link)
        return None if urlparse(link).netloc or not path.startswith(start) else path

    return list(visit(pages, start, follow, limit))


def reader_text(document, lang, keep=None):  # keep(text) → the text to check
    """The text a reader sees in the page's language: not names or source titles (translate="no"),
    and not the links to the other editions."""
    parts = []

    def walk(element, inherited):
        if element.tag in ("script", "style", "head") or element.get("translate") == "no":
            return
        if element.get("class") == "edition":
            return
        here = element.get("lang") or inherited
        if element.text and here == lang:
            parts.append(element.text)
        for child in element:
            walk(child, here)
            if child.tail and here == lang:
                parts.append(child.tail)

    walk(document, document.get("lang"))
    return " ".join(keep(part) if keep else part for part in parts)


def template_fragments():
    """Every interface string (the bokmål msgids of the English catalogue), cut at its placeholders:
    those are h19po's to translate; the rest of a page is the pack's."""
    text = EN_PO.read_text(encoding="utf-8")
    found = re.findall(r'^msgid(?:_plural)? ((?:".*"\n)+)', text, re.MULTILINE)
    strings = ["".join(re.findall(r'"(.*)"', block)).replace('\\"', '"') for block in found]
    pieces = {p.strip() for s in strings for p in re.split(r"%\(\w+\)[sd]|%s|<[^>]*>", " ".join(s.split()))}
    return sorted((p for p in pieces if len(p) > 3), key=len, reverse=True)


def without(fragments):
    """The part of a text that is not an interface string."""

    def rest(part):
        part = " ".join(part.split())
        for fragment in fragments:
            if fragment in part:
                part = part.replace(fragment, " ")
        return part

    return rest


def marked_other(document, lang):
    """Elements in another language than the page that are not names or source titles (fallbacks)."""
    return [
        el
        for el in document.iter()
        if el.get("lang") not in (None, lang)
        and el.get("translate") != "no"
        and el.get("class") != "edition"
        and el.tag != "html"
    ]


# Page types every edition has; the crawl must reach each (a link lost would hide a page from the test).
PAGE_TYPES = (
    "",
    "innhold/",
    "kapittel/",
    "kilder/",
    "tall/",
    "tall/alle/",
    "tall/hvorfor-forskjellige/",
    "hjelp/",
    "blanding/",
    "quiz/",
    "quiz/utskrift/",
    "quiz/fasit/",
    "tenk-selv/",
    "spor/",
    "spor/?q=",
)


def assert_every_page_type(found, lang):
    urls = [url for url, _, _ in found]
    for kind in PAGE_TYPES:
        assert any(url.startswith(f"/{lang}/{kind}") for url in urls), f"/{lang}/{kind} not reached"


def english_problems(found):
    for url, document, _ in found:
        assert document.get("lang") == "en", url
        assert not marked_other(document, "en"), f"{url}: bokmål fallback in a complete edition"
        for sentence in re.split(r"[.!?:\n]", reader_text(document, "en")):
            norwegian = set(re.findall(r"[a-zæøåò]+", sentence.lower())) & NORWEGIAN
            assert len(norwegian) < 2, f"{url}: Norwegian sentence {sentence.strip()!r}"


def test_every_english_page_is_english(editions, pages):
    found = crawl(pages, "/en/")
    assert len(found) > 100
    assert_every_page_type(found, "en")
    english_problems(found)


def nynorsk_problems(found):
    """bokmål-only words in what the pack gives a page (its interface strings are left to h19po's
    catalogue and the test below)."""
    fragments = template_fragments()
    for url, document, _ in found:
        assert document.get("lang") == "nn", url
        assert not marked_other(document, "nn"), f"{url}: bokmål fallback in a complete edition"
        for part in [*document.iter("article"), *document.iter("table"), *document.iter("fieldset")]:
            text = reader_text(part, "nn", keep=without(fragments))
            words = set(re.findall(r"[a-zæøåò]+", text.lower()))
            assert not words & BOKMAL_ONLY, (
                f"{url}: bokmål-only words {sorted(words & BOKMAL_ONLY)} in {text!r}"
            )


def test_every_nynorsk_page_is_nynorsk_in_its_content(editions, pages):
    found = crawl(pages, "/nn/")
    assert len(found) > 100
    assert_every_page_type(found, "nn")
    nynorsk_problems(found)


@pytest.mark.skipif(
    NN_PO.read_text(encoding="utf-8").count("msgid") < 50, reason="needs h19po's nynorsk template strings"
)
def test_every_nynorsk_page_has_no_bokmal_only_words(editions, pages):
    for url, document, _ in crawl(pages, "/nn/"):
        words = set(re.findall(r"[a-zæøåò]+", reader_text(document, "nn").lower()))
        assert not words & BOKMAL_ONLY, f"{url}: bokmål-only words {sorted(words & BOKMAL_ONLY)}"


def numbers(text, lang):
    text = text.replace("\u00a0", " ")
    if lang == "en":
        found = re.findall(r"\d[\d,]*(?:\.\d+)?", text)
        return [float(n.replace(",", "")) for n in found]
    found = re.findall(r"\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:,\d+)?", text)
    return [float(n.replace(" ", "").replace(",", ".")) for n in found]


def figures_on(pages, url, lang):
    """{record: [numbers shown]} for every figure link of the page."""
    return figures_in(pages.get(url).content.decode(), lang)


def figures_in(html, lang):
    document = html5lib.parse(html, namespaceHTMLElements=False)
    found = {}
    for link in document.iter("a"):
        if link.get("class") == "stat":
            slug = link.get("href").rstrip("/").rsplit("/", 1)[-1]
            found.setdefault(slug, []).append(numbers("".join(link.itertext()), lang))
    return found


@pytest.mark.parametrize(
    "page", ["/kapittel/utbredelse/", "/kapittel/opinion/", "/tall/", "/tall/hvorfor-forskjellige/"]
)
def test_every_figure_shows_the_same_value_in_every_edition(editions, pages, page):
    bokmal = figures_on(pages, page, "nb")
    assert bokmal
    for lang in ("nn", "en"):
        assert figures_on(pages, f"/{lang}{page}", lang) == bokmal, lang


def test_every_page_shows_the_same_figures_in_every_edition(editions, pages):
    """Every page of the English edition against the same page in bokmål and nynorsk."""
    nynorsk = {url: html for url, _, html in crawl(pages, "/nn/")}
    checked = 0
    for url, _, html in crawl(pages, "/en/"):
        english = figures_in(html, "en")
        if not english or "?" in url:  # a search answers the question asked, in its own words
            continue
        bokmal = figures_on(pages, url[3:], "nb")
        assert english == bokmal, url
        assert (
            figures_in(nynorsk.get("/nn" + url[3:]) or pages.get("/nn" + url[3:]).content.decode(), "nn")
            == bokmal
        ), url
        checked += 1
    assert checked > 15  # 18 pages link figures today (chapters, /tall/, tools)


def test_the_switcher_and_hreflang_lead_to_the_same_page(editions, pages):
    html = pages.get("/en/kapittel/historikk/").content.decode()
    for lang, url in (
        ("nb", "/kapittel/historikk/"),
        ("nn", "/nn/kapittel/historikk/"),
        ("en", "/en/kapittel/historikk/"),
    ):
        assert f'<link rel="alternate" hreflang="{lang}" href="{url}">' in html
    assert 'href="/nn/kapittel/historikk/" lang="nn" hreflang="nn">Nynorsk</a>' in html

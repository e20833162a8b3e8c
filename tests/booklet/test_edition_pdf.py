"""The nynorsk and English booklets (#19): the edition's own text, read back with pdftotext, with the
same figures as bokmål. Names and source titles stay as published, so they are left out of the checks."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from rusfakta.booklet.build import render_pdf
from rusfakta.booklet.document import booklet_data
from rusfakta.content.markup import stat_refs
from rusfakta.content.models import Chapter, Edition, Passage, Source
from rusfakta.helpservices.models import Service
from rusfakta.pack.translated import translate, translate_all
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import statistics_by_slug
from tests.support.editions import NYNORSK

BOKMAL_ONLY = {word for word, nn in NYNORSK.items() if word != nn}
NORWEGIAN = set(
    "og ikke ikkje hva kva som det på av til med fra frå eller hvordan korleis også bare berre".split()
)
NORWEGIAN |= set("mange blir ble har kan er jeg eg".split())
NN_PO = Path(settings.LOCALE_PATHS[0]) / "nn" / "LC_MESSAGES" / "django.po"


def flat(text):
    return " ".join(text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def pdfs(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return {lang: render_pdf(booklet_data(lang)) for lang in ("nb", "nn", "en")}


def pdftotext(content):
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return flat(re.sub(r"(\w)[-\u00ad]\n(\w)", r"\1\2", text))  # words Typst hyphenated at a line end


@pytest.fixture(scope="module")
def texts(pdfs):
    return {lang: pdftotext(content) for lang, content in pdfs.items()}


def names(lang):
    """What stays as published in every edition: source titles and authors, the booklet's own title and
    publisher, the services' names, and every line a translation keeps word for word (lists of names)."""
    found = [flat(s.title) for s in Source.objects.all()] + [flat(s.author) for s in Source.objects.all()]
    edition = Edition.objects.get()
    found += [edition.title, edition.publisher, *edition.title.split(" – ")]
    found += [flat(s.name) for s in Service.objects.all()]
    for passage in Passage.objects.all():
        shown = translate(Passage.objects.get(pk=passage.pk), lang)
        same = set(passage.body.splitlines()) & set(shown.body.splitlines())
        found += [flat(line.lstrip("- ")) for line in same if line.strip()]
    return sorted({n for n in found if n}, key=len, reverse=True)


def outside_names(text, lang):
    for name in names(lang):
        text = text.replace(name, " ")
    return text


def test_the_pdf_says_its_language(pdfs):
    for lang in ("nn", "en"):
        assert PdfReader(io.BytesIO(pdfs[lang])).trailer["/Root"]["/Lang"] == lang


def test_the_english_booklet_has_no_norwegian_sentence(db, texts):
    text = outside_names(texts["en"], "en")
    assert "Contents" in text and "Sources" in text
    for sentence in re.split(r"[.!?:]", text):
        norwegian = set(re.findall(r"[a-zæøåò]+", sentence.lower())) & NORWEGIAN
        assert len(norwegian) < 2, f"Norwegian sentence in the English booklet: {sentence.strip()!r}"


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_every_chapter_and_passage_is_printed_in_the_editions_words(db, texts, lang):
    text = texts[lang]
    for chapter in translate_all(Chapter.objects.all(), lang):
        assert flat(chapter.title) in text, chapter.title
        assert chapter.lang == lang
    printed_headings, unnamed = 0, outside_names(text, lang)
    for passage in Passage.objects.all():
        shown = translate(Passage.objects.get(pk=passage.pk), lang)
        if flat(shown.heading) in text:
            printed_headings += 1
        # a bokmål heading that the edition words differently is not printed
        if shown.heading != passage.heading and len(passage.heading.split()) > 2:
            assert flat(passage.heading) not in unnamed, passage.heading
    assert printed_headings >= Passage.objects.count() - 10  # help passages print as service cards


def test_the_nynorsk_booklets_content_has_no_bokmal_only_words(db, texts):
    """The edition's texts (chapters, passages, figures): every printed text that the pack gives in
    nynorsk is free of bokmål-only words (the template's words are the next test's)."""
    data = booklet_data("nn")
    found = []
    for chapter in data["chapters"] + data["back_matter"]:
        found += [chapter["title"], chapter["summary"]]
        found += [p["heading"] for s in chapter["sections"] for p in s["passages"]]
        found += [p["body"] for s in chapter["sections"] for p in s["passages"]]
        found += [f["title"] + " " + f["text"] for f in chapter["figures"]]
        found += [s["about"] for s in chapter["services"]]
    words = set(re.findall(r"[a-zæøåò]+", outside_names(flat(" ".join(found)), "nn").lower()))
    assert not words & BOKMAL_ONLY, sorted(words & BOKMAL_ONLY)
    assert flat(data["chapters"][0]["title"]) in texts["nn"]


@pytest.mark.skipif(
    NN_PO.read_text(encoding="utf-8").count("msgid") < 50, reason="needs h19po's nynorsk template strings"
)
def test_the_nynorsk_booklet_has_no_bokmal_only_words(db, texts):
    words = set(re.findall(r"[a-zæøåò]+", outside_names(texts["nn"], "nn").lower()))
    assert not words & BOKMAL_ONLY, f"bokmål-only words in the nynorsk booklet: {sorted(words & BOKMAL_ONLY)}"


def numbers(text, lang):
    if lang == "en":
        return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]
    found = re.findall(r"\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:,\d+)?", text)
    return [float(n.replace(" ", "").replace(",", ".")) for n in found]


def test_every_figure_in_the_text_is_printed_with_the_same_value_in_every_edition(db, texts):
    cited = {slug for p in Passage.objects.all() for slug in stat_refs(p.body)}
    assert len(cited) > 30
    for lang in ("nb", "nn", "en"):
        stats = statistics_by_slug(lang=lang)
        for slug in sorted(cited):
            shown = flat(format_statistic(stats[slug], lang))
            assert shown in texts[lang], (lang, slug, shown)
            assert numbers(shown, lang) == numbers(flat(format_statistic(stats[slug], "nb")), "nb"), slug


@pytest.mark.parametrize(
    "url, lang, word", [("/nn/hefte.pdf", "nn", "Innhald"), ("/en/hefte.pdf", "en", "Contents")]
)
def test_each_edition_is_served_and_built_once_per_language(client, db, settings, tmp_path, url, lang, word):
    settings.DATA_DIR = tmp_path / "data"
    call_command("booklet", "--lang", lang)
    built = list((settings.DATA_DIR / "booklet").glob(f"*-{lang}.pdf"))
    assert len(built) == 1
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content == built[0].read_bytes()  # the one built by the command, not a second build
    if lang == "en" or NN_PO.read_text(encoding="utf-8").count("msgid") >= 50:
        assert word in pdftotext(content)


@pytest.mark.parametrize(
    ("lang", "title", "based_on"),
    [
        ("nn", "Kokain fakta og oversikt", "Laga frå heftet «Kokain – fakta og oversikt»"),
        ("en", "Cocaine facts and overview", "Made from the booklet «Kokain – fakta og oversikt»"),
    ],
)
def test_the_cover_has_the_editions_title_and_names_the_booklet_as_published(
    pdfs, texts, lang, title, based_on
):
    cover = pdftotext_page(pdfs[lang], 1)
    assert cover.startswith(title), cover
    assert based_on in cover
    assert PdfReader(io.BytesIO(pdfs[lang])).metadata.title.startswith(title.replace(" ", " – ", 1))
    assert "Laget fra heftet" not in pdftotext_page(pdfs["nb"], 1)


def pdftotext_page(content, number):
    return flat(
        subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-", "-"],
            input=content,
            capture_output=True,
            check=True,
        ).stdout.decode()
    )

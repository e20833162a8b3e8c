"""Until a text is translated, the editions show the bokmål one marked lang="nb" (decision 0016)."""

import pytest

from rusfakta.pack.models import Translation


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_untranslated_text_is_marked_bokmal_and_source_titles_always(pages, lang):
    if Translation.objects.filter(lang=lang, record="chapter historikk").exists():
        pytest.skip(f"the {lang} chapter is translated")
    html = pages.get(f"/{lang}/kapittel/historikk/").content.decode()
    assert f'<html lang="{lang}">' in html
    assert '<h1 lang="nb">' in html
    assert 'lang="nb" translate="no">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "title"), [("nn", "Kva er kokain"), ("en", "What cocaine is")])
def test_theme_titles_come_from_the_pack_and_fall_back_to_bokmal_marked(pages, lang, title):
    html = pages.get(f"/{lang}/innhold/").content.decode()
    assert f'<h2 id="tema-1">{title}</h2>' in html
    Translation.objects.filter(lang=lang, record="theme hva-er-kokain").delete()
    html = pages.get(f"/{lang}/innhold/").content.decode()
    assert '<h2 id="tema-1" lang="nb">Hva er kokain</h2>' in html
    assert f'<h2 id="tema-2">{title}</h2>' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/quiz/alle/", "/en/quiz/utskrift/", "/en/quiz/fasit/"])
def test_a_quiz_question_without_translation_is_shown_in_bokmal_marked(pages, url):
    from rusfakta.tools.models import QuizQuestion

    row = QuizQuestion.objects.order_by("order").first()
    Translation.objects.filter(lang="en", record=f"quiz {row.slug}").delete()
    html = pages.get(url).content.decode()
    assert f' lang="nb">{row.question}</' in html
    option = row.options[row.correct - 1] if "fasit" in url else row.options[0]  # the key shows the right one
    assert "{stat:" in option or f' lang="nb">{option}</span>' in html


# The tools and /hjelp/ (#19): a record without its translation row is shown in bokmål inside an element
# marked lang="nb"; with the row, the same place shows the edition's text with no lang="nb" around it.


def _lang_around(html, text, within=None):
    """The language in force (the nearest lang attribute) where text is: {lang} of the innermost elements
    whose text holds it, whitespace folded; within: only inside the element of that id. Empty when the
    page does not show it there."""
    import html5lib

    wanted = " ".join(text.split())
    found = set()

    def walk(element, lang):
        lang = element.get("lang") or lang
        inner = [child for child in element if wanted in " ".join("".join(child.itertext()).split())]
        if not inner:
            found.add(lang)
        for child in inner:
            walk(child, lang)

    page = html5lib.parse(html, namespaceHTMLElements=False)
    root = page if within is None else page.find(f".//*[@id='{within}']")
    lang = page.get("lang")
    if root is not page:  # the language in force at the element: its own, or its nearest ancestor's
        parents = {child: parent for parent in page.iter() for child in parent}
        element = root
        while element is not None and not element.get("lang"):
            element = parents.get(element)
        lang = page.get("lang") if element is None else element.get("lang")
    if root is not None and wanted in " ".join("".join(root.itertext()).split()):
        walk(root, lang)
    return found


def _plain_start(text):
    """The text's opening words before any markup or figure ({stat:…}, links, emphasis): what a page shows
    verbatim."""
    import re

    start = re.match(r"[^{\[*_<]+", text).group(0)
    return start[:60].rsplit(" ", 1)[0] if len(start) > 60 else start.strip()


def _shown_in(pages, url, texts, lang, within=None):
    html = pages.get(url).content.decode()
    for text in texts:
        found = _lang_around(html, text, within)
        assert found == {lang}, f"{url}: {text!r} is in {found or 'nothing'}"


def _translated(row, lang):
    from rusfakta.pack.translated import translate

    return translate(type(row).objects.get(pk=row.pk), lang)


def _quiz_texts(row):
    return [row.question, row.options[row.correct - 1], row.options[row.correct % len(row.options)]]


def _quiz_urls(row, wrong):
    answer = f"svar-{row.slug}={wrong}"
    return [f"/quiz/ett-om-gangen/?steg=0&{answer}", f"/quiz/resultat/?sendt=ett&{answer}"]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_quiz_feedback_and_result_show_a_question_without_translation_marked_bokmal(pages, lang):
    from rusfakta.tools.models import QuizQuestion

    row = QuizQuestion.objects.order_by("order").first()
    wrong = row.correct % len(row.options) + 1  # a wrong answer, so both the chosen and the right one show
    shown = _translated(row, lang)
    texts = [*_quiz_texts(shown), _plain_start(shown.explanation)]
    assert all("{stat:" not in text for text in texts[:3]), "pick a question whose options have no figure"
    for url in _quiz_urls(row, wrong):
        _shown_in(pages, f"/{lang}{url}", texts, lang)
    Translation.objects.filter(lang=lang, record=f"quiz {row.slug}").delete()
    for url in _quiz_urls(row, wrong):
        _shown_in(pages, f"/{lang}{url}", [*_quiz_texts(row), _plain_start(row.explanation)], "nb")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_norm_check_shows_an_item_without_translation_marked_bokmal(pages, lang):
    from rusfakta.tools.models import NormItem

    item = NormItem.objects.order_by("order").first()
    urls = ["/tenk-selv/", f"/tenk-selv/svar/?{item.slug}=40"]
    shown = _translated(item, lang)
    for url in urls:
        _shown_in(pages, f"/{lang}{url}", [shown.question, _plain_start(shown.explanation)], lang)
    Translation.objects.filter(lang=lang, record=f"normcheck {item.slug}").delete()
    for url in urls:
        _shown_in(pages, f"/{lang}{url}", [item.question, _plain_start(item.explanation)], "nb")


def _mixing_texts(substance):
    from rusfakta.pack.translated import translate_children

    statements = translate_children(substance, "statements", substance.statements.all())
    return [substance.name, *(_plain_start(s.text) for s in statements)]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_mixing_shows_a_substance_without_translation_marked_bokmal(pages, lang):
    from django.utils import translation

    from rusfakta.tools.models import MixingSubstance

    fentanyl = MixingSubstance.objects.get(slug="fentanyl")
    pink = MixingSubstance.objects.get(slug="rosa-kokain")  # named in fentanyl's «Se …» link
    url = f"/{lang}/blanding/?med=fentanyl"
    with translation.override(lang):
        texts = _mixing_texts(_translated(fentanyl, lang))
    see = _translated(pink, lang).name
    _shown_in(pages, url, [*texts, see], lang)
    _shown_in(pages, url, [texts[0].lower()], lang, within="svar-h")
    Translation.objects.filter(lang=lang, record__in=["mixing fentanyl", "mixing rosa-kokain"]).delete()
    with translation.override("nb"):
        texts = _mixing_texts(MixingSubstance.objects.get(slug="fentanyl"))
    # the name as a choice, and inside the interface's sentences («Kokain blandet med …», «Se …»)
    _shown_in(pages, url, [*texts, pink.name], "nb")
    _shown_in(pages, url, [texts[0].lower()], "nb", within="svar-h")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_help_shows_a_service_without_translation_marked_bokmal(pages, lang):
    from rusfakta.helpservices.models import Service

    service = Service.objects.get(slug="helsesoster")
    shown = _translated(service, lang)
    fields = ("name", "about", "confidentiality", "hours_note")
    assert all(getattr(service, name) for name in fields)
    _shown_in(pages, f"/{lang}/hjelp/", [getattr(shown, name) for name in fields], lang)
    Translation.objects.filter(lang=lang, record="service helsesoster").delete()
    _shown_in(pages, f"/{lang}/hjelp/", [getattr(service, name) for name in fields], "nb")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_help_names_in_its_sentences_and_the_chapter_title_marked_bokmal_without_translation(
    pages, lang, monkeypatch
):
    from datetime import datetime

    from rusfakta.content.models import Chapter
    from rusfakta.helpservices import hours
    from rusfakta.helpservices.models import Service

    # Wednesday 09.00: none is open, so the page names the numbers open all day and the next to open
    monkeypatch.setattr(hours, "now", lambda: datetime(2025, 4, 2, 9, 0, tzinfo=hours.OSLO))
    emergency, first = Service.objects.get(slug="medisinsk-nodtelefon"), Service.objects.get(slug="rusinfo")
    chapter = Chapter.objects.get(kind=Chapter.Kind.HELP)
    url = f"/{lang}/hjelp/"
    html = pages.get(url).content.decode()
    assert 'class="none-open"' in html and 'class="next-open"' in html
    _shown_in(pages, url, [_translated(emergency, lang).name, _translated(chapter, lang).title], lang)
    records = ["service medisinsk-nodtelefon", "service rusinfo", f"chapter {chapter.slug}"]
    Translation.objects.filter(lang=lang, record__in=records).delete()
    html = pages.get(url).content.decode()
    assert f'<span lang="nb">{emergency.name}</span>' in html  # «… svarer hele døgnet»
    assert html.count(f'<span lang="nb">{first.name}</span>') == 2  # «Neste som åpner: …», «Slik når du …»
    _shown_in(pages, url, [emergency.name, chapter.title], "nb")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_mixing_help_box_shows_a_service_without_translation_marked_bokmal(pages, lang):
    from rusfakta.helpservices.models import Service

    service = Service.objects.get(slug="rusinfo")
    url = f"/{lang}/blanding/?med=annet&annet=ketamin"  # the booklet says nothing: someone to ask
    _shown_in(pages, url, [_translated(service, lang).about], lang)
    Translation.objects.filter(lang=lang, record="service rusinfo").delete()
    html = pages.get(url).content.decode()
    assert f'<span lang="nb">{service.name}</span>' in html  # «Lurer du på noe? Spør …»
    _shown_in(pages, url, [service.about], "nb")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_a_chapter_help_box_marks_only_the_service_texts_bokmal_without_translation(pages, lang):
    from rusfakta.helpservices.models import Service

    url = f"/{lang}/kapittel/behandling/"

    def aside():
        html = pages.get(url).content.decode()
        return html[html.index('<aside class="help-aside"') : html.index("</aside>")]

    rusinfo = Service.objects.get(slug="rusinfo")
    assert 'lang="nb"' not in aside()
    Translation.objects.filter(lang=lang, record="service rusinfo").delete()
    box = aside()
    assert f'<strong><span lang="nb">{rusinfo.name}</span></strong>' in box
    assert "<li lang=" not in box  # the call and chat links and the hours are in the page's language
    assert 'href="tel:+4791508588"' in box

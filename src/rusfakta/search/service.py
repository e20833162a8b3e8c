"""Ask a question: the one place pages, the API and `rusfakta ask` get answers from."""

import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _lazy

from rusfakta.content.lookups import content_stamp
from rusfakta.content.models import Passage
from rusfakta.errors import lazy_format
from rusfakta.pack.refs import stat_refs
from rusfakta.pack.translated import translate, translate_all
from rusfakta.search.analysis import words
from rusfakta.search.index import MAX_LIMIT, MAX_QUERY_CHARS, SearchIndex, index_for
from rusfakta.search.language import written_in
from rusfakta.search.models import GlossaryEntry, Notice, ShortAnswer
from rusfakta.search.outcome import Document, Scope
from rusfakta.search.whitespace import is_blank
from rusfakta.statistics.in_text import passage_html, passage_text, statistics_by_slug


class BadQuestion(ValueError):
    pass


LANGUAGES = ("nb", "nn", "en")  # one index per edition


def _build(lang="nb"):
    with translation.override(lang):  # the edition's words, figures and URLs (/nn/…, /en/…)
        return _build_index(lang)


def _build_index(lang):
    stats = statistics_by_slug(lang=lang)
    answers = {a.slug: a.text for a in translate_all(ShortAnswer.objects.all(), lang)}
    passages = translate_all(Passage.objects.select_related("chapter").prefetch_related("sources"), lang)
    documents = [
        Document(
            slug=p.slug,
            heading=p.heading,
            chapter=translate(p.chapter, lang).title,
            chapter_slug=p.chapter.slug,
            url=p.get_absolute_url(),
            text=passage_text(p.body, stats, lang),
            questions=p.questions.replace("\n", " ; "),
            sources=[{"id": s.slug, "title": s.title} for s in p.sources.all()],
            body=p.body,
            pages=p.pages,
            answer=answers.get(p.slug, ""),
            answer_text=passage_text(answers[p.slug], stats, lang) if p.slug in answers else "",
        )
        for p in passages
    ]
    # The glossary maps everyday words to the booklet's bokmål words: the Norwegian editions' only.
    glossary = [(g.terms, g.means) for g in GlossaryEntry.objects.all()] if lang != "en" else []
    notices = sorted(translate_all(Notice.objects.all(), lang), key=lambda n: n.kind != Notice.Kind.EMERGENCY)
    scope = next((n for n in notices if n.kind == Notice.Kind.NOT_COVERED), None)
    return SearchIndex(
        documents,
        glossary,
        [(n.kind, n.phrases, n.text, tuple(n.unless)) for n in notices if n.kind != Notice.Kind.NOT_COVERED],
        Scope(tuple(scope.phrases), tuple(scope.substances), tuple(scope.unless), scope.text)
        if scope
        else None,
        lang=lang,
    )


def edition(lang=None):
    """The edition a question is asked in: nb, nn or en (the active language when not given)."""
    lang = (lang or translation.get_language() or "nb")[:2]
    return lang if lang in LANGUAGES else "nb"


def current_index(lang="nb"):
    return index_for(content_stamp(), _build, edition(lang))


def reading_edition(query, lang):
    """The edition whose index reads a question asked in lang: its own, unless the question is clearly
    in the other language. An English question on the Norwegian site is read by the English index
    (English meaning, decision 0018), a Norwegian one on the English site by the bokmål index."""
    written = written_in(words(query))
    if lang != "en" and written == "en":
        return "en"
    if lang == "en" and written == "no":
        return "nb"
    return lang


def _search(query, limit, lang):
    """(the edition's index, the question's outcome in that edition, the edition that read it)."""
    own = current_index(lang)
    reader = reading_edition(query, lang)
    if reader == lang:
        return own, own.search(query, limit), reader
    return own, own.shown(current_index(reader).search(query, limit)), reader


def validate(query, limit):
    query = query or ""
    if is_blank(query):
        raise BadQuestion(_lazy("skriv et spørsmål (q kan ikke være tomt)"))
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuestion(lazy_format(_lazy("spørsmålet er for langt (høyst %(n)s tegn)"), n=MAX_QUERY_CHARS))
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuestion(lazy_format(_lazy("limit må være mellom 1 og %(n)s"), n=MAX_LIMIT))
    return query


def short_answer(answer, render=None):
    """The short answer of the first passage, when the booklet answers the question and it has one:
    as plain text (made with the index), or as render(text with its references) makes it. None beside
    the out-of-scope notice: "we don't answer that" is the answer, and the passages show the risk."""
    refused = (answer.notice or {}).get("kind") == "out_of_scope"
    if refused or not (answer.covered and answer.hits and answer.hits[0][0].answer):
        return None
    document = answer.hits[0][0]
    return {
        "text": render(document.answer) if render else document.answer_text,
        "passage": document.slug,
        "statistics": stat_refs(document.answer),
    }


def ask(query, limit=5, lang="nb"):
    """The answer in the API's shape: {"query", "corrected", "results", "notice"}, in the edition's
    language (nb, nn or en)."""
    _, answer, _ = _search(validate(query, limit), limit, edition(lang))
    return {
        "query": answer.query,
        "corrected": answer.corrected,
        "covered": answer.covered,
        "answer": short_answer(answer),
        "results": [
            {
                "id": d.slug,
                "title": d.heading,
                "text": d.text,
                "url": d.url,
                "score": score,
                "sources": d.sources,
                "pages": d.pages,
            }
            for d, score in answer.hits
        ],
        "notice": answer.notice,
    }


def _marker(words_to_mark):
    if not words_to_mark:
        return lambda text: text
    pattern = re.compile(
        r"(?<![\wæøå])("
        + "|".join(re.escape(w) for w in sorted(words_to_mark, key=len, reverse=True))
        + r")(?![\wæøå])",
        re.IGNORECASE,
    )
    return lambda text: pattern.sub(r"<mark>\1</mark>", text)


def ask_for_page(query, limit=8, lang=None):
    """Like ask(), with each passage as HTML: figures linked to their records, searched words marked."""
    lang = edition(lang)
    search_index, answer, reader = _search(validate(query, limit), limit, lang)
    stats = statistics_by_slug(lang=lang)
    results = []
    for document, score in answer.hits:
        mark = _marker(search_index.highlight_words(document.text, answer.stems))
        html = passage_html(document.body, stats, lang, mark=mark)
        results.append({"document": document, "score": score, "html": html})
    return {
        "query": answer.query,
        "corrected": answer.corrected,
        "covered": answer.covered,
        "answer": short_answer(answer, lambda text: passage_html(text, stats, lang)),
        "notice": answer.notice,
        "results": results,
        "read_in": reader if reader != lang else None,  # the question was in that edition's language
    }

"""A search answer shown in the reader's edition (decision 0016): the notice, the short answer and the
passages found come from the pack's translated rows, under the same keys. Nothing is generated; a text
without a translation stays bokmål and says so (`lang`).

The ranking itself is not changed here: the passages found are the same, only shown in the edition.
"""

from dataclasses import replace

from django.utils.translation import override

from rusfakta.content.models import Passage
from rusfakta.pack.translated import NB, current_language, translate, translate_all
from rusfakta.search.models import Notice, ShortAnswer
from rusfakta.statistics.in_text import passage_html, passage_text, statistics_by_slug


def _notice(notice, lang):
    row = translate(Notice.objects.filter(kind=notice["kind"]).first(), lang)
    if row is None:
        return {**notice, "lang": NB, "lang_attr": ' lang="nb"'}
    return {**notice, "text": row.text, "lang": row.lang, "lang_attr": row.lang_attr}


def _answer(answer, lang, render):
    row = translate(ShortAnswer.objects.filter(slug=answer["passage"]).first(), lang)
    if row is None:
        return answer
    return {**answer, "text": render(row.text), "lang": row.lang, "lang_attr": row.lang_attr}


def in_edition(result, lang=None, html=False):
    """An ask() or ask_for_page() result with its notice and short answer in the language; for a page
    (html=True) also each passage found, with its heading, chapter, link and text in the edition."""
    lang = current_language(lang)
    if lang == NB:
        return result
    stats = statistics_by_slug(lang=lang)
    shown = passage_html if html else passage_text
    render = lambda text: shown(text, stats, lang)  # noqa: E731
    result = dict(result)
    if result.get("notice"):
        result["notice"] = _notice(result["notice"], lang)
    if result.get("answer"):
        result["answer"] = _answer(result["answer"], lang, render)
    if html and result.get("results"):
        result["results"] = _passages(result["results"], lang, stats)
    return result


def _passages(results, lang, stats):
    slugs = [item["document"].slug for item in results]
    passages = {
        p.slug: p
        for p in translate_all(Passage.objects.filter(slug__in=slugs).select_related("chapter"), lang)
    }
    shown = []
    for item in results:
        passage = passages.get(item["document"].slug)
        if passage is None:
            shown.append(item)
            continue
        translate(passage.chapter, lang)
        with override(lang):
            url = passage.get_absolute_url()
        document = replace(item["document"], heading=passage.heading, chapter=passage.chapter.title, url=url)
        document.lang_attr = passage.lang_attr
        # a passage still in bokmål keeps the searched words marked
        html = item["html"] if passage.lang == NB else passage_html(passage.body, stats, lang)
        shown.append({**item, "document": document, "html": html})
    return shown

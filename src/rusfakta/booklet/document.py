"""Everything the printed booklet shows, read from the database into one JSON-ready dict for the Typst template.

Each edition (nb, nn, en) prints its own text: chapters, passages, figures, charts, services and
source notes in its language (pack.translated, decision 0016), with the template's words from the
edition's .po file. Source titles and names stay as published."""

import re
from datetime import date
from itertools import groupby

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rusfakta.booklet.markup import passage_markup
from rusfakta.content.lookups import current_edition
from rusfakta.content.markup import stat_refs
from rusfakta.content.models import Chapter, ContentVersion, Source
from rusfakta.content.themes import edition_title
from rusfakta.helpservices.services import services_for_chapter
from rusfakta.pack.translated import translate_all
from rusfakta.statistics.charts import chart_rows, chart_svg, source_line
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import statistics_by_slug
from rusfakta.statistics.models import Chart

SVG_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([0-9.]+)')
BACK_MATTER_KINDS = (Chapter.Kind.ABOUT, Chapter.Kind.HELP)


class BookletError(Exception):
    """The booklet cannot be built; the message says where and why, for the person running it."""


def month_label(year_month, lang):
    """The edition month in words, by Django's date format for the language: 2025-08 → august 2025."""
    try:
        year, month = (int(part) for part in year_month.split("-"))
        first = date(year, month, 1)
    except ValueError as exc:
        raise BookletError(f"the edition month {year_month!r} is not YYYY-MM") from exc
    with translation.override(lang):
        return date_format(first, "F Y")


def updated_label(day, lang):
    """«Oppdatert 3. september 2025»: the day the content last changed, for the cover."""
    with translation.override(lang):
        return _("Oppdatert %(date)s") % {"date": date_format(day, "j. F Y")}


def booklet_data(lang="nb"):
    edition = current_edition()
    if edition is None:
        raise BookletError("there is no edition in the database; load the content pack first")
    with translation.override(lang):
        return _document(edition, lang)


def _document(edition, lang):
    stats = statistics_by_slug(lang=lang)
    version = ContentVersion.current()
    chapters = translate_all(
        Chapter.objects.in_reading_order().prefetch_related("passages__sources", "figures"), lang
    )
    charts = translate_all(Chart.objects.all(), lang)
    placed = _place_trend_charts(chapters, [c for c in charts if c.figure_number is None])
    by_figure = {c.figure_number: c for c in charts if c.figure_number is not None}
    services = _services()
    printed = [
        _chapter(
            ch,
            stats,
            lang,
            by_figure,
            placed.get(ch.pk, []),
            services if ch.kind == Chapter.Kind.HELP else [],
        )
        for ch in chapters
    ]
    # The sources list goes before the closing run of "about" and "help" chapters, so the booklet ends with help.
    split = len(printed)
    while split and chapters[split - 1].kind in BACK_MATTER_KINDS:
        split -= 1
    return {
        "content_lang": lang,
        "title": edition.title,
        # The edition's own title on the cover; the booklet's title, as published, named beneath it.
        "cover_title": edition_title(edition, lang),
        "publisher": edition.publisher,
        "place": edition.place,
        "edition": month_label(edition.edition, lang),
        "changed": timezone.localdate(version.changed_at).isoformat(),
        "updated": updated_label(timezone.localdate(version.changed_at), lang),
        "labels": _labels(),
        "emergency": [s for s in services if s["emergency"]],
        "chapters": printed[:split],
        "back_matter": printed[split:],
        "sources": [_source(s) for s in translate_all(Source.objects.all(), lang)],
    }


def _labels():
    return {
        "contents": _("Innhold"),
        "sources": _("Kilder"),
        "sources_lead": _(
            "Her er alle kildene heftet viser til, og undersøkelsene det forteller om. "
            "Under hvert avsnitt og hver figur står hvilke kilder det bygger på."
        ),
        "source": _("Kilde:"),
        "opinion_tag": _("Mening"),
        "opinion_title": _("Dette er Actis' mening."),
        "opinion_text": _(
            "Kapitlet viser hva Actis mener. Det er ikke fakta på samme måte som resten av heftet, "
            "selv om tallene i det har kilder."
        ),
        "emergency_title": _("Akutt fare for liv eller helse?"),
        "emergency_text": _("Ring medisinsk nødtelefon"),
        "edition": _("Utgave"),
        "based_on": _("Laget fra heftet"),
        "what": _("Hva"),
        "number": _("Tall"),
        "colophon_title": _("Om dette heftet"),
        "colophon": [
            _(
                "Heftet er laget fra det samme innholdet som nettstedet Rusfakta, "
                "og blir laget på nytt når innholdet endres."
            ),
            _(
                "Hvert tall kommer fra en tallpost med kilde, år og hvem som ble spurt. "
                "Figurene er tegnet fra de samme tallpostene."
            ),
            _("Kapitlet «Actis mener» er Actis' mening, og er merket slik."),
        ],
    }


def _render_stat(stats, lang, where):
    def render(slug):
        if slug not in stats:
            raise BookletError(f"{where} refers to the figure record {slug!r}, which does not exist")
        return format_statistic(stats[slug], lang)

    return render


def _chapter(chapter, stats, lang, charts_by_figure, trend_charts, services):
    """services: the help chapter prints the help services in place of the passages that describe them."""
    described = {s["passage"] for s in services}
    passages = [p for p in translate_all(chapter.passages.all(), lang) if p.slug not in described]
    sections = []
    for name, group in groupby(passages, key=lambda p: p.section):
        sections.append({"title": name, "passages": [_passage(p, chapter, stats, lang) for p in group]})
    return {
        "title": chapter.title,
        "kind": chapter.kind,
        "summary": chapter.summary,
        "sections": sections,
        "figures": [
            _figure(f, stats, lang, charts_by_figure.get(f.number))
            for f in translate_all(chapter.figures.all(), lang)
        ],
        "charts": [_chart(c, stats, lang) for c in trend_charts],
        "services": [s for s in services if not s["emergency"]],
    }


def _passage(passage, chapter, stats, lang):
    where = f"the passage {passage.slug!r} in the chapter {chapter.slug!r}"
    return {
        "heading": passage.heading,
        "body": passage_markup(passage.body, _render_stat(stats, lang, where)),
        "sources": ", ".join(s.title for s in passage.sources.all()),
    }


def _figure(figure, stats, lang, chart):
    render = _render_stat(stats, lang, f"figure {figure.number} ({figure.slug})")
    rows = [
        {"shown": render(slug), "stat": stats[slug], "label": stats[slug].label}
        for slug in figure.statistic_slugs
    ]
    return {
        "label": _("Figur %(n)s:") % {"n": figure.number},
        "title": figure.title,
        "text": figure.text,
        "chart": _chart(chart, stats, lang) if chart else None,
        "rows": [{"label": r["label"], "shown": r["shown"]} for r in rows],
        "source_line": source_line(rows, lang) if rows else "",
    }


def _chart(chart, stats, lang):
    missing = [slug for slug in chart.statistic_slugs if slug not in stats]
    if missing:
        raise BookletError(f"the chart {chart.slug!r} shows the figure records {missing}, which do not exist")
    try:
        # Drawn from the record as stored: chart_svg draws every language at once, each from its own text.
        svg = chart_svg(Chart.objects.get(pk=chart.pk), lang)
    except Exception as exc:
        raise BookletError(f"the chart {chart.slug!r} cannot be drawn: {exc}") from exc
    return {
        "svg": svg,
        "width": _svg_width(svg),
        "alt": _alt_text(chart, stats, lang),
        "note": chart.note,
    }


def _alt_text(chart, stats, lang):
    """What the chart shows, for screen readers: title, then every bar with its figure."""
    bars = "; ".join(f"{row['label']}: {row['shown']}" for row in chart_rows(chart, stats, lang))
    return _("Stolpediagram: %(title)s.") % {"title": chart.title} + f" {bars}."


def _svg_width(svg):
    match = SVG_WIDTH.search(svg)
    return float(match.group(1)) if match else None


def _place_trend_charts(chapters, charts):
    """A chart that rebuilds no booklet figure goes to the first chapter whose text cites one of its records."""
    main = [ch for ch in chapters if ch.kind not in BACK_MATTER_KINDS] or chapters
    placed = {}
    for chart in charts:
        wanted = set(chart.statistic_slugs)
        cited = (ch for ch in chapters for p in ch.passages.all() if wanted & set(stat_refs(p.body)))
        home = next(cited, main[-1] if main else None)
        if home is not None:
            placed.setdefault(home.pk, []).append(chart)
    return placed


def _services():
    """The help services as the help page lists them, without open or closed: paper has no "now"."""
    return [
        {
            "name": view.service.name,
            "about": view.service.about,
            "emergency": view.service.is_emergency,
            "phone": view.service.phone,
            "passage": view.service.passage_slug,
            "contacts": [contact.text for contact in view.contacts],
            "facts": " · ".join(view.facts),
            "hours": _hours(view),
            "usual_week": ", ".join(view.hours_lines),
        }
        for view in services_for_chapter(None)
    ]


def _hours(view):
    parts = []
    if view.hours_lines:
        parts.append(f"{_('Åpningstid:')} {', '.join(view.hours_lines)}.")
        if not view.service.holiday_hours_known:
            parts.append(_("Kan ha andre tider på helligdager."))
    if view.service.hours_note:
        parts.append(view.service.hours_note)
    return " ".join(parts)


def _source(source):
    return {
        "title": source.title,
        "author": source.author,
        "year": source.year,
        "kind": source.get_kind_display(),
        "about": source.about,
    }

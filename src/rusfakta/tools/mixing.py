"""«Blanding»: what the booklet says about cocaine mixed with something else, looked up by name or alias."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rusfakta.content import markup
from rusfakta.pack.translated import translate, translate_all, translate_children
from rusfakta.statistics.in_text import passage_html, passage_text, statistics_by_slug
from rusfakta.tools.forms import MixingForm
from rusfakta.tools.models import MixingSubstance
from rusfakta.tools.pack import normalized

NOT_COVERED = _("Heftet sier ingenting om denne blandingen. Det betyr ikke at den er trygg.")
# The booklet's free and anonymous phone and chat about drugs: the next step when it says nothing.
ANONYMOUS_HELP = "rusinfo"
NO_LEVEL = _(
    "Heftet sier ingenting om å ta kokain sammen med dette stoffet. Det betyr ikke at det er trygt. "
    "Men heftet nevner stoffet:"
)


@dataclass
class Statement:
    html: str
    text: str
    passages: list
    sources: list
    statistics: list
    kind: str = "mixing"
    kind_label: str = ""
    level: str = ""
    see: MixingSubstance | None = None
    lang_attr: str = ""  # ' lang="nb"' when its text is the bokmål one for want of a translation

    @property
    def see_url(self):
        return f"{reverse('tools:mixing')}?med={self.see.slug}#svar" if self.see else ""


@dataclass
class MixingReply:
    """What the booklet says about cocaine mixed with the substance asked for, or that it says nothing."""

    query: str
    substance: MixingSubstance | None = None
    statements: list = field(default_factory=list)

    @property
    def covered(self):
        return self.substance is not None

    @property
    def not_covered_text(self):
        return "" if self.covered else str(NOT_COVERED)

    @property
    def no_level_text(self):
        return str(NO_LEVEL) if self.covered and not self.substance.level else ""


def all_substances(lang=None):
    """Every substance with its statements, in the reader's language (decision 0016)."""
    substances = translate_all(
        MixingSubstance.objects.prefetch_related(
            "statements__passages__chapter", "statements__sources", "statements__see"
        ),
        lang,
    )
    for substance in substances:  # the prefetched rows answer() reads, translated in place
        for statement in translate_children(substance, "statements", substance.statements.all(), lang):
            translate(statement.see, lang)
            for passage in translate_all(statement.passages.all(), lang):
                translate(passage.chapter, lang)
    return substances


def _names(substance):
    return {normalized(name) for name in (substance.slug, substance.name, *substance.aliases)}


def find(query, substances):
    """The substance whose id, name or alias is the query; else the only one named as a word inside it."""
    wanted = normalized(query)
    if not wanted:
        return None
    for substance in substances:
        if wanted in _names(substance):
            return substance
    padded = f" {wanted} "
    inside = [s for s in substances if any(f" {name} " in padded for name in _names(s))]
    return inside[0] if len(inside) == 1 else None


def read_query(params, substances):
    """(query, error) from the form: a chosen substance, or what was typed under «noe annet»."""
    return MixingForm(params, [s.slug for s in substances]).query()


def answer(query, substances=None, lang="nb"):
    substances = all_substances() if substances is None else substances
    substance = find(query, substances)
    result = MixingReply(query=query, substance=substance)
    if substance is not None:
        stats = statistics_by_slug(lang=lang)
        result.statements = [
            Statement(
                html=passage_html(s.text, stats, lang),
                text=passage_text(s.text, stats, lang),
                passages=list(s.passages.all()),
                sources=list(s.sources.all()),
                statistics=[stats[slug] for slug in markup.stat_refs(s.text) if slug in stats],
                kind=s.kind,
                kind_label="" if s.kind == s.Kind.MIXING else str(s.get_kind_display()),
                level=s.level,
                see=s.see,
                lang_attr=getattr(s, "lang_attr", ""),
            )
            for s in substance.statements.all()
        ]
    return result


def help_url():
    return reverse("pages:help")

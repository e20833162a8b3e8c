"""What the booklet says about mixing cocaine with other substances.

A substance the booklet does not cover is not an error: it answers 200 with covered=false and the
message that the booklet says nothing about it, which does not make it safe (docs/decisions/0007).
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _lazy
from ninja import Path as PathParam
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rusfakta.api.schemas import EditionOut, ErrorOut
from rusfakta.api.statistics import LangQuery, _edition
from rusfakta.errors import lazy_format
from rusfakta.tools.forms import MAX_QUERY_LENGTH
from rusfakta.tools.mixing import NOT_COVERED, all_substances, answer, help_url
from rusfakta.tools.models import MixingSubstance

router = Router(tags=["mixing"])
ERRORS = {400: ErrorOut, 404: ErrorOut}


class Ref(Schema):
    id: str
    title: str


class PassageRef(Schema):
    id: str
    title: str
    url: str


class Level(Schema):
    id: str
    label: str


class StatementOut(Schema):
    text: str = Field(description="our words, with figures written out")
    kind: str = Field(
        description="mixing (taking cocaine with it), cut-with (cocaine cut with it) or contents "
        "(named as part of another mixture)"
    )
    level: Level | None = Field(description="the level this statement gives the mixture, if any")
    see: str | None = Field(description="id of another substance the statement links to")
    passages: list[PassageRef]
    sources: list[Ref]
    statistics: list[str] = Field(
        description="ids of the figure records in the text (/api/v1/statistics/{id})"
    )


class SubstanceOut(Schema):
    id: str
    name: str
    aliases: list[str]
    level: Level | None = Field(
        description="null when the booklet says nothing about the mixture itself, only names the substance"
    )
    statements: list[StatementOut]


class NotCovered(Schema):
    text: str
    help_url: str


class MixingOut(Schema):
    edition: EditionOut
    levels: list[Level] = Field(description="every level there is; none of them means safe or low risk")
    substances: list[SubstanceOut]
    not_covered: NotCovered = Field(description="the answer for anything that is not in the list")


class MixingAnswerOut(Schema):
    query: str
    covered: bool
    substance: SubstanceOut | None
    message: str | None = Field(
        description="set when covered is false: the booklet says nothing, which is not safe"
    )
    help_url: str


def _level(level):
    return {"id": level, "label": str(MixingSubstance.Level(level).label)} if level else None


def _substance(found):
    substance = found.substance
    return {
        "id": substance.slug,
        "name": substance.name,
        "aliases": substance.aliases,
        "level": _level(substance.level),
        "statements": [
            {
                "text": s.text,
                "kind": s.kind,
                "level": _level(s.level),
                "see": s.see.slug if s.see else None,
                "passages": [
                    {"id": p.slug, "title": p.heading, "url": p.get_absolute_url()} for p in s.passages
                ],
                "sources": [{"id": src.slug, "title": src.title} for src in s.sources],
                "statistics": [stat.slug for stat in s.statistics],
            }
            for s in found.statements
        ],
    }


@router.get(
    "/mixing", response={200: MixingOut, **ERRORS}, summary="What the booklet says about each mixture"
)
def mixing(request, query: Query[LangQuery]):
    substances = all_substances()
    with translation.override(query.lang):
        return {
            "edition": _edition(),
            "levels": [{"id": value, "label": str(label)} for value, label in MixingSubstance.Level.choices],
            "substances": [_substance(answer(s.slug, substances, query.lang)) for s in substances],
            "not_covered": {"text": str(NOT_COVERED), "help_url": help_url()},
        }


@router.get(
    "/mixing/{substance}",
    response={200: MixingAnswerOut, **ERRORS},
    summary="Cocaine mixed with one substance (id, name or alias); unknown ones get the not-covered answer",
)
def mixing_one(
    request, query: Query[LangQuery], substance: str = PathParam(..., max_length=MAX_QUERY_LENGTH)
):
    # A name of only spaces is a name the booklet says nothing about: the not-covered answer, not an error.
    if len(substance) > MAX_QUERY_LENGTH:
        raise HttpError(
            400, lazy_format(_lazy("substance: gi et navn på 1 til %(n)s tegn"), n=MAX_QUERY_LENGTH)
        )
    with translation.override(query.lang):
        found = answer(substance, lang=query.lang)
        return {
            "query": substance,
            "covered": found.covered,
            "substance": _substance(found) if found.covered else None,
            "message": found.not_covered_text or None,
            "help_url": help_url(),
        }

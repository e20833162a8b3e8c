from ninja import Schema
from pydantic import Field


class SourceRef(Schema):
    id: str
    title: str
    year: int | None


class StatisticOut(Schema):
    id: str
    label: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    period: str
    population: str
    area: str
    group: str
    measure: str
    approximate: bool
    note: str
    pages: str = Field(
        description="the booklet page(s) the figure stands on: 4, 2-3, -1 (page 1 or before), 6- (6 or later)"
    )
    source: SourceRef


class EditionOut(Schema):
    id: str
    title: str
    publisher: str
    published: str
    edition: str


class StatisticsOut(Schema):
    edition: EditionOut
    statistics: list[StatisticOut]


class SourceOut(Schema):
    id: str
    title: str
    author: str
    year: int | None
    kind: str
    about: str
    statistics: list[str]


class SourcesOut(Schema):
    edition: EditionOut
    sources: list[SourceOut]


class ErrorBody(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorBody


class FigureChangeOut(Schema):
    id: str = Field(description="the figure record's id, as in /api/v1/statistics/{id}")
    label: str
    old: str = Field(description="the figure before the change, as the pages show it")
    new: str = Field(description="the figure after the change")
    date: str = Field(description="when it changed, ISO 8601 with offset")
    url: str


class PassageUpdateOut(Schema):
    id: str
    title: str
    date: str = Field(description="the latest update of its text or sources, ISO 8601 with offset")
    url: str


class ChangesOut(Schema):
    edition: EditionOut
    since: str = Field(description="YYYY-MM: the printed edition the changes are counted from")
    figures: list[FigureChangeOut] = Field(description="every change of a figure, newest first")
    passages: list[PassageUpdateOut] = Field(description="passages updated since, newest first")

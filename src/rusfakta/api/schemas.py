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

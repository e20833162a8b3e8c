"""A pack record's fields are written in two places: its model and its pack schema (decision 0014).

Loading and exporting are derived from the schema (`pack/records.py`), so a field added to only one
of the two would be silently dropped on load or export. These tests make that a failing test instead.
"""

import pytest

from rusfakta.content.models import Chapter, Edition, Figure, Passage, Source
from rusfakta.content.pack import ChapterData, EditionData, FigureData, SourceData
from rusfakta.helpservices.models import Service
from rusfakta.helpservices.pack import ServiceData
from rusfakta.pack.models import Ordered
from rusfakta.search.models import GlossaryEntry, Notice, ShortAnswer
from rusfakta.search.pack import AnswerData, GlossaryData, NoticeData
from rusfakta.statistics.models import Chart, ComparisonRow, Statistic
from rusfakta.statistics.pack import ChartData, ComparisonData, StatisticData
from rusfakta.tools.models import MixingStatement
from rusfakta.tools.pack import MixingStatementData
from rusfakta.tools.sync import FILES as TOOL_FILES

PAIRS = [
    (EditionData, Edition),
    (SourceData, Source),
    (ChapterData, Chapter),
    (FigureData, Figure),
    (StatisticData, Statistic),
    (ChartData, Chart),
    (ComparisonData, ComparisonRow),
    (ServiceData, Service),
    (GlossaryData, GlossaryEntry),
    (NoticeData, Notice),
    (AnswerData, ShortAnswer),
    (MixingStatementData, MixingStatement),
] + [(schema, model) for _, _, model, schema in TOOL_FILES]
CHILDREN = {MixingStatement}

# The row's place in its file: set by the load from the record's position, never a field of its own.
NOT_IN_THE_PACK = {"order"}
# A child record is written inside its parent's record, so its key to the parent is set by the load.
PARENT_KEYS = {MixingStatement: {"substance"}}


def model_fields(model):
    """The model's own columns and many-to-many lists, and the child lists the pack writes inside it."""
    fields = model._meta.get_fields()
    own = {f.name for f in fields if (f.concrete or f.many_to_many) and not f.auto_created}
    children = {f.name for f in fields if f.one_to_many and f.related_model in CHILDREN}
    return own | children


def schema_columns(schema):
    return {schema.column(name) for name in schema.model_fields}


@pytest.mark.parametrize(("schema", "model"), PAIRS, ids=lambda x: x.__name__)
def test_every_model_field_is_in_its_pack_schema(schema, model):
    missing = model_fields(model) - NOT_IN_THE_PACK - PARENT_KEYS.get(model, set()) - schema_columns(schema)
    assert not missing, f"{model.__name__} fields that {schema.__name__} does not load or export"


@pytest.mark.parametrize(("schema", "model"), PAIRS, ids=lambda x: x.__name__)
def test_every_pack_schema_field_is_a_model_field(schema, model):
    missing = schema_columns(schema) - model_fields(model)
    assert not missing, f"{schema.__name__} fields that {model.__name__} has no column for"


def test_a_field_in_the_model_only_is_found(monkeypatch):
    """The check above can fail: a schema that lost a field leaves a model field unloaded."""
    reduced = {name: info for name, info in SourceData.model_fields.items() if name != "about"}
    monkeypatch.setattr(SourceData, "model_fields", reduced)
    assert model_fields(Source) - NOT_IN_THE_PACK - schema_columns(SourceData) == {"about"}


def test_every_model_kept_in_pack_order_is_checked():
    """Every concrete pack model (a PackRecord or Ordered row) is in PAIRS, except passages, which are
    Markdown and written by content/sync.py, and the pack's own bookkeeping."""
    checked = {model for _, model in PAIRS}
    pack_models = set(_concrete(Ordered))
    assert pack_models - checked == {Passage}


def _concrete(cls):
    for sub in cls.__subclasses__():
        if not sub._meta.abstract and not sub.__name__.startswith("Historical"):
            yield sub
        yield from _concrete(sub)

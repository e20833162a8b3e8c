"""The tools' rows: the norm check items, the mixing substances with their statements, the quiz."""

from rusfakta.pack.dump import dump_yaml
from rusfakta.pack.records import sync
from rusfakta.tools.models import MixingSubstance, NormItem, QuizQuestion
from rusfakta.tools.pack import MixingSubstanceData, NormItemData, QuizQuestionData

FILES = (
    ("normcheck", "normcheck.yaml", NormItem, NormItemData),
    ("mixing", "mixing.yaml", MixingSubstance, MixingSubstanceData),
    ("quiz", "quiz.yaml", QuizQuestion, QuizQuestionData),
)


def load(pack):
    for name, _, model, _ in FILES:
        sync(model, [entry.data for entry in getattr(pack.tools, name)])


def export(root):
    for _, file, model, schema in FILES:
        dump_yaml(root / file, [schema.from_row(row) for row in model.objects.all()])

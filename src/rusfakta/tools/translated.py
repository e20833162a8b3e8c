"""The tools' translated files (decision 0016): prose fields only; word lists and the rest verbatim."""

from rusfakta.pack.translations import Translatable


def specs(unsafe):
    return [
        Translatable(
            "mixing.yaml",
            "mixing",
            "tools.MixingSubstance",
            fields=("name", "statements.*.text"),
            refuse=unsafe,
        ),
        Translatable(
            "normcheck.yaml", "normcheck", "tools.NormItem", fields=("question", "explanation"), refuse=unsafe
        ),
        Translatable(
            "quiz.yaml",
            "quiz",
            "tools.QuizQuestion",
            fields=("question", "options.*", "explanation"),
            refuse=unsafe,
        ),
    ]

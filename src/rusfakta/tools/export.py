"""The tools' tables written back out as pack files (part of `rusfakta content export`)."""

import yaml

from rusfakta.tools.models import MixingSubstance, NormItem, QuizQuestion


def _dump(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _statement(statement):
    return {
        "text": statement.text,
        **({"kind": statement.kind} if statement.kind != "mixing" else {}),
        **({"level": statement.level} if statement.level else {}),
        **({"see": statement.see.slug} if statement.see else {}),
        "passages": [p.slug for p in statement.passages.all()],
        "sources": [s.slug for s in statement.sources.all()],
        "pages": statement.pages,
    }


def export_tools(root):
    _dump(
        root / "normcheck.yaml",
        [
            {
                "id": item.slug,
                "kind": item.kind,
                "question": item.question,
                "stat": item.statistic.slug,
                "common_mistake": item.common_mistake,
                "explanation": item.explanation,
                "passage": item.passage.slug,
                "pages": item.pages,
            }
            for item in NormItem.objects.select_related("statistic", "passage")
        ],
    )
    _dump(
        root / "mixing.yaml",
        [
            {
                "id": substance.slug,
                "name": substance.name,
                "aliases": substance.aliases,
                **({"level": substance.level} if substance.level else {}),
                "statements": [_statement(statement) for statement in substance.statements.all()],
            }
            for substance in MixingSubstance.objects.prefetch_related(
                "statements__passages", "statements__sources", "statements__see"
            )
        ],
    )
    _dump(
        root / "quiz.yaml",
        [
            {
                "id": q.slug,
                "topic": q.topic,
                "question": q.question,
                "options": q.options,
                "correct": q.correct,
                "explanation": q.explanation,
                "passage": q.passage.slug,
                "sources": [s.slug for s in q.sources.all()],
                **({"stat": q.statistic.slug} if q.statistic else {}),
                "pages": q.pages,
            }
            for q in QuizQuestion.objects.select_related("passage", "statistic").prefetch_related("sources")
        ],
    )

"""Write the tools' entries of a validated pack; called inside the content loader's transaction."""

from rusfakta.content.models import Passage, Source
from rusfakta.statistics.models import Statistic
from rusfakta.tools.models import MixingStatement, MixingSubstance, NormItem, QuizQuestion


def write_tools(pack):
    passages = {p.slug: p for p in Passage.objects.all()}
    sources = {s.slug: s for s in Source.objects.all()}
    statistics = {s.slug: s for s in Statistic.objects.all()}
    tools = pack.tools
    NormItem.objects.all().delete()
    NormItem.objects.bulk_create(
        NormItem(
            slug=item.id,
            order=i,
            kind=item.kind,
            question=item.question,
            statistic=statistics[item.stat],
            common_mistake=item.common_mistake,
            explanation=item.explanation,
            passage=passages[item.passage],
            pages=item.pages,
        )
        for i, item in enumerate(entry.data for entry in tools.normcheck)
    )
    MixingSubstance.objects.all().delete()
    rows = {}
    for i, substance in enumerate(entry.data for entry in tools.mixing):
        rows[substance.id] = MixingSubstance.objects.create(
            slug=substance.id,
            order=i,
            name=substance.name,
            aliases=substance.aliases,
            level=substance.level or "",
        )
    for substance in (entry.data for entry in tools.mixing):
        for j, statement in enumerate(substance.statements):
            saved = MixingStatement.objects.create(
                substance=rows[substance.id],
                order=j,
                text=statement.text,
                kind=statement.kind,
                level=statement.level or "",
                see=rows.get(statement.see),
                pages=statement.pages,
            )
            saved.passages.set([passages[slug] for slug in statement.passages])
            saved.sources.set([sources[slug] for slug in statement.sources])
    QuizQuestion.objects.all().delete()
    for i, question in enumerate(entry.data for entry in tools.quiz):
        row = QuizQuestion.objects.create(
            slug=question.id,
            order=i,
            topic=question.topic,
            question=question.question,
            options=question.options,
            correct=question.correct,
            explanation=question.explanation,
            passage=passages[question.passage],
            statistic=statistics[question.stat] if question.stat else None,
            pages=question.pages,
        )
        row.sources.set([sources[slug] for slug in question.sources])

"""«Test deg selv»: the quiz questions, reading answers carried in the form, and scoring. Nothing is stored."""

from dataclasses import dataclass

from rusfakta.content import markup
from rusfakta.pack.translated import translate, translate_all
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import passage_html, statistics_by_slug
from rusfakta.tools.forms import ANSWER_PREFIX, STEP_FIELD, QuizForm, StepField
from rusfakta.tools.models import QuizQuestion

LETTERS = "ABCDE"


@dataclass
class Option:
    number: int
    letter: str
    text: str


@dataclass
class Question:
    number: int
    row: QuizQuestion
    options: list
    explanation: str

    @property
    def field(self):
        return ANSWER_PREFIX + self.row.slug

    @property
    def correct(self):
        return self.options[self.row.correct - 1]


@dataclass
class Marked:
    question: Question
    chosen: Option | None

    @property
    def is_right(self):
        return self.chosen is not None and self.chosen.number == self.question.row.correct


def _option_text(text, stats, lang):
    return markup.STAT_REF.sub(lambda m: format_statistic(stats[m.group(1)], lang), text)


def questions(lang="nb"):
    stats = statistics_by_slug(lang=lang)
    rows = translate_all(
        QuizQuestion.objects.select_related("passage__chapter", "statistic__source").prefetch_related(
            "sources"
        ),
        lang,
    )
    for row in rows:  # what the cites show, in the reader's language (decision 0016)
        translate(row.passage, lang)
        translate(row.passage.chapter, lang)
        if row.statistic_id:
            row.statistic = stats[row.statistic.slug]
    return [
        Question(
            number=number,
            row=row,
            options=[
                Option(i, LETTERS[i - 1], _option_text(text, stats, lang))
                for i, text in enumerate(row.options, 1)
            ],
            explanation=passage_html(row.explanation, stats, lang),
        )
        for number, row in enumerate(rows, 1)
    ]


def parse_answers(data, found):
    """{field: option number} for each answered question in data (a form), and a list of error messages.

    Unanswered questions are left out; anything that is not one of the question's options is an error.
    """
    form = QuizForm(data, found)
    return form.answers(), form.error_messages()


def parse_step(data, count):
    """The question just answered (0-based) in the one-at-a-time form, or None when the form is broken."""
    return StepField(count).clean(data.get(STEP_FIELD, ""))


def mark(found, answers):
    marked = [Marked(q, q.options[answers[q.field] - 1] if q.field in answers else None) for q in found]
    return marked, sum(m.is_right for m in marked)

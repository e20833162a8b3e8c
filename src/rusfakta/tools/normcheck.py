"""«Hva tror du?»: read the reader's guesses and set each next to the booklet's figure. Nothing is stored."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS

from rusfakta.statistics.formatting import format_amount, format_statistic
from rusfakta.statistics.in_text import passage_html, statistics_by_slug
from rusfakta.tools.forms import NormCheckForm
from rusfakta.tools.models import NormItem
from rusfakta.tools.pack import GUESS_SCALE


@dataclass
class Guess:
    raw: str = ""
    value: Decimal | None = None
    error: str = ""


@dataclass
class GuessedFigure:
    """One norm-check item: the booklet's figure, the reader's guess and how they compare."""

    item: NormItem
    stat: object
    shown: str
    explanation: str
    guess: Guess
    guess_shown: str = ""
    verdict: str = ""  # exact | close | higher | lower | "" (no guess)
    common_mistake: bool = False

    @property
    def scale(self):
        return GUESS_SCALE[self.stat.unit]

    @property
    def field(self):
        return self.item.slug

    @property
    def bounds(self):
        """The figure as plain numbers for the page's script ("9.5"), never localized."""
        return f"{self.low.normalize():f}", f"{self.high.normalize():f}"

    @property
    def passages(self):
        return [self.item.passage]

    @property
    def sources(self):
        sources = [self.stat.source]
        return sources + [s for s in self.item.passage.sources.all() if s not in sources]

    @property
    def is_majority(self):
        """More than half: only such figures are listed as what «most people» do or think."""
        return self.low * 2 > self.scale

    @property
    def figure_percent(self):
        """Where the figure's bar ends, in percent of the scale (the top of a range)."""
        return _percent(self.high, self.scale)

    @property
    def guess_percent(self):
        return _percent(self.guess.value, self.scale) if self.guess.value is not None else "0"

    @property
    def low(self):
        return self.stat.value if self.stat.value is not None else self.stat.low

    @property
    def high(self):
        return self.stat.value if self.stat.value is not None else self.stat.high


def _percent(value, scale):
    """A bar's length as plain text for SVG ("40", "7.5"), never localized."""
    share = (Decimal(value) * 100 / Decimal(scale)).quantize(Decimal("0.1"))
    return f"{share.normalize():f}"


def _guess(form, name):
    return Guess(form.typed(name), form.cleaned_data.get(name), " ".join(form.errors.get(name, [])))


def parse_guess(raw, scale):
    """A guess is a number from 0 to scale; "40", "40 %", "12,5" are fine. Blank means no guess."""
    form = NormCheckForm({"gjett": raw}, {"gjett": scale})
    form.is_valid()
    return _guess(form, "gjett")


def compare(guess, low, high, scale, common_mistake):
    """(verdict, whether the guess went the way the «alle andre gjør det» belief pulls)."""
    tolerance = Decimal(scale) / 20
    if low <= guess <= high:
        return "exact", False
    if low - tolerance <= guess <= high + tolerance:
        return "close", False
    verdict = "higher" if guess > high else "lower"
    pulled = (verdict, common_mistake) in (("higher", "too-high"), ("lower", "too-low"))
    return verdict, pulled


def answers(params=None, lang="nb"):
    """(every item with its figure, the form's errors); with params (the query), each guess read and compared."""
    stats = statistics_by_slug()
    items = NormItem.objects.select_related("statistic__source", "passage__chapter")
    found = [
        GuessedFigure(
            item=item,
            stat=item.statistic,
            shown=format_statistic(item.statistic, lang),
            explanation=passage_html(item.explanation, stats, lang),
            guess=Guess(),
        )
        for item in items.prefetch_related("passage__sources")
    ]
    if params is None:
        return found, []
    form = NormCheckForm(params, {answer.field: answer.scale for answer in found})
    form.is_valid()
    for answer in found:
        answer.guess = _guess(form, answer.field)
        if answer.guess.value is not None:
            answer.guess_shown = format_amount(answer.guess.value, answer.stat.unit, lang)
            answer.verdict, answer.common_mistake = compare(
                answer.guess.value, answer.low, answer.high, answer.scale, answer.item.common_mistake
            )
    return found, _errors(form)


def _errors(form):
    """(field, message) for the error summary; a message about the whole form points at the first field."""
    first = next(iter(form.fields), "")
    return [
        (first if name == NON_FIELD_ERRORS else name, message)
        for name, messages in form.errors.items()
        for message in messages
    ]

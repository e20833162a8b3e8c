"""«Hva tror du?»: read the reader's guesses and set each next to the booklet's figure. Nothing is stored."""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from rusfakta.statistics.formatting import format_amount, format_statistic
from rusfakta.statistics.in_text import passage_html, statistics_by_slug
from rusfakta.tools.forms import printable
from rusfakta.tools.models import NormItem
from rusfakta.tools.pack import GUESS_SCALE

GUESS = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
MAX_GUESS_LENGTH = 12


@dataclass
class Guess:
    raw: str = ""
    value: Decimal | None = None
    error: str = ""


@dataclass
class Answer:
    item: NormItem
    stat: object
    shown: str
    explanation: str
    guess: Guess
    guess_shown: str = ""
    verdict: str = ""  # close | higher | lower | "" (no guess)
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
    def low(self):
        return self.stat.value if self.stat.value is not None else self.stat.low

    @property
    def high(self):
        return self.stat.value if self.stat.value is not None else self.stat.high


def parse_guess(raw, scale):
    """A guess is a number from 0 to scale; "40", "40 %", "12,5" are fine. Blank means no guess."""
    text = str(raw).strip()
    if not text:
        return Guess()
    cleaned = text.removesuffix("%").strip().replace(",", ".")
    if len(text) > MAX_GUESS_LENGTH or not GUESS.fullmatch(cleaned) or Decimal(cleaned) > scale:
        error = _("Skriv et tall fra 0 til %(max)s.") % {"max": scale}
        return Guess(printable(text, MAX_GUESS_LENGTH), error=error)
    return Guess(text, Decimal(cleaned))


def compare(guess, low, high, scale, common_mistake):
    """(verdict, whether the guess went the way the «alle andre gjør det» belief pulls)."""
    tolerance = Decimal(scale) / 20
    if low - tolerance <= guess <= high + tolerance:
        return "close", False
    verdict = "higher" if guess > high else "lower"
    pulled = (verdict, common_mistake) in (("higher", "too-high"), ("lower", "too-low"))
    return verdict, pulled


def answers(params=None, lang="nb"):
    """Every item with its figure; with params (the query), each guess read and compared."""
    stats = statistics_by_slug()
    found = []
    items = NormItem.objects.select_related("statistic__source", "passage__chapter")
    for item in items.prefetch_related("passage__sources"):
        stat = item.statistic
        answer = Answer(
            item=item,
            stat=stat,
            shown=format_statistic(stat, lang),
            explanation=passage_html(item.explanation, stats, lang),
            guess=Guess(),
        )
        if params is not None:
            answer.guess = parse_guess(params.get(item.slug, ""), answer.scale)
        if answer.guess.value is not None:
            answer.guess_shown = format_amount(answer.guess.value, stat.unit, lang)
            answer.verdict, answer.common_mistake = compare(
                answer.guess.value, answer.low, answer.high, answer.scale, item.common_mistake
            )
        found.append(answer)
    return found


def form_errors(found):
    errors = [(a.field, a.guess.error) for a in found if a.guess.error]
    if not errors and not any(a.guess.value is not None for a in found):
        errors = [(found[0].field if found else "", _("Skriv inn minst én gjetning før du ser svarene."))]
    return errors

"""Numbers shown the Norwegian way in bokmål (4,2 %, 1 959, 23 millioner) and the English way in English."""

from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from rusfakta.statistics.units import BY_NAME

NBSP = "\u00a0"
NARROW = {"nb": (",", NBSP), "en": (".", ",")}

# After the unit's own word: the rank's «.» belongs to the number («2. plass»); English ranks are ordinals.
RANK_AFTER = f".{NBSP}plass"
MAGNITUDE_WORDS = {100: pgettext_lazy("a magnitude", "hundre"), 1000: pgettext_lazy("a magnitude", "tusen")}
ORDINAL_EN = {1: "1st place", 2: "2nd place", 3: "3rd place"}


def format_number(value, lang="nb"):
    decimal_mark, thousands = NARROW.get(lang, NARROW["nb"])
    value = Decimal(value).normalize()
    if value == value.to_integral_value():
        whole, fraction = int(value), ""
    else:
        whole_text, fraction = f"{value:f}".split(".")
        whole = int(whole_text)
    grouped = f"{abs(whole):,}".replace(",", thousands) if abs(whole) >= 1000 else str(abs(whole))
    sign = "-" if value < 0 else ""
    return sign + grouped + (decimal_mark + fraction if fraction else "")


def _after(unit, lang):
    if unit == "rank":
        return RANK_AFTER
    words = str(BY_NAME[unit].after) if unit in BY_NAME else ""
    return f"{NBSP}{words}" if words else ""


def format_amount(value, unit, lang="nb"):
    value = Decimal(value)
    with translation.override(lang):
        if unit == "fraction" and value.normalize() == Decimal("0.5"):
            return pgettext("a fraction", "halvparten")
        if unit == "magnitude" and int(value) in MAGNITUDE_WORDS:
            return str(MAGNITUDE_WORDS[int(value)])
        if unit == "rank" and lang == "en":
            return ORDINAL_EN.get(int(value), f"{int(value)}th place")
        if unit == "persons" and value >= 1_000_000:
            return f"{format_number(value / 1_000_000, lang)}{NBSP}{_('millioner')}"
        return format_number(value, lang) + _after(unit, lang)


def format_statistic(stat, lang="nb"):
    """The figure as a reader sees it, with the booklet's own hedge word in front."""
    if stat.value is not None:
        amount = format_amount(stat.value, stat.unit, lang)
    else:
        low = format_number(stat.low, lang)
        amount = f"{low}–{format_amount(stat.high, stat.unit, lang)}"
    return f"{stat.qualifier} {amount}" if stat.qualifier else amount

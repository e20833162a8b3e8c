"""Numbers shown the Norwegian way in bokmål (4,2 %, 1 959, 23 millioner) and the English way in English."""

from decimal import Decimal

NBSP = "\u00a0"
NARROW = {"nb": (",", NBSP), "en": (".", ",")}

UNIT_SUFFIX = {
    "nb": {
        "percent": f"{NBSP}%",
        "kg": f"{NBSP}kg",
        "tonnes": f"{NBSP}tonn",
        "times": f"{NBSP}ganger",
        "per-100": f"{NBSP}av 100",
        "per-10": f"{NBSP}av 10",
        "rank": ".\u00a0plass",
    },
    "en": {
        "percent": f"{NBSP}%",
        "kg": f"{NBSP}kg",
        "tonnes": f"{NBSP}tonnes",
        "times": f"{NBSP}times",
        "per-100": f"{NBSP}in 100",
        "per-10": f"{NBSP}in 10",
        "rank": "",
    },
}
MILLIONS = {"nb": "millioner", "en": "million"}
MAGNITUDE_WORDS = {"nb": {100: "hundre", 1000: "tusen"}, "en": {100: "hundred", 1000: "thousand"}}
FRACTIONS = {"nb": {Decimal("0.5"): "halvparten"}, "en": {Decimal("0.5"): "half"}}
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


def format_amount(value, unit, lang="nb"):
    value = Decimal(value)
    if unit == "fraction":
        return FRACTIONS[lang].get(value.normalize(), format_number(value, lang))
    if unit == "magnitude":
        return MAGNITUDE_WORDS[lang].get(int(value), format_number(value, lang))
    if unit == "rank" and lang == "en":
        return ORDINAL_EN.get(int(value), f"{int(value)}th place")
    if unit == "persons" and value >= 1_000_000:
        return f"{format_number(value / 1_000_000, lang)}{NBSP}{MILLIONS[lang]}"
    return format_number(value, lang) + UNIT_SUFFIX[lang].get(unit, "")


def format_statistic(stat, lang="nb"):
    """The figure as a reader sees it, with the booklet's own hedge word in front."""
    if stat.value is not None:
        amount = format_amount(stat.value, stat.unit, lang)
    else:
        low = format_number(stat.low, lang)
        amount = f"{low}–{format_amount(stat.high, stat.unit, lang)}"
    return f"{stat.qualifier} {amount}" if stat.qualifier else amount

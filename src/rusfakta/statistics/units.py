"""The units a figure record can have: the one list the pack schema, the model, the number format and
the charts read. The words are Norwegian, translated through gettext like every other interface word."""

from dataclasses import dataclass

from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Unit:
    name: str
    label: str  # the model's choice label
    after: str = ""  # written after the number: «4,2 %», «3 av 10»
    axis: str = ""  # a chart's axis title; "" for units no chart shows


# A unit the pack can hold but whose words are blank is one that formatting writes in its own way.
TABLE = (
    Unit("percent", "prosent", "%", pgettext_lazy("chart axis", "Prosent")),
    Unit("persons", "personer", axis=pgettext_lazy("chart axis", "Personer")),
    Unit("count", "antall", axis=pgettext_lazy("chart axis", "Antall")),
    Unit("kg", "kilo", "kg", pgettext_lazy("chart axis", "Kilo")),
    Unit("tonnes", "tonn", pgettext_lazy("after a number", "tonn"), pgettext_lazy("chart axis", "Tonn")),
    Unit("times", "ganger", pgettext_lazy("after a number", "ganger"), pgettext_lazy("chart axis", "Ganger")),
    Unit(
        "per-100", "av 100", pgettext_lazy("after a number", "av 100"), pgettext_lazy("chart axis", "Av 100")
    ),
    Unit("per-10", "av 10", pgettext_lazy("after a number", "av 10"), pgettext_lazy("chart axis", "Av 10")),
    Unit("fraction", "brøk"),
    Unit("rank", "plass"),
    Unit("magnitude", "størrelsesorden"),
)
UNITS = tuple(unit.name for unit in TABLE)
BY_NAME = {unit.name: unit for unit in TABLE}
CHOICES = [(unit.name, unit.label) for unit in TABLE]
# "flere tusen", "flere hundre": the booklet gives only the order of magnitude, so that is the value.
MAGNITUDES = (100, 1000)

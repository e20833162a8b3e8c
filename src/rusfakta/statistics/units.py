"""The units a figure record can have: the one list the pack schema, the model, the number format and
the charts read."""

UNITS = (
    "percent",
    "persons",
    "count",
    "kg",
    "tonnes",
    "times",
    "per-100",
    "per-10",
    "fraction",
    "rank",
    "magnitude",
)
# "flere tusen", "flere hundre": the booklet gives only the order of magnitude, so that is the value.
MAGNITUDES = (100, 1000)

"""Charts for the screen: drawn at the size they are shown, so their lettering is never scaled down.

Each chart is drawn twice, for phones (288 px wide, shown in a column of 250–290 px) and for wider
screens (560 px); the page chooses with <picture>. The bar names stand above their bars, so a long
name takes the whole width instead of squeezing the bars. The title and the source line are the
page's own text (a heading or figcaption), never text in the drawing that a small width can clip.

The size of a drawing is fixed before it is drawn (Vega's autosize "none": the view plus padding),
so a page can give every <img> its real width and height without waiting for the drawing.
"""

from dataclasses import dataclass

from django.utils import translation

from rusfakta.statistics.units import BY_NAME

INK, BAR, GRID, BACKGROUND = "#1b1b1f", "#0b5cad", "#c9ced6", "#ffffff"
# The same drawing on a dark page (the site's dark --paper): text 15.6:1, bars 8.4:1 against it.
DARK = {INK: "#eceaf5", BAR: "#6cb2ff", GRID: "#3b3850", BACKGROUND: "#131219"}

FONT_SIZE = 15  # at 250/288 (the narrowest column it is shown in, at 320 px) it is still 13 px
ROW = 56  # one bar: its name above, the bar below
BAR_HEIGHT = 20
TOP, BOTTOM, LEFT = 4, 46, 2  # BOTTOM holds the axis: tick labels and its title
CHAR_WIDTH = 0.62  # of the font size: a value's width ("2–3 %") estimated on the wide side


@dataclass(frozen=True)
class Size:
    name: str
    width: int


SIZES = {"narrow": Size("narrow", 288), "wide": Size("wide", 560)}
WIDE_FROM = "(min-width: 40em)"  # 640 px: the column is then at least 570 px, wider than the drawing


def drawing_size(chart, size):
    """(width, height) of the drawing in pixels: the same numbers the SVG gets."""
    return SIZES[size].width, TOP + ROW * len(chart.bars) + BOTTOM


def _value_width(text):
    return len(text) * FONT_SIZE * CHAR_WIDTH


def _plot_width(values, width, top):
    """As wide as possible while every value still fits after its bar."""
    room = width - LEFT - 2
    fits = [(room - 4 - _value_width(v["shown"])) / (v["high"] / top) for v in values if v["high"] > 0]
    return int(min([room, *fits]))


def screen_job(chart, values, unit, lang, size):
    """What the drawing child needs for one chart at one size (chart_specs.screen_spec draws it):
    values are charts.bar_values(rows)."""
    width, height = drawing_size(chart, size)
    top = max(v["high"] for v in values)
    domain_top = 100 if unit == "percent" and top > 50 else (top * 1.3 or 1)
    with translation.override(lang):
        axis_title = str(BY_NAME[unit].axis)
    return {
        "size": size,
        "values": values,
        "width": width,
        "height": height,
        "plot": _plot_width(values, width, domain_top),
        "domain_top": domain_top,
        "axis_title": axis_title,
    }


def with_dark_scheme(svg):
    """The drawing follows the reader's colour scheme, with no second file: a style sheet inside the SVG,
    which browsers apply in an <img> too. Vega writes colours as attributes, which any CSS rule beats."""
    rules = "".join(
        f'[fill="{light}"]{{fill:{dark}}}[stroke="{light}"]{{stroke:{dark}}}' for light, dark in DARK.items()
    )
    head, tag_end, rest = svg.partition(">")
    return f"{head}{tag_end}<style>@media (prefers-color-scheme: dark){{{rules}}}</style>{rest}"

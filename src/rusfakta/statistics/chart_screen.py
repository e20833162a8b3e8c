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
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
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


def screen_spec(chart, values, unit, lang, size):
    """The Vega-Lite spec of one chart at one size; values are charts.bar_values(rows)."""
    import altair as alt

    width, height = drawing_size(chart, size)
    top = max(v["high"] for v in values)
    domain_top = 100 if unit == "percent" and top > 50 else (top * 1.3 or 1)
    plot = _plot_width(values, width, domain_top)
    with translation.override(lang):
        axis_title = str(BY_NAME[unit].axis)
    y = alt.Y("label:N", sort=None, axis=None, scale=alt.Scale(paddingInner=0, paddingOuter=0))
    x = alt.X(
        "start:Q",
        title=axis_title,
        scale=alt.Scale(domain=[0, domain_top], nice=False),
        axis=alt.Axis(tickCount=4, labelFlush=True, labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE),
    )
    base = alt.Chart(alt.Data(values=values)).encode(y=y)
    shift = BAR_HEIGHT / 2
    bars = base.mark_bar(color=BAR, height=BAR_HEIGHT, yOffset=shift).encode(x=x, x2="low:Q")
    spans = (
        base.transform_filter(alt.datum.range)
        .mark_bar(color=BAR, opacity=0.35, height=BAR_HEIGHT, yOffset=shift, stroke=BAR, strokeWidth=1)
        .encode(x=alt.X("low:Q"), x2="high:Q")
    )
    names = base.mark_text(align="left", baseline="alphabetic", dy=-4, fontSize=FONT_SIZE, color=INK).encode(
        x=alt.datum(0), text="label:N"
    )
    shown = base.mark_text(align="left", baseline="middle", dx=4, dy=shift, fontSize=FONT_SIZE, color=INK)
    layered = (bars + spans + names + shown.encode(x=alt.X("high:Q"), text="shown:N")).properties(
        width=plot,
        height=ROW * len(values),
        autosize={"type": "none"},
        padding={
            "left": LEFT,
            "right": width - LEFT - plot,
            "top": TOP,
            "bottom": height - TOP - ROW * len(values),
        },
    )
    axis = {"gridColor": GRID, "labelColor": INK, "titleColor": INK, "domainColor": INK, "tickColor": INK}
    return (
        layered.configure(font=FONT, background=BACKGROUND)
        .configure_view(stroke=None)
        .configure_axis(titleFontWeight="normal", **axis)
        .to_dict()
    )


def with_dark_scheme(svg):
    """The drawing follows the reader's colour scheme, with no second file: a style sheet inside the SVG,
    which browsers apply in an <img> too. Vega writes colours as attributes, which any CSS rule beats."""
    rules = "".join(
        f'[fill="{light}"]{{fill:{dark}}}[stroke="{light}"]{{stroke:{dark}}}' for light, dark in DARK.items()
    )
    head, tag_end, rest = svg.partition(">")
    return f"{head}{tag_end}<style>@media (prefers-color-scheme: dark){{{rules}}}</style>{rest}"

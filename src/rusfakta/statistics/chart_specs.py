"""The charts' Vega-Lite specs, built with altair, and drawn with vl-convert: run by the child process
that charts.draw_all starts, never in a server process.

altair keeps about 30 MB once imported and vl-convert's JavaScript engine about 120 MB once it has
drawn. So a worker hands the child each drawing's plain inputs (numbers, and texts already in the
reader's language: charts.drawing_job) and gets the SVGs back. Nothing here reads Django's settings.
"""

import json
import sys

from rusfakta.statistics.chart_screen import BACKGROUND, BAR, BAR_HEIGHT, FONT_SIZE, GRID, INK, LEFT, ROW, TOP

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
AXIS = {"gridColor": GRID, "labelColor": INK, "titleColor": INK, "domainColor": INK, "tickColor": INK}


def print_spec(job):
    """The PDF's drawing: its title and source line are in the drawing."""
    import altair as alt

    y = alt.Y(
        "label:N", sort=None, title=None, axis=alt.Axis(labelLimit=170, labelFontSize=14, labelPadding=6)
    )
    x = alt.X("start:Q", title=job["axis_title"], scale=alt.Scale(domain=job["domain"]))
    base = alt.Chart(alt.Data(values=job["values"])).encode(y=y)
    bars = base.mark_bar(color=BAR, height=20).encode(x=x, x2="low:Q")
    spans = (
        base.transform_filter(alt.datum.range)
        .mark_bar(color=BAR, opacity=0.35, height=20, stroke=BAR, strokeWidth=1)
        .encode(x=alt.X("low:Q"), x2="high:Q")
    )
    labels = base.mark_text(align="left", dx=4, color=INK, fontSize=14).encode(
        x=alt.X("high:Q"), text="shown:N"
    )
    title = alt.TitleParams(
        job["title"],
        subtitle=job["subtitle"],
        anchor="start",
        frame="bounds",
        fontSize=15,
        subtitleFontSize=13,
        color=INK,
        subtitleColor=INK,
    )
    layered = (bars + spans + labels).properties(
        width=220,
        height=alt.Step(32),
        padding={"left": 24, "right": 24, "top": 8, "bottom": 8},
        title=title,
    )
    return layered.configure(font=FONT).configure_view(stroke=None).configure_axis(**AXIS).to_dict()


def screen_spec(job):
    """A screen drawing at its fixed size (chart_screen): the bar names above the bars, no title."""
    import altair as alt

    values, width, height, plot = job["values"], job["width"], job["height"], job["plot"]
    y = alt.Y("label:N", sort=None, axis=None, scale=alt.Scale(paddingInner=0, paddingOuter=0))
    x = alt.X(
        "start:Q",
        title=job["axis_title"],
        scale=alt.Scale(domain=[0, job["domain_top"]], nice=False),
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
    return (
        layered.configure(font=FONT, background=BACKGROUND)
        .configure_view(stroke=None)
        .configure_axis(titleFontWeight="normal", **AXIS)
        .to_dict()
    )


def spec(job):
    return print_spec(job) if job["size"] == "print" else screen_spec(job)


def draw():
    """The child: a JSON list of jobs on stdin, the JSON list of their SVGs on stdout."""
    import vl_convert

    jobs = json.load(sys.stdin)
    json.dump([vl_convert.vegalite_to_svg(spec(job)) for job in jobs], sys.stdout)


if __name__ == "__main__":
    draw()

"""Charts as SVG, drawn on the server from the figure records (altair → vl-convert), kept as files.

Drawing is heavy: altair keeps about 30 MB once imported and vl-convert's JavaScript engine about
120 MB once it has drawn. So `serve` draws every chart as it prepares, and after an edit the first
worker that needs a chart works out every drawing's inputs (drawing_job: numbers and texts in the
reader's language); a child process builds the Vega-Lite specs of those not drawn yet and draws them
(chart_specs.py). Each SVG is a file in the data folder named by its inputs, which every worker reads:
an edit redraws only the drawings it changes.
"""

import copy
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from rusfakta.content.lookups import content_stamp
from rusfakta.pack.translated import translate
from rusfakta.statistics.chart_screen import SIZES, screen_job, with_dark_scheme
from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.in_text import statistics_by_slug
from rusfakta.statistics.units import BY_NAME


def chart_rows(chart, stats, lang):
    """One row per bar: the record, its label in the chart, and the figure as shown."""
    return [
        {
            "stat": stats[bar["stat"]],
            "label": bar["label"],
            "shown": format_statistic(stats[bar["stat"]], lang),
        }
        for bar in chart.bars
    ]


def source_line(rows, lang):
    titles = list(dict.fromkeys(row["stat"].source.title for row in rows))
    periods = list(dict.fromkeys(row["stat"].period for row in rows))
    with translation.override(lang):
        return f"{_('Kilde')}: {', '.join(titles)}. {_('Periode')}: {', '.join(periods)}."


def _lines(text, width):
    """Vega-Lite does not wrap titles; a list of strings is drawn as lines. Words are never split."""
    return textwrap.wrap(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False)


def bar_values(rows):
    """What each bar draws. Every bar starts at zero; a range («2–3 %») is a solid bar up to its low end
    and a lighter part from low to high, so it is never a floating segment that reads as 1."""
    values = []
    for row in rows:
        stat = row["stat"]
        is_range = stat.value is None
        low = float(stat.low if is_range else stat.value)
        high = float(stat.high if is_range else stat.value)
        values.append(
            {
                "label": row["label"],
                "start": 0.0,
                "low": low,
                "high": high,
                "range": is_range,
                "shown": row["shown"],
            }
        )
    return values


def print_job(chart, rows, lang):
    """What the drawing child needs for the PDF's drawing of one chart (chart_specs.print_spec)."""
    unit = rows[0]["stat"].unit
    values = bar_values(rows)
    top = max(v["high"] for v in values)
    with translation.override(lang):
        axis_title = str(BY_NAME[unit].axis)
    return {
        "size": "print",
        "values": values,
        "domain": [0, 100] if unit == "percent" and top > 50 else [0, top * 1.3],
        "axis_title": axis_title,
        "title": _lines(chart.title, 36),
        "subtitle": _lines(source_line(rows, lang), 46),
    }


def drawing_job(chart, rows, lang, size):
    if size == "print":
        return print_job(chart, rows, lang)
    return screen_job(chart, bar_values(rows), rows[0]["stat"].unit, lang, size)


def drawing_spec(chart, rows, lang, size):
    """The Vega-Lite spec, built here (altair imported) rather than in the child: for tests and tools."""
    from rusfakta.statistics.chart_specs import spec

    return spec(drawing_job(chart, rows, lang, size))


def chart_spec(chart, rows, lang):
    return drawing_spec(chart, rows, lang, "print")


CODE_DIGEST = hashlib.sha256(  # a deploy draws them again
    b"".join(
        (Path(__file__).parent / name).read_bytes()
        for name in ("charts.py", "chart_screen.py", "chart_specs.py")
    )
).hexdigest()[:8]
# "print" has its title and source line in the drawing (the PDF); the screen sizes leave them to the page.
# They are drawn apart, so a page waits only for the screen's drawings and the PDF only for its own.
DRAWINGS = {"print": ("print",), **dict.fromkeys(SIZES, tuple(SIZES))}


def drawing_file(job):
    """A drawing's file is named by what it draws (and the code that draws it): an edit redraws only
    the drawings it changes, and an edit that changes none redraws nothing."""
    digest = hashlib.sha256(json.dumps(job, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:20]
    return Path(settings.DATA_DIR) / "charts" / f"{CODE_DIGEST}-{digest}.svg"


def _job(chart, stats, lang, size):
    shown = translate(copy.copy(chart), lang)
    return drawing_job(shown, chart_rows(shown, stats, lang), lang, size)


DRAW = "from rusfakta.statistics.chart_specs import draw; draw()"
DRAW_SECONDS = 120


def chart_svg(chart, lang="nb", size="print"):
    stamp = content_stamp()
    key = f"chart-svg:{stamp}:{CODE_DIGEST}:{chart.slug}:{lang}:{size}"
    svg = cache.get(key)
    if svg is None:
        path = drawing_file(_job(chart, statistics_by_slug(stamp, lang), lang, size))
        if not path.exists():
            draw_all(stamp, chart, DRAWINGS[size])
        svg = path.read_text()
        cache.set(key, svg, 24 * 3600)
    return svg


def draw_missing():
    """Every drawing of this content version, print and screen, that is not drawn yet. Called when the
    server prepares (after a first load), so the first visitor to a chart never waits."""
    draw_all(content_stamp(), sizes=("print", *SIZES))


def draw_all(stamp, also=None, sizes=tuple(SIZES)):
    """Every chart of this content version in every language, at these sizes: those not drawn yet are
    drawn by one child process."""
    from rusfakta.statistics.models import Chart

    charts = {chart.slug: chart for chart in Chart.objects.all()}
    if also is not None:
        charts[also.slug] = also
    jobs = {}
    for lang, _name in settings.LANGUAGES:
        stats = statistics_by_slug(stamp, lang)
        for chart in charts.values():
            for size in sizes:
                job = _job(chart, stats, lang, size)
                path = drawing_file(job)
                if not path.exists():
                    jobs[path] = job
    if not jobs:
        return
    done = subprocess.run(
        [sys.executable, "-c", DRAW],
        input=json.dumps(list(jobs.values())).encode(),
        capture_output=True,
        timeout=DRAW_SECONDS,
        check=True,
    )
    for (path, job), svg in zip(jobs.items(), json.loads(done.stdout), strict=True):
        _keep(path, svg if job["size"] == "print" else with_dark_scheme(svg))  # the PDF is always on paper


def _keep(path, svg):
    """Written whole or not at all: another worker may read it at any moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".drawing-", suffix=".svg")
    with os.fdopen(handle, "w") as file:
        file.write(svg)
    os.replace(temporary, path)

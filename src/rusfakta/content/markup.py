"""The small markup of passage text: paragraphs, "- " lists, **bold** and {stat:id}."""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from rusfakta.pack.refs import STAT_REF, stat_refs  # noqa: F401 (the markup's readers take both from here)

BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    kind: str  # "p" or "ul"
    lines: tuple


def blocks(body):
    """Split text into paragraphs and lists; blank lines separate blocks."""
    result, current, kind = [], [], None

    def close():
        nonlocal current, kind
        if current:
            result.append(Block(kind, tuple(current)))
        current, kind = [], None

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("- "):
            if kind == "p":
                close()
            kind = "ul"
            current.append(line[2:].strip())
        elif kind == "ul" and raw.startswith("  "):
            current[-1] += " " + line
        else:
            if kind == "ul":
                close()
            kind = "p"
            current.append(line)
    close()
    return result


def _marked(text, mark):
    # mark() only wraps words of text that is already escaped, so what it gives back is safe
    return mark_safe(mark(escape(text)))


def _plain_html(segment, mark):
    """Escaped text with its **bold** parts in <strong>: BOLD.split gives plain and bold parts in turn."""
    parts = BOLD.split(segment)
    return format_html_join(
        "",
        "{}",
        (
            (format_html("<strong>{}</strong>", _marked(p, mark)) if i % 2 else _marked(p, mark),)
            for i, p in enumerate(parts)
        ),
    )


def _inline_html(text, render_stat, mark):
    parts, last = [], 0
    for match in STAT_REF.finditer(text):
        parts.append(_plain_html(text[last : match.start()], mark))
        parts.append(render_stat(match.group(1)))
        last = match.end()
    parts.append(_plain_html(text[last:], mark))
    return format_html_join("", "{}", ((part,) for part in parts))


def _unmarked(text):
    return text


def to_html(body, render_stat, mark=_unmarked):
    """Safe HTML. render_stat(slug) returns safe HTML for one figure reference; mark(text) may wrap words
    in escaped text."""
    out = []
    for block in blocks(body):
        if block.kind == "p":
            out.append(format_html("<p>{}</p>", _inline_html(" ".join(block.lines), render_stat, mark)))
        else:
            lines = ((_inline_html(line, render_stat, mark),) for line in block.lines)
            out.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", lines)))
    return format_html_join("\n", "{}", ((block,) for block in out))


def to_text(body, render_stat):
    """Plain text; render_stat(slug) returns the figure as text."""
    out = []
    for block in blocks(body):
        lines = [STAT_REF.sub(lambda m: render_stat(m.group(1)), line) for line in block.lines]
        lines = [BOLD.sub(r"\1", line) for line in lines]
        if block.kind == "p":
            out.append(" ".join(lines))
        else:
            out.append("\n".join(f"– {line}" for line in lines))
    return "\n\n".join(out)

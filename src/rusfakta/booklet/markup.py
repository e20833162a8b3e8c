"""Passage markup turned into Typst markup, with every character that means something to Typst escaped."""

import re

from rusfakta.content.markup import BOLD, STAT_REF, blocks

NBSP = "\u00a0"
# Every ASCII mark with a meaning in Typst markup, and the ones that could continue an
# embedded expression such as #strong[…] (a following "(", "." or ";"). Quotes stay
# unescaped: they only become typographic quotes («», ’).
SPECIAL = re.compile(r"""([\\#$*_@<>\[\]`~\-+=/.:;,!?(){}%&^|])""")
LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DIGIT_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d)")


def escape(text):
    """Text shown exactly as written: no markup, no code, no paragraph breaks; no-break spaces kept."""
    text = CONTROL.sub("", text)
    text = LAYOUT_SPACE.sub(" ", text)
    return SPECIAL.sub(r"\\\1", text)


def strong(text):
    return f"#strong[{escape(text)}]"


def figure(text):
    """A figure never breaks over two lines, as on the site."""
    return f"#box[{strong(text)}]"


def inline(text, render_stat):
    """One line of passage text; render_stat(slug) gives the figure as plain text."""
    parts, last = [], 0
    for match in STAT_REF.finditer(text):
        parts.append(_with_bold(text[last : match.start()]))
        parts.append(figure(render_stat(match.group(1))))
        last = match.end()
    parts.append(_with_bold(text[last:]))
    return "".join(parts)


def _with_bold(text):
    # Phone numbers ("915 08 588") and big numbers stay on one line.
    text = DIGIT_GROUP_SPACE.sub(NBSP, text)
    parts, last = [], 0
    for match in BOLD.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(strong(match.group(1)))
        last = match.end()
    parts.append(escape(text[last:]))
    return "".join(parts)


def passage_markup(body, render_stat):
    out = []
    for block in blocks(body):
        if block.kind == "p":
            out.append(inline(" ".join(block.lines), render_stat))
        else:
            out.append("\n".join(f"- {inline(line, render_stat)}" for line in block.lines))
    return "\n\n".join(out)

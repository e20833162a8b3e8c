"""Shared by the tools' form parsers."""


def printable(text, limit):
    """What a visitor typed, safe to show again in the page: at most limit characters, no control characters."""
    return "".join(ch for ch in str(text) if ch.isprintable())[:limit]

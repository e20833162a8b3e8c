"""Which printed booklet page(s) a passage, record or tool statement rests on (docs/decisions/0010).

The booklet's text shows the page numbers 1, 3, 4 and 5 and none after 5, so a page is written as
the range the text proves: «4», «2-3», «-1» (page 1 or before it) or «6-» (page 6 or later).
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

PAGES = re.compile(r"^(?P<first>[1-9]\d?)?(?P<dash>-)?(?P<last>[1-9]\d?)?$")


@dataclass(frozen=True)
class Pages:
    first: int | None  # None: before page 1 may also be meant
    last: int | None  # None: any later page may be meant

    def __str__(self):
        if self.first == self.last:
            return str(self.first)
        return f"{self.first or ''}-{self.last or ''}"


def parse(text):
    """Pages from «4», «2-3», «-1» or «6-»; ValueError with a message for editors."""
    match = PAGES.match(str(text).strip())
    if not match or not (match.group("first") or match.group("last")):
        raise ValueError(
            f"pages {text!r}: write a page (4), a range (2-3), -1 (page 1 or before) or 6- (6 or later)"
        )
    first = int(match.group("first")) if match.group("first") else None
    last = int(match.group("last")) if match.group("last") else None
    if not match.group("dash"):
        last = first
    if first is not None and last is not None and first > last:
        raise ValueError(f"pages {text!r}: the first page is after the last")
    return Pages(first, last)


def problem(text, last_numbered):
    """None, or why `text` is not a page range the booklet's text can prove."""
    try:
        pages = parse(text)
    except ValueError as exc:
        return str(exc)
    if pages.last is not None and pages.last > last_numbered:
        return (
            f"pages {text!r}: the booklet's text shows no page number after {last_numbered}; "
            f"write {last_numbered + 1}- for what comes after it"
        )
    if pages.first is not None and pages.first > last_numbered + 1:
        return f"pages {text!r}: after page {last_numbered} only {last_numbered + 1}- can be shown"
    return None


def label(text):
    """«Heftet s. 4», «Heftet s. 2–3», «Heftet s. 6 eller senere», «Heftet s. 1 eller før»."""
    if not text:
        return ""
    pages = parse(text)
    if pages.first == pages.last:
        return _("Heftet s. %(page)s") % {"page": pages.first}
    if pages.last is None:
        return _("Heftet s. %(page)s eller senere") % {"page": pages.first}
    if pages.first is None:
        return _("Heftet s. %(page)s eller før") % {"page": pages.last}
    return _("Heftet s. %(first)s–%(last)s") % {"first": pages.first, "last": pages.last}


def pack_problem(value, pack):
    """None, or why `value` is not a booklet page range for this pack ("" means none was given)."""
    if not value:
        return "no pages: name the booklet page(s) it rests on (docs/decisions/0010)"
    last = pack.edition.last_numbered_page if getattr(pack, "edition", None) else None
    return problem(value, last) if last else None

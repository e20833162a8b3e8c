"""The one check of figure references in text: only {stat:id}, and only ids the pack has."""

import re

from rusfakta.pack.problems import WRITTEN_PERCENT

STAT_REF = re.compile(r"\{stat:([a-z0-9-]+)\}")
ANY_REF = re.compile(r"\{[^}]*\}")


def stat_refs(text):
    return STAT_REF.findall(text)


def reference_problems(text, stat_ids):
    """(the reference as written, why it is wrong) for each bad reference in text."""
    for ref in ANY_REF.findall(text):
        if not ref.startswith("{stat:"):
            yield ref, f"unknown reference {ref} (only {{stat:id}} is allowed)"
        elif ref[len("{stat:") : -1] not in stat_ids:
            yield ref, f"unknown statistic id '{ref[len('{stat:') : -1]}'"


def written_percent(text):
    """The first percentage written out in text (outside its {stat:id} references), or None."""
    found = WRITTEN_PERCENT.findall(STAT_REF.sub("", text))
    return found[0] if found else None

"""What every section's checks share: the problem they report and the rules the whole pack follows."""

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A percentage in running text is a figure that must come from its record instead.
WRITTEN_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|prosent\b)")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def relative(path, root):
    """The path as problems name it: from the folder that holds the pack, so «kokain/quiz.yaml»."""
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def unique_ids(items, label, pack):
    """The ids of (id, path, line) items; every repeated one is reported where it repeats."""
    seen = {}
    for slug, path, line in items:
        if slug in seen:
            first = seen[slug]
            pack.problems.append(
                Problem(path, line, f"duplicate {label} id '{slug}' (first at {first[0]}:{first[1]})")
            )
        else:
            seen[slug] = (path, line)
    return set(seen)

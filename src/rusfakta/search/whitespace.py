"""Blank questions, judged the way the OpenAPI schema's pattern judges them."""

import re

# Whitespace as JSON Schema (ECMAScript) sees it, so that our "not only spaces" agrees with the
# `\S` pattern in the OpenAPI schema: Python's str.strip() also strips characters like U+0085.
_BLANK = re.compile("^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$")


def is_blank(text):
    return bool(_BLANK.match(text or ""))

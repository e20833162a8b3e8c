import json
import re

import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from rusfakta.booklet.markup import escape, passage_markup

# Evaluates markup the way the booklet template does, and gives back the text it shows.
PLAIN_TYP = """
#let plain(it) = {
  if type(it) == str { it }
  else if it.func() == smartquote { if it.double { "\\"" } else { "'" } }
  else if it.func() == [ ].func() { " " }
  else if it.func() == parbreak { "¶" }
  else if it.func() == list.item { "•" + plain(it.body) }
  else if it.has("text") { it.text }
  else if it.has("children") { it.children.map(plain).join("") }
  else if it.has("body") { plain(it.body) }
  else { "<" + repr(it.func()) + ">" }
}
#metadata(plain(eval(sys.inputs.markup, mode: "markup"))) <out>
"""
NASTY = [
    "# $ * _ @ < > [ ] \\ ` ~",
    '#strong[x] #let x = 1 #read("/etc/passwd")',
    "$x^2$ and *not bold* and _not emph_",
    "@ref <label> [content] {code} (parens)",
    "\\u{41} \\ backslash at the end \\",
    "-- --- -? ... ~ en dash, em dash, soft hyphen, ellipsis, nbsp",
    "- not a list",
    "+ not an enum",
    "= not a heading",
    "/ not: a term",
    "1. not numbered",
    "// not a comment /* nor this */",
    "https://example.org/not-a-link",
    "```raw``` `raw`",
    "quotes: \"double\" and 'single' and Actis'",
    "norsk: «æøå» 4,2\u00a0% 1\u00a0959",
]


@pytest.fixture(scope="module")
def plain_typ(tmp_path_factory):
    path = tmp_path_factory.mktemp("typst") / "plain.typ"
    path.write_text(PLAIN_TYP, encoding="utf-8")
    return path


def shown(plain_typ, markup):
    out = typst.query(
        str(plain_typ),
        "<out>",
        field="value",
        one=True,
        sys_inputs={"markup": markup},
        ignore_system_fonts=True,
    )
    return json.loads(out) or ""


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_is_shown_exactly_as_written(plain_typ, text):
    assert shown(plain_typ, escape(text)) == text


def test_escape_keeps_no_break_spaces_and_folds_line_breaks():
    assert escape("4,2\u00a0%") == "4\\,2\u00a0\\%"
    assert escape("one\n\ntwo\tthree") == "one two three"


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_any_text_survives_escaping(plain_typ, text):
    expected = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    expected = re.sub(r"[ \t\r\n\f\v\x85\u2028\u2029]+", " ", expected)
    assert shown(plain_typ, escape(text)) == expected


def test_passage_markup_has_paragraphs_lists_bold_and_figures(plain_typ):
    body = "Første **viktig** avsnitt med {stat:a}.\n\nListe:\n\n- en #ting\n- to [ting]\n\nRing 915 08 588."
    markup = passage_markup(body, lambda slug: {"a": "nesten 6 av 100"}[slug])
    assert "#box[#strong[nesten 6 av 100]]" in markup
    assert "#strong[viktig]" in markup
    assert shown(plain_typ, markup) == (
        "Første viktig avsnitt med nesten 6 av 100.¶Liste:¶•en #ting •to [ting]¶Ring 915\u00a008\u00a0588."
    )


def test_figure_text_is_escaped_too(plain_typ):
    markup = passage_markup("{stat:x}", lambda slug: "#eval($1$)")
    assert shown(plain_typ, markup) == "#eval($1$)"

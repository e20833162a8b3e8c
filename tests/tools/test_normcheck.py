from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusfakta.statistics.models import Statistic
from rusfakta.tools.models import NormItem
from rusfakta.tools.normcheck import compare, parse_guess
from tests.conftest import check_html

# The records the issue asks for, each one a question.
REQUIRED_RECORDS = {
    "ssb-16-30-ikke-brukt-siste-ar-2024",
    "opinion-provd-kokain",
    "opinion-russ-provd-russetid",
    "opinion-ikke-presset",
    "opinion-ikke-akseptabelt",
    "ungdata-vgs-andre-stoffer-2024",
}


@pytest.mark.parametrize(
    "raw, scale, value",
    [
        ("40", 100, "40"),
        (" 40 % ", 100, "40"),
        ("12,5", 100, "12.5"),
        ("0", 10, "0"),
        ("10", 10, "10"),
        ("", 100, None),
    ],
)
def test_a_guess_is_a_number_within_the_scale(raw, scale, value):
    guess = parse_guess(raw, scale)
    assert guess.error == ""
    assert guess.value == (Decimal(value) if value else None)


@pytest.mark.parametrize(
    "raw, scale", [("abc", 100), ("101", 100), ("11", 10), ("-5", 100), ("1e2", 100), ("4" * 40, 100)]
)
def test_a_bad_guess_gets_a_clear_message(raw, scale):
    guess = parse_guess(raw, scale)
    assert guess.value is None
    assert guess.error == f"Skriv et tall fra 0 til {scale}."
    assert len(guess.raw) <= 12


@given(raw=st.text(max_size=40), scale=st.sampled_from([10, 100]))
def test_the_guess_parser_never_fails_and_keeps_within_the_scale(raw, scale):
    guess = parse_guess(raw, scale)
    assert (guess.value is None) or (0 <= guess.value <= scale and not guess.error)
    assert guess.value is None or guess.error == ""


@pytest.mark.parametrize(
    "guess, mistake, expected",
    [
        (8, "too-high", ("exact", False)),
        (9, "too-high", ("close", False)),
        (12, "too-high", ("close", False)),
        (40, "too-high", ("higher", True)),
        (1, "too-high", ("lower", False)),
        (50, "too-low", ("lower", True)),
        (99, "too-low", ("close", False)),
        (95, "too-low", ("exact", False)),
    ],
)
def test_a_guess_is_compared_within_five_points(guess, mistake, expected):
    value = Decimal(8) if mistake == "too-high" else Decimal(95)
    assert compare(Decimal(guess), value, value, 100, mistake) == expected


def test_a_per_ten_guess_is_close_only_when_right():
    assert compare(Decimal(7), Decimal(7), Decimal(7), 10, "too-low") == ("exact", False)
    assert compare(Decimal(6), Decimal(7), Decimal(7), 10, "too-low") == ("lower", True)


@pytest.mark.django_db
def test_every_required_record_is_a_question_and_use_is_paired_with_attitude():
    items = NormItem.objects.select_related("statistic")
    assert REQUIRED_RECORDS <= {item.statistic.slug for item in items}
    assert {item.kind for item in items} == {"use", "attitude"}


def test_the_form_asks_every_question_with_the_right_scale(pages):
    html = pages.get("/tenk-selv/").content.decode()
    for item in NormItem.objects.select_related("statistic"):
        assert item.question in html
        assert f'name="{item.slug}"' in html
    assert "Din gjetning (fra 0 til 10)" in html
    assert 'method="get"' in html
    assert "rusfakta/tenk-selv" in html and "defer" in html


def test_the_result_shows_the_guess_next_to_the_record_with_passage_and_source(pages):
    html = pages.get("/tenk-selv/svar/?provd-18-25=40&ikke-greit-i-gjengen=3").content.decode()
    assert "Du gjettet: <strong>40\u00a0%</strong>" in html
    assert "Du gjettet høyere enn tallet." in html
    assert "Det er vanlig å tro at flere gjør det enn det som stemmer." in html
    assert '<a class="stat big" href="/tall/opinion-provd-kokain/">8\u00a0%</a>' in html
    assert "Du gjettet: <strong>3\u00a0av 10</strong>" in html
    assert '<a class="stat big" href="/tall/opinion-ikke-akseptabelt/">7\u00a0av 10</a>' in html
    assert 'href="/kapittel/opinion/#opinion-provd"' in html
    assert 'href="/kilder/#kilde-opinion-actis"' in html
    assert "Du gjettet ikke på dette." in html
    assert "Det de fleste mener" in html and "Det de fleste gjør" in html


def test_an_exact_guess_is_recognised_as_exact(pages):
    html = pages.get("/tenk-selv/svar/?provd-18-25=8&ikke-greit-i-gjengen=7,0&russetid=4").content.decode()
    assert html.count("Helt riktig! Du traff tallet.") == 2
    assert html.count("Du var nær!") == 1  # 4 % against 3 %


def _summary(html, heading):
    part = html.split(f"<h3>{heading}</h3>", 1)[1]
    return part.split("</ul>", 1)[0]


def test_the_summary_lists_only_what_most_people_do_and_think(pages):
    html = pages.get("/tenk-selv/svar/?provd-18-25=40").content.decode()
    most_do = _summary(html, "Det de fleste gjør")
    assert ">95\u00a0%</a>" in most_do
    for minority in ("8\u00a0%", "3\u00a0%", "6\u00a0%"):
        assert f">{minority}</a>" not in most_do
    assert ">7\u00a0av 10</a>" in _summary(html, "Det de fleste mener")
    for item in NormItem.objects.select_related("statistic"):
        value = item.statistic.value
        listed = f'href="{item.statistic.get_absolute_url()}"' in html.split('id="oppsummering-h"', 1)[1]
        scale = 10 if item.statistic.unit == "per-10" else 100
        assert listed == (value * 2 > scale), item.slug


def test_the_questions_are_asked_without_a_double_negative(pages):
    html = pages.get("/tenk-selv/").content.decode()
    for item in NormItem.objects.all():
        assert "tror du ikke" not in item.question, item.slug
    assert "tror du har latt være å ta kokain det siste året?" in html


def test_the_guess_and_the_figure_are_two_bars_drawn_on_the_server(pages):
    html = pages.get("/tenk-selv/svar/?provd-18-25=40&ikke-greit-i-gjengen=5").content.decode()
    bars = html.split('id="svar-provd-18-25"', 1)[1].split("</article>", 1)[0]
    assert '<svg width="100%" height="84" role="img" aria-labelledby="bars-provd-18-25-t"' in bars
    assert '<title id="bars-provd-18-25-t">Din gjetning: 40\u00a0%. Tallet: 8\u00a0%.</title>' in bars
    assert 'class="bar-guess" x="0" y="21" width="40%"' in bars
    assert 'class="bar-figure" x="0" y="65" width="8%"' in bars
    per_ten = html.split('id="svar-ikke-greit-i-gjengen"', 1)[1].split("</article>", 1)[0]
    assert 'class="bar-guess" x="0" y="21" width="50%"' in per_ten
    assert 'class="bar-figure" x="0" y="65" width="70%"' in per_ten
    assert "viewBox" not in bars  # never scaled: the text stays at its size on a phone
    unguessed = html.split('id="svar-russetid"', 1)[1].split("</article>", 1)[0]
    assert "<svg" not in unguessed


def test_the_russ_question_shows_what_people_think_next_to_what_they_do(pages):
    html = pages.get("/tenk-selv/svar/?russetid=30").content.decode()
    assert '<a class="stat big" href="/tall/opinion-russ-provd-russetid/">3\u00a0%</a>' in html
    assert 'href="/tall/opinion-russ-oppfattes-vanlig/">nesten 20\u00a0%</a>' in html


def test_changing_a_record_changes_the_norm_check(pages):
    stat = Statistic.objects.get(slug="opinion-provd-kokain")
    stat.value = Decimal("9.5")
    stat.save()
    html = pages.get("/tenk-selv/svar/?provd-18-25=9").content.decode()
    assert "9,5\u00a0%" in html
    assert "Du var nær!" in html
    assert 'data-low="9.5"' in pages.get("/tenk-selv/").content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("?provd-18-25=abc", "Skriv et tall fra 0 til 100."),
        ("?ikke-greit-i-gjengen=11", "Skriv et tall fra 0 til 10."),
        ("", "Skriv inn minst én gjetning før du ser svarene."),
        ("?provd-18-25=", "Skriv inn minst én gjetning før du ser svarene."),
    ],
)
def test_bad_guesses_show_the_form_again_with_a_clear_message(pages, query, message):
    html = pages.get("/tenk-selv/svar/" + query, status=400).content.decode()
    assert message in html
    assert 'class="error-summary"' in html


def test_a_bad_guess_is_kept_in_the_form_and_marked(pages):
    html = pages.get("/tenk-selv/svar/?provd-18-25=abc&russetid=5", status=400).content.decode()
    assert 'value="abc" aria-invalid="true" aria-describedby="feil-provd-18-25"' in html
    assert 'value="5"' in html


@pytest.mark.django_db
def test_the_result_page_is_not_cached():
    response = Client().get("/tenk-selv/svar/?provd-18-25=10")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(["provd-18-25", "ikke-greit-i-gjengen", "russetid", "x", "ikke-presset"]),
        st.text(max_size=30),
    )
)
def test_any_query_gives_a_page_or_a_clear_message_never_an_error(params):
    response = Client().get("/tenk-selv/svar/", params)
    assert response.status_code in (200, 400)
    assert not response.cookies
    html = check_html("/tenk-selv/svar/", response.content.decode())
    assert html is not None

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusfakta.statistics.models import Statistic
from rusfakta.tools.mixing import answer, find, read_query
from rusfakta.tools.models import MixingStatement, MixingSubstance
from rusfakta.tools.pack import UNSAFE_WORDING
from tests.conftest import check_html

NOT_COVERED = "Heftet sier ingenting om denne blandingen. Det betyr ikke at den er trygg."
REQUIRED = ["alkohol", "heroin", "fentanyl", "metadon", "tramadol", "andre-opioider", "rosa-kokain"]


@pytest.mark.django_db
def test_every_mixture_the_issue_names_is_covered_with_a_booklet_level():
    substances = {s.slug: s for s in MixingSubstance.objects.all()}
    assert list(substances) == REQUIRED
    assert substances["alkohol"].level == "okt-risiko"
    assert substances["heroin"].level == "okt-risiko-for-dod"
    assert substances["rosa-kokain"].level == "ukjent-innhold"


@pytest.mark.django_db
def test_no_statement_calls_a_mixture_safe():
    for statement in MixingStatement.objects.all():
        assert not UNSAFE_WORDING.search(statement.text)
        assert statement.passages.exists() and statement.sources.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, slug",
    [
        ("Alkohol", "alkohol"),
        ("øl", "alkohol"),
        ("  SPEEDBALL ", "heroin"),
        ("rosa kokain", "rosa-kokain"),
        ("pink cocaine", "rosa-kokain"),
        ("kokain og alkohol", "alkohol"),
        ("opiater", "andre-opioider"),
        ("ketamin", None),
        ("heroin og øl", None),
        ("vinter", None),
        ("", None),
    ],
)
def test_a_substance_is_found_by_id_name_or_alias(query, slug):
    found = find(query, list(MixingSubstance.objects.all()))
    assert (found.slug if found else None) == slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, query, error",
    [
        ({"med": "alkohol", "annet": "ketamin"}, "alkohol", ""),
        ({"med": "annet", "annet": "ketamin"}, "ketamin", ""),
        ({"annet": "ketamin"}, "ketamin", ""),
        ({"med": "annet"}, "", "Skriv hva kokainet blandes med."),
        ({"annet": "x" * 101}, "", "Skriv kortere – høyst 100 tegn."),
        ({}, "", ""),
    ],
)
def test_the_form_reads_a_choice_or_what_was_typed(params, query, error):
    assert read_query(params, list(MixingSubstance.objects.all())) == (query, error)


def test_alcohol_shows_the_booklet_statements_with_passages_sources_and_the_record(pages):
    html = pages.get("/blanding/?med=alkohol").content.decode()
    assert "Kokain blandet med alkohol" in html
    assert "Økt risiko" in html
    assert "giftigere" in html and "voldelig" in html
    assert 'href="/tall/opinion-alkohol-samtidig/">71\u00a0%</a>' in html
    assert 'href="/kapittel/blandingsbruk/#blanding-giftigere"' in html
    assert 'href="/kilder/#kilde-helsenorge-2024"' in html


def test_heroin_says_speedball_raises_the_risk_of_death(pages):
    html = pages.get("/blanding/?med=heroin").content.decode()
    assert "Økt risiko for død" in html
    assert "speedball" in html
    assert 'href="/kapittel/dodelighet/#dodelighet-speedball"' in html


def test_pink_cocaine_says_the_content_is_unknown(pages):
    html = pages.get("/blanding/?annet=ukjent+pulver").content.decode()
    assert "Ukjent innhold – kan være dødelig" in html
    assert 'href="/kapittel/former/#former-rosa-fare"' in html


def test_something_the_booklet_does_not_cover_is_not_called_safe(pages):
    html = pages.get("/blanding/?med=annet&annet=ketamin").content.decode()
    assert NOT_COVERED in html
    assert "«ketamin»" in html
    assert 'href="/hjelp/"' in html


def test_changing_a_record_changes_the_mixing_answer(pages):
    stat = Statistic.objects.get(slug="opinion-alkohol-samtidig")
    stat.value = 72
    stat.save()
    assert "72\u00a0%" in pages.get("/blanding/?med=alkohol").content.decode()


@pytest.mark.parametrize(
    "query, message",
    [("?med=annet", "Skriv hva kokainet blandes med."), ("?annet=" + "x" * 120, "høyst 100 tegn")],
)
def test_bad_input_gets_a_clear_message(pages, query, message):
    assert message in pages.get("/blanding/" + query, status=400).content.decode()


def test_the_form_is_get_and_lists_every_substance(pages):
    html = pages.get("/blanding/").content.decode()
    assert 'method="get"' in html
    for substance in MixingSubstance.objects.all():
        assert f'value="{substance.slug}"' in html


@pytest.mark.django_db
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(med=st.text(max_size=20), annet=st.text(max_size=120))
def test_any_input_gives_an_answer_or_a_clear_message(med, annet):
    response = Client().get("/blanding/", {"med": med, "annet": annet})
    assert response.status_code in (200, 400)
    assert not response.cookies
    check_html("/blanding/", response.content.decode())


@pytest.fixture
def api(client, db):
    return client


def test_the_api_lists_every_substance_with_level_statements_and_the_not_covered_answer(api):
    body = api.get("/api/v1/mixing").json()
    assert [s["id"] for s in body["substances"]] == REQUIRED
    assert {level["id"] for level in body["levels"]} == {"okt-risiko", "okt-risiko-for-dod", "ukjent-innhold"}
    assert body["not_covered"] == {"text": NOT_COVERED, "help_url": "/hjelp/"}
    alcohol = body["substances"][0]
    assert alcohol["level"] == {"id": "okt-risiko", "label": "Økt risiko"}
    statement = alcohol["statements"][-1]
    assert "71\u00a0%" in statement["text"]
    assert statement["statistics"] == ["opinion-alkohol-samtidig"]
    assert statement["passages"][0]["url"] == "/kapittel/blandingsbruk/#blanding-opinion-alkohol"
    assert statement["sources"] == [{"id": "opinion-actis", "title": "Opinion-undersøkelsen for Actis"}]


def test_the_api_answers_one_substance_by_alias(api):
    body = api.get("/api/v1/mixing/speedball").json()
    assert body["covered"] is True
    assert body["substance"]["id"] == "heroin"
    assert body["message"] is None


def test_an_unknown_substance_answers_200_with_the_not_covered_message(api):
    response = api.get("/api/v1/mixing/ketamin")
    assert response.status_code == 200
    assert response.json() == {
        "query": "ketamin",
        "covered": False,
        "substance": None,
        "message": NOT_COVERED,
        "help_url": "/hjelp/",
    }


def test_a_too_long_name_is_400_in_the_error_shape(api):
    response = api.get("/api/v1/mixing/" + "x" * 101)
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message"}


@pytest.mark.django_db
def test_the_answer_matches_between_page_and_api():
    found = answer("fentanyl")
    assert (
        found.covered
        and len(found.statements) == MixingStatement.objects.filter(substance__slug="fentanyl").count()
    )

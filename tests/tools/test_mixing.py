import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusfakta.helpservices.models import Service
from rusfakta.statistics.models import Statistic
from rusfakta.tools.mixing import answer, find, read_query
from rusfakta.tools.models import MixingStatement, MixingSubstance
from rusfakta.tools.pack import UNSAFE_WORDING
from tests.conftest import check_html

NOT_COVERED = "Heftet sier ingenting om denne blandingen. Det betyr ikke at den er trygg."
REQUIRED = ["alkohol", "heroin", "fentanyl", "metadon", "tramadol", "andre-opioider", "rosa-kokain"]
ROSA_INGREDIENTS = ["ketamin", "ecstasy", "amfetamin"]
OPIOIDS = ["heroin", "fentanyl", "metadon", "tramadol", "andre-opioider"]


@pytest.mark.django_db
def test_every_mixture_the_issue_names_is_covered_with_a_booklet_level():
    substances = {s.slug: s for s in MixingSubstance.objects.all()}
    assert list(substances) == REQUIRED + ROSA_INGREDIENTS
    assert substances["alkohol"].level == "okt-risiko"
    assert substances["rosa-kokain"].level == "ukjent-innhold"
    assert {substances[slug].level for slug in OPIOIDS} == {"okt-risiko"}
    assert {substances[slug].level for slug in ROSA_INGREDIENTS} == {""}


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
        ("ketamin", "ketamin"),
        ("ghb", None),
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
        ({"annet": ""}, "", "Velg et stoff, eller skriv hva kokainet blandes med."),
        ({"med": "", "annet": "  "}, "", "Velg et stoff, eller skriv hva kokainet blandes med."),
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


def test_heroin_has_the_opioid_level_and_speedball_as_an_added_statement(pages):
    html = pages.get("/blanding/?med=heroin").content.decode()
    assert "<strong>Økt risiko</strong>" in html and "Økt risiko for død" not in html
    assert "speedball" in html and "øker risikoen for å dø" in html
    assert 'href="/kapittel/dodelighet/#dodelighet-speedball"' in html


def test_fentanyl_as_a_cutting_agent_is_a_separate_statement_not_a_level(pages):
    html = pages.get("/blanding/?med=fentanyl").content.decode()
    assert "<strong>Økt risiko</strong>" in html
    assert (
        '<p class="kind"><strong>Når kokain er blandet ut med stoffet</strong></p><p>Noe kokain er forfalsket'
        in html
    )
    assert 'href="/kapittel/skade-og-overdose/#overdose-fentanyl"' in html
    assert "viktig del av årsaken" in html  # the opiate-overdose sentence holds for fentanyl too


@pytest.mark.parametrize("slug", ROSA_INGREDIENTS)
def test_the_rosa_kokain_ingredients_link_to_rosa_kokain(pages, slug):
    html = pages.get(f"/blanding/?med={slug}").content.decode()
    assert NOT_COVERED not in html
    assert "Heftet sier ingenting om å ta kokain sammen med dette stoffet" in html
    assert "Det betyr ikke at det er trygt." in html
    assert "rosa kokain" in html and 'href="/blanding/?med=rosa-kokain#svar"' in html
    assert 'class="level' not in html


def test_rosa_kokain_says_what_the_booklet_says(pages):
    html = pages.get("/blanding/?med=rosa-kokain").content.decode()
    assert "ikke i pulveret" in html and "sjelden" not in html
    assert "svært farlig" in html and "potensielt være dødelig" in html
    assert "størrelsen på dosen" in html


def test_pink_cocaine_says_the_content_is_unknown(pages):
    html = pages.get("/blanding/?annet=ukjent+pulver").content.decode()
    assert "Ukjent innhold – kan være dødelig" in html
    assert 'href="/kapittel/former/#former-rosa-fare"' in html


def test_something_the_booklet_does_not_cover_is_not_called_safe(pages):
    html = pages.get("/blanding/?med=annet&annet=ghb").content.decode()
    assert NOT_COVERED in html
    assert "«ghb»" in html
    assert 'href="/hjelp/"' in html


def test_an_empty_submit_says_what_to_do_instead_of_reloading(pages):
    html = pages.get("/blanding/?annet=", status=400).content.decode()
    assert '<div class="error-summary" role="alert"' in html
    first = MixingSubstance.objects.first().slug
    assert f'<a href="#med-{first}">Velg et stoff, eller skriv hva kokainet blandes med.</a>' in html
    assert 'id="svar"' not in html  # no answer
    assert 'aria-invalid="true"' not in html  # the text field was not the problem
    assert "error-summary" not in pages.get("/blanding/").content.decode()  # the first visit is no error


def test_an_unknown_substance_gets_the_booklets_anonymous_help_as_the_next_step(pages):
    html = pages.get("/blanding/?med=annet&annet=ketamin").content.decode()
    # The booklet names ketamin only as a part of rosa kokain: it says nothing about the mixture.
    assert (
        "Heftet sier ingenting om å ta kokain sammen med dette stoffet. Det betyr ikke at det er trygt."
        in html
    )
    assert 'class="level' not in html
    unknown = pages.get("/blanding/?med=annet&annet=lsd").content.decode()
    assert NOT_COVERED in unknown and "Kokain blandet med «lsd»" in unknown
    assert "Spør RUSinfo – gratis og anonymt" in unknown
    rusinfo = Service.objects.get(slug="rusinfo")
    help_card = html.split('<section class="mixing-help"', 1)[1].split("</section>", 1)[0]
    assert "Spør RUSinfo – gratis og anonymt" in help_card
    assert f'href="{rusinfo.tel_href}">Ring {rusinfo.phone}</a>' in help_card  # the booklet's 915 08 588
    assert 'href="https://www.rusinfo.no">Chat på www.rusinfo.no</a>' in help_card
    assert "Mandag–fredag kl. 11.00–18.00" in help_card
    assert 'class="status ' in help_card  # open now, or when it opens
    assert '<a href="tel:113">Ring 113</a>' in html
    covered = pages.get("/blanding/?med=alkohol").content.decode()
    assert "mixing-help" not in covered


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
    assert [s["id"] for s in body["substances"]] == REQUIRED + ROSA_INGREDIENTS
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
    response = api.get("/api/v1/mixing/ghb")
    assert response.status_code == 200
    assert response.json() == {
        "query": "ghb",
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


def test_the_api_gives_each_statement_its_kind_level_and_link(api):
    body = {s["id"]: s for s in api.get("/api/v1/mixing").json()["substances"]}
    assert body["ketamin"]["level"] is None
    assert [(s["kind"], s["see"]) for s in body["ketamin"]["statements"]] == [("contents", "rosa-kokain")]
    opioid_levels = [s["level"] for s in body["tramadol"]["statements"]]
    assert opioid_levels[0] == {"id": "okt-risiko", "label": "Økt risiko"} and opioid_levels[1:] == [
        None,
        None,
    ]


def test_the_opioids_the_booklet_names_in_one_sentence_share_one_level(booklet_text):
    from django.conf import settings as django_settings

    from rusfakta.pack.sections import read_pack

    pack = read_pack(django_settings.CONTENT_PACK_DIR)
    # The booklet's one sentence that names them: found by its start, checked up to its full stop.
    start = booklet_text.index("Kombinasjonen av kokain og opioider")
    sentence = booklet_text[start : booklet_text.index(".", start)]
    assert all(name in sentence for name in ("heroin", "fentanyl", "metadon", "tramadol"))
    levels = {}
    for entry in pack.tools.mixing:
        for statement in entry.data.statements:
            if statement.level and "blanding-opioider" in statement.passages:
                levels[entry.data.id] = (statement.level, entry.data.level)
    assert set(levels) == set(OPIOIDS)
    assert set(levels.values()) == {("okt-risiko", "okt-risiko")}

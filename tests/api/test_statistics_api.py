import csv
import io

import pytest

from rusfakta.statistics.models import Statistic

STAT_FIELDS = {
    "id",
    "label",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "period",
    "population",
    "area",
    "group",
    "measure",
    "approximate",
    "note",
    "pages",
    "source",
}


@pytest.fixture
def api(client, db):
    return client


def test_statistics_lists_every_record_with_its_source_and_the_edition(api):
    body = api.get("/api/v1/statistics?lang=nb").json()
    assert body["edition"]["title"] == "Kokain – fakta og oversikt"
    assert body["edition"]["edition"] == "2025-08"
    assert len(body["statistics"]) == Statistic.objects.count()
    for item in body["statistics"]:
        assert set(item) == STAT_FIELDS
        assert set(item["source"]) == {"id", "title", "year"}


def test_numbers_are_plain_numbers(api):
    item = api.get("/api/v1/statistics/euda-norge-15-34-siste-ar").json()
    assert item["value"] == 4.2
    assert item["unit"] == "percent"
    ranged = api.get("/api/v1/statistics/europa-renhet-2020").json()
    assert (ranged["value"], ranged["low"], ranged["high"]) == (None, 31, 80)
    assert api.get("/api/v1/statistics/unodc-brukere-verden-2022").json()["value"] == 23_000_000


def test_csv_has_every_record_with_source_and_edition(api):
    response = api.get("/api/v1/statistics.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == Statistic.objects.count()
    assert all(row["source_title"] and row["edition"] for row in rows)


def test_sources_lists_the_records_resting_on_each(api):
    sources = {s["id"]: s for s in api.get("/api/v1/sources").json()["sources"]}
    assert "politiet-beslag-kg-2024" in sources["politiet-2024"]["statistics"]


@pytest.mark.parametrize(
    "method, url, status",
    [
        ("get", "/api/v1/statistics/finnes-ikke", 404),
        ("get", "/api/v1/statistics?lang=de", 400),
        ("get", "/api/v1/statistics/euda-norge-15-34-siste-ar?lang=", 400),
        ("get", "/api/v1/finnes-ikke", 404),
        ("get", "/api/finnes-ikke", 404),
        ("post", "/api/v1/statistics", 405),
        ("delete", "/api/v1/sources", 405),
    ],
)
def test_every_api_error_has_the_one_error_shape(api, method, url, status):
    response = getattr(api, method)(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if status == 405:
        assert response["Allow"]


def test_openapi_schema_is_served(api):
    schema = api.get("/api/openapi.json").json()
    assert "/api/v1/statistics" in schema["paths"]
    assert "/api/v1/statistics/{stat_id}" in schema["paths"]


def test_openapi_documents_the_year_of_a_records_source(api):
    schema = api.get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    source = components["StatisticOut"]["properties"]["source"]["$ref"].rsplit("/", 1)[1]
    assert set(components[source]["properties"]) == {"id", "title", "year"}
    assert api.get("/api/v1/statistics").json()["statistics"][0]["source"].keys() == {"id", "title", "year"}

"""The API against its own OpenAPI schema: no 500, every response matches (bounded run)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from rusfakta.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_schema_and_never_fails(case):
    response = case.call()
    assert response.status_code < 500
    case.validate_response(response)

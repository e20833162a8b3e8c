"""The API against its own OpenAPI schema: no 500, every response matches (bounded run)."""

import pytest
import schemathesis
from hypothesis import settings

from rusfakta.wsgi import application


@pytest.fixture
def api_schema(db):
    # The real WSGI handler closes "old" connections per request, which would close the test
    # transaction's PostgreSQL connection; Django's own test client switches that off the same way.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None)
def test_api_matches_its_schema_and_never_fails(case):
    response = case.call(headers={"Accept-Encoding": "identity"})  # its WSGI client does not unzip
    assert response.status_code < 500
    case.validate_response(response)

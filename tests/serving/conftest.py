"""Calling the WSGI application directly, as granian does, inside a test's database transaction."""

import io

import pytest


@pytest.fixture
def make_django_wsgi(db):
    """Makes Django's WSGI handler (after a test's settings are in place: middleware reads them once),
    without the signal that would close the test transaction's connection at the end of each
    request (see tests/api/test_schemathesis.py)."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call_wsgi(app, path, query_string="", method="GET", client="10.0.0.1", **headers):
    """One request: {"status", "headers" (a dict), "body"}. Keyword headers become HTTP_* keys."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query_string,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": client,
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        **{f"HTTP_{k.upper()}": v for k, v in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    answer["body"] = b"".join(app(environ, start_response))
    return answer

"""Two server processes on one machine (one data folder, one database): an edit an editor makes in
the admin, over HTTP, on one is served by the other at its next request; they spend one search budget."""

import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import drop_database, server_environment, start_server, stop_server
from tests.support.admin_http import create_editor, edit_figure_in_the_admin

pytestmark = pytest.mark.browser


def page(base, path):
    with urllib.request.urlopen(base + path) as response:
        return response.read().decode()


def status(base, path):
    try:
        with urllib.request.urlopen(base + path) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory):
    env, cleanup = server_environment(tmp_path_factory.mktemp("data"))
    env.update(RUSFAKTA_SEARCH_RATE="0.001", RUSFAKTA_SEARCH_BURST="6")
    logs = tmp_path_factory.mktemp("log")
    first, first_url = start_server(env, logs / "first.log")
    second, second_url = start_server(env, logs / "second.log")
    create_editor(env)
    yield first_url, second_url
    stop_server(first)
    stop_server(second)
    drop_database(cleanup)


def test_an_admin_edit_over_http_on_one_is_served_by_the_other_at_once(two_processes):
    first_url, second_url = two_processes
    for base in (first_url, second_url):  # fill both processes' page and chart caches
        assert "31\u00a0%" in page(base, "/tall/opinion-tilbudt/")
        page(base, "/kapittel/kjop-og-salg/")
    edit_figure_in_the_admin(first_url, "opinion-tilbudt", "41.5")
    for base in (second_url, first_url):  # the other process first: its next request
        assert "41,5\u00a0%" in page(base, "/tall/opinion-tilbudt/")
        assert "41,5\u00a0%" in page(base, "/kapittel/kjop-og-salg/")
        assert '"value": 41.5' in page(base, "/api/v1/statistics/opinion-tilbudt")


def test_the_processes_spend_one_search_budget(two_processes):
    """On SQLite through the file cache in the shared data folder; on PostgreSQL through Redis."""
    first_url, second_url = two_processes
    statuses = [status((first_url, second_url)[i % 2], f"/api/v1/search?q=koks{i}") for i in range(8)]
    assert statuses == [200] * 6 + [429] * 2
    assert status(second_url, "/spor/?q=koks") == 429  # the page live search calls spends the same budget

"""Past one machine, shown on one: two `rusfakta serve` instances on one PostgreSQL and one Redis."""

import os
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import drop_database, server_environment, start_server, stop_server
from tests.support.admin_http import create_editor, edit_figure_in_the_admin
from tests.support.plainhttp import get as plain_get

pytestmark = pytest.mark.skipif(
    not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("RUSFAKTA_CACHE_URL")),
    reason="needs PostgreSQL and Redis: scripts/test runs this in its PostgreSQL pass",
)


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    env, cleanup = server_environment(tmp_path_factory.mktemp("data"))
    # Instances share the secret key (as in production), which also keys the budget's client hashes.
    env.update(
        RUSFAKTA_SEARCH_RATE="0.001",
        RUSFAKTA_SEARCH_BURST="6",
        RUSFAKTA_SECRET_KEY="two-instances-" + "0123456789abcdef" * 3,
    )
    # Each instance has its own data folder (its own machine); they share the database and Redis.
    first_env = {**env, "RUSFAKTA_DATA_DIR": str(tmp_path_factory.mktemp("first"))}
    second_env = {**env, "RUSFAKTA_DATA_DIR": str(tmp_path_factory.mktemp("second"))}
    first, first_url = start_server(first_env, tmp_path_factory.mktemp("log") / "first.log")
    second, second_url = start_server(second_env, tmp_path_factory.mktemp("log") / "second.log")
    create_editor(first_env)
    yield first_url, urlparse(first_url), urlparse(second_url)
    stop_server(first)
    stop_server(second)
    drop_database(cleanup)


def get(target, path):
    status, headers, body = plain_get(target, path)
    return status, headers, body.decode()


def test_an_admin_edit_over_http_on_one_is_served_by_the_other_on_its_next_request(instances):
    first_url, first, second = instances
    for target in (first, second):  # fill both instances' page caches
        assert "31\u00a0%" in get(target, "/tall/opinion-tilbudt/")[2]
    before = {get(t, "/healthz")[1]["X-Content-Version"] for t in (first, second)}
    assert len(before) == 1
    edit_figure_in_the_admin(first_url, "opinion-tilbudt", "41.5")  # the login form, then the change form
    assert "41,5\u00a0%" in get(second, "/tall/opinion-tilbudt/")[2]
    assert "41,5\u00a0%" in get(first, "/tall/opinion-tilbudt/")[2]
    after = {get(t, "/healthz")[1]["X-Content-Version"] for t in (first, second)}
    assert len(after) == 1 and after != before


def test_the_search_budget_is_shared_by_the_instances(instances):
    _, first, second = instances
    statuses = [get((first, second)[i % 2], f"/api/v1/search?q=koks{i}")[0] for i in range(8)]
    assert statuses == [200] * 6 + [429] * 2
    assert get(first, "/spor/?q=koks")[0] == 429  # the page live search calls spends the same budget

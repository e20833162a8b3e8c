"""An edit is visible at once on every server process that shares the database."""

import subprocess
import sys
import urllib.request

import pytest

from tests.browser.conftest import drop_database, server_environment, start_server, stop_server

pytestmark = pytest.mark.browser

EDIT = (
    "from rusfakta.statistics.models import Statistic; "
    "s = Statistic.objects.get(slug='opinion-tilbudt'); s.value = 41.5; s.save()"
)


def page(base, path):
    with urllib.request.urlopen(base + path) as response:
        return response.read().decode()


def test_an_edit_through_the_models_shows_on_both_processes_at_once(tmp_path):
    env, cleanup = server_environment(tmp_path / "data")
    first, first_url = start_server(env, tmp_path / "first.log")
    second, second_url = start_server(env, tmp_path / "second.log")
    try:
        for base in (first_url, second_url):  # fill both processes' page and chart caches
            assert "31\u00a0%" in page(base, "/tall/opinion-tilbudt/")
            page(base, "/kapittel/kjop-og-salg/")
        # The same save() the admin does, from a third process.
        subprocess.run([sys.executable, "-m", "rusfakta", "shell", "-c", EDIT], env=env, check=True)
        for base in (first_url, second_url):
            assert "41,5\u00a0%" in page(base, "/tall/opinion-tilbudt/")
            assert "41,5\u00a0%" in page(base, "/kapittel/kjop-og-salg/")
            assert '"value": 41.5' in page(base, "/api/v1/statistics/opinion-tilbudt")
    finally:
        stop_server(first)
        stop_server(second)
        drop_database(cleanup)

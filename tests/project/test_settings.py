import os
import subprocess
import sys

import pytest

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
KEY = "rusfakta-test-key-" + "0123456789abcdef" * 3
PRODUCTION = {
    "RUSFAKTA_ENV": "production",
    "RUSFAKTA_SECRET_KEY": KEY,
    "RUSFAKTA_ALLOWED_HOSTS": "rusfakta.no",
}


def run_setup(tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RUSFAKTA_")}
    environment.update(
        {"RUSFAKTA_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "rusfakta.settings", **env}
    )
    return subprocess.run([sys.executable, "-c", SETUP], env=environment, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_setup(tmp_path, RUSFAKTA_ENV="production")
    assert result.returncode != 0
    assert "RUSFAKTA_SECRET_KEY must be set" in result.stderr


def test_production_refuses_debug(tmp_path):
    result = run_setup(tmp_path, RUSFAKTA_ENV="production", RUSFAKTA_SECRET_KEY="x" * 50, RUSFAKTA_DEBUG="1")
    assert result.returncode != 0
    assert "RUSFAKTA_DEBUG must be off" in result.stderr


def test_production_starts_with_a_key(tmp_path):
    result = run_setup(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == KEY


@pytest.mark.parametrize("key", ["x", "k" * 49, "k" * 60])
def test_production_refuses_a_short_or_plain_secret_key(tmp_path, key):
    result = run_setup(tmp_path, **{**PRODUCTION, "RUSFAKTA_SECRET_KEY": key})
    assert result.returncode != 0
    assert "RUSFAKTA_SECRET_KEY must be at least 50 characters" in result.stderr


@pytest.mark.parametrize("hosts", ["*", "", "rusfakta.no,*"])
def test_production_refuses_any_host(tmp_path, hosts):
    result = run_setup(tmp_path, **{**PRODUCTION, "RUSFAKTA_ALLOWED_HOSTS": hosts})
    assert result.returncode != 0
    assert "RUSFAKTA_ALLOWED_HOSTS must name the site's hosts" in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RUSFAKTA_")}
    environment.update(RUSFAKTA_DATA_DIR=str(tmp_path), **PRODUCTION)
    result = subprocess.run(
        [sys.executable, "-m", "rusfakta", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # No check is silenced (axes.W006 went with lockout by user name alone).
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_embedded_default_makes_a_key_once_and_keeps_it(tmp_path):
    first = run_setup(tmp_path)
    second = run_setup(tmp_path)
    assert first.returncode == 0, first.stderr
    assert len(first.stdout.strip()) >= 50
    assert first.stdout == second.stdout
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_admin_path_is_configurable(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RUSFAKTA_")}
    environment.update(
        RUSFAKTA_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="rusfakta.settings",
        RUSFAKTA_ADMIN_PATH="redaksjon",
    )
    code = "import django; django.setup(); from django.urls import reverse; print(reverse('admin:index'))"
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert result.stdout.strip() == "/redaksjon/", result.stderr


def test_every_edition_skips_the_page_cache_where_bokmal_does():
    from rusfakta.serving.pagecache import page_cacheable

    for prefix in ("", "/nn", "/en"):
        assert not page_cacheable("GET", f"{prefix}/hjelp/", "", False)  # open now changes by the minute
        assert not page_cacheable("GET", f"{prefix}/spor/", "q=koks", False)
        assert not page_cacheable("GET", f"{prefix}/blanding/", "stoff=alkohol", False)  # the reader's answer
        assert page_cacheable("GET", f"{prefix}/tall/", "cb=1", False)  # a query the page doesn't read


def test_the_language_switcher_keeps_only_a_query_the_page_reads(client, db):
    from django.conf import settings

    assert "/nn/spor/" in settings.SEARCH_PAGES  # nynorsk questions spend the same budget
    tall = client.get("/tall/?cb=evil").content.decode()
    assert "cb=evil" not in tall  # a cached page must not carry one visitor's query to the next
    ask = client.get("/spor/?q=koks").content.decode()
    assert 'href="/nn/spor/?q=koks"' in ask

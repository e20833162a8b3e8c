import os
import subprocess
import sys

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"


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
    result = run_setup(tmp_path, RUSFAKTA_ENV="production", RUSFAKTA_SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "k" * 50


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

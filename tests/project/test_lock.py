"""uv.lock is what a fresh machine installs: it must agree with pyproject.toml, and the check that
says so must be able to fail."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
UV = CHECKOUT / ".uv" / "bin" / "uv"

pytestmark = pytest.mark.skipif(not UV.exists(), reason="uv is installed into .uv/ by scripts/test")


def _check(folder):
    return subprocess.run(
        [str(UV), "lock", "--check", "--offline", "--project", str(folder)],
        capture_output=True,
        text=True,
        env={"UV_PYTHON_DOWNLOADS": "never", "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )


def _copy(tmp_path):
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(CHECKOUT / name, tmp_path / name)
    return tmp_path


def test_the_lock_agrees_with_pyproject(tmp_path):
    result = _check(_copy(tmp_path))
    assert result.returncode == 0, result.stderr


def test_a_dependency_added_without_locking_is_caught(tmp_path):
    folder = _copy(tmp_path)
    pyproject = folder / "pyproject.toml"
    text = pyproject.read_text()
    assert '    "pyyaml>=6.0",\n' in text
    pyproject.write_text(text.replace('    "pyyaml>=6.0",\n', '    "pyyaml>=6.0",\n    "six",\n'))
    result = _check(folder)
    assert result.returncode != 0
    assert "needs to be updated" in result.stderr


def _name(requirement):
    from packaging.requirements import Requirement

    return Requirement(requirement).name.lower().replace("_", "-")


def test_every_runtime_dependency_is_used_by_the_site_and_test_only_ones_are_not():
    """A package only tests import (`holidays` checks our PH rule) belongs in the test extra: the
    site's install stays as small as what runs. Each runtime package's modules are named in src/
    (imported, or named in settings like `csp` and `axes`)."""
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())["project"]
    runtime = {_name(dep) for dep in project["dependencies"]}
    test_only = {_name(dep) for dep in project["optional-dependencies"]["test"]}
    modules = {}
    for module, distributions in packages_distributions().items():
        for distribution in distributions:
            modules.setdefault(distribution.lower().replace("_", "-"), set()).add(module)
    sources = "\n".join(p.read_text() for p in (CHECKOUT / "src").rglob("*.py"))
    mentioned = set(re.findall(r"\b[a-z_][a-z0-9_]*\b", sources))
    # Loaded by Django: the PostgreSQL driver when dj_database_url reads a postgres:// URL, and the hasher.
    indirect = {"psycopg": "dj_database_url", "argon2-cffi": "Argon2PasswordHasher"}
    unused = sorted(
        name
        for name in runtime
        if not (modules.get(name, set()) & mentioned) and indirect.get(name, "\0") not in sources
    )
    assert unused == []
    assert "holidays" in test_only and "holidays" not in runtime
    assert not re.search(r"^\s*(import|from) holidays\b", sources, re.MULTILINE)

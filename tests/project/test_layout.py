"""The folders show the architecture: who may import whom."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "rusfakta"


def imported(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("app, forbidden", [("pages", ("rusfakta.api", "rusfakta.serving"))])
def test_an_app_does_not_import_the_layers_around_it(app, forbidden):
    for path in (PACKAGE / app).rglob("*.py"):
        bad = [name for name in imported(path) if name.startswith(forbidden)]
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_the_errors_module_is_a_leaf():
    assert not [name for name in imported(PACKAGE / "errors.py") if name.startswith("rusfakta")]

"""The apps' import graph, read from the source: no cycles between apps, and the pack kit is a leaf."""

import ast
from pathlib import Path

import pytest

import rusfakta

PACKAGE = Path(rusfakta.__file__).parent
# Edges allowed to close a cycle for now, each with the change that removes it; none are left, and
# an edge may only be added here with its reason.
KNOWN_EDGES = {}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, path.relative_to(PACKAGE)


def _imports(path):
    """Every rusfakta module the file imports, also inside functions."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _app(parts):
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def app_edges():
    """{(importing app, imported app): [file, …]}"""
    edges = {}
    for path, rel in _modules():
        for module in _imports(path):
            parts = module.split(".")
            if parts[0] != "rusfakta" or len(parts) < 2:
                continue
            edge = (_app(rel.parts), parts[1])
            if edge[0] != edge[1]:
                edges.setdefault(edge, []).append(str(rel))
    return edges


def cycles(edges):
    """Each cycle as a list of apps, found by a depth-first walk."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    found, done = [], set()

    def walk(app, trail):
        if app in trail:
            found.append([*trail[trail.index(app) :], app])
            return
        if app in done:
            return
        for target in sorted(graph.get(app, ())):
            walk(target, [*trail, app])
        done.add(app)

    for app in sorted(graph):
        walk(app, [])
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({("a", "b"): [], ("b", "c"): [], ("c", "a"): []}) == [["a", "b", "c", "a"]]
    assert cycles({("a", "b"): [], ("b", "c"): []}) == []


def test_no_import_cycle_between_apps():
    edges = app_edges()
    for edge in KNOWN_EDGES:
        assert edge in edges, f"{edge} is gone: take it out of KNOWN_EDGES"
    remaining = {edge: files for edge, files in edges.items() if edge not in KNOWN_EDGES}
    found = cycles(remaining)
    assert found == [], "\n".join(
        " -> ".join(cycle)
        + ": "
        + "; ".join(f"{a}->{b} in {remaining[(a, b)]}" for a, b in zip(cycle, cycle[1:], strict=False))
        for cycle in found
    )


def test_the_pack_kit_imports_no_app():
    assert [edge for edge in app_edges() if edge[0] == "pack"] == []


@pytest.mark.parametrize("app", ["content", "statistics", "helpservices", "search", "tools"])
def test_an_apps_pack_module_imports_only_the_kit_and_its_own_app(app):
    imported = {
        module.split(".")[1]
        for module in _imports(PACKAGE / app / "pack.py")
        if module.startswith("rusfakta.")
    }
    assert imported <= {"pack", app}


def test_no_module_is_over_400_lines():
    long = {
        str(rel): n
        for path, rel in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}

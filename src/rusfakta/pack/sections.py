"""The whole pack: read, load and export it by running each app's own section, in SECTIONS order.

Each app owns a section: `rusfakta.<app>.pack` reads and checks its files (`read(pack)` for what
the files alone can tell, then `check(pack)` against everything read), and `rusfakta.<app>.sync`
writes its rows (`load(pack)`) and writes them back out (`export(root)`). They are found by name, so
this kit imports none of them and every app can import the kit.
"""

import contextlib
import hashlib
import threading
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.db import transaction

from rusfakta.pack.problems import Problem

# Reading order: a later section's records point at earlier ones (records at sources, tools at all).
SECTIONS = ("content", "statistics", "helpservices", "search", "tools")
# The one row whose stamp every cache is keyed by; it remembers the digest of the pack last loaded.
VERSION_MODEL = "content.ContentVersion"

_state = threading.local()


class Pack:
    """A pack as read: its root, the problems found, the digest of its files, and what each section
    read (`pack.edition`, `pack.statistics`, `pack.tools` …; see the sections' `read`)."""

    def __init__(self, root):
        self.root = Path(root)
        self.problems = []
        self.digest = ""


class PackInvalid(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s) in the content pack")
        self.problems = problems


def _sections(part):
    return [import_module(f"rusfakta.{app}.{part}") for app in SECTIONS]


def _digest(root):
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.md")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_pack(root):
    """Read every file of the pack; problems are collected, never raised."""
    pack = Pack(root)
    if not pack.root.is_dir():
        pack.problems.append(Problem(str(pack.root), 1, "content pack folder not found"))
        return pack
    sections = _sections("pack")
    for section in sections:
        section.read(pack)
    for section in sections:
        section.check(pack)
    pack.digest = _digest(pack.root)
    return pack


@contextlib.contextmanager
def loading():
    """While a pack loads, row signals stay quiet: the load bumps the content version once itself."""
    _state.loading = True
    try:
        yield
    finally:
        _state.loading = False


def is_loading():
    return getattr(_state, "loading", False)


def load_pack(root, force=False):
    """Returns True when the database changed. Raises PackInvalid and changes nothing on problems."""
    pack = read_pack(root)
    if pack.problems:
        raise PackInvalid(pack.problems)
    version = apps.get_model(VERSION_MODEL)
    if not force and version.current().pack_digest == pack.digest:
        return False
    with transaction.atomic(), loading():
        for section in _sections("sync"):
            section.load(pack)
        version.bump(pack_digest=pack.digest)
    return True


def export_pack(root):
    """Write the database (with any edits made in the admin) back out as a pack."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    for section in _sections("sync"):
        section.export(root)

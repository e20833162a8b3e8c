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
from rusfakta.pack.translations import read_translations
from rusfakta.pack.translations_sync import export_translations, load_translations

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
    pack.translations = {}
    if not pack.problems:
        read_translations(pack)
    pack.digest = _digest(pack.root)
    return pack


def translation_problems(pack, invalid_only=False):
    """The problems of the translated editions: invalid ones, then (unless invalid_only) missing and stale."""
    found = []
    for edition in pack.translations.values():
        found += edition.invalid if invalid_only else edition.problems
    return found


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


class EditsWouldBeLost(Exception):
    """The database was changed since the last load or export; loading would overwrite that."""

    def __init__(self, changes):
        super().__init__(f"{len(changes)} change(s) made since the last load or export would be lost")
        self.changes = changes


def unsaved_changes():
    """What was changed in the database since the last load or export, as a list of Change.

    A database loaded before this was recorded, and edited since (its version no longer names a
    pack), counts as changed in a way we can't list."""
    from rusfakta.pack.models import LoadedState
    from rusfakta.pack.state import Change, changes, database_state

    edition = apps.get_model("content.Edition")
    if not edition.objects.exists():
        return []  # an empty database: nothing to lose
    last = LoadedState.last()
    if last is None:
        if apps.get_model(VERSION_MODEL).current().pack_digest:
            return []
        return [Change("database", "", "unknown", "edited since a load that kept no record")]
    return changes(last.state, database_state())


def _remember(how):
    from rusfakta.pack.models import LoadedState
    from rusfakta.pack.state import database_state

    LoadedState.remember(database_state(), how)


def backup_folder():
    from django.conf import settings
    from django.utils import timezone

    stamp = timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
    return Path(settings.DATA_DIR) / "backups" / f"pack-{stamp}"


def load_pack(root, force=False, on_backup=None):
    """Returns True when the database changed. Raises PackInvalid and changes nothing on problems.

    Raises EditsWouldBeLost and changes nothing when the database was edited since the last load
    or export. With force, it first exports the database as it is into DATA_DIR/backups/ (and
    calls on_backup(folder)), then loads."""
    pack = read_pack(root)
    if pack.problems or translation_problems(pack, invalid_only=True):
        raise PackInvalid(pack.problems + translation_problems(pack, invalid_only=True))
    version = apps.get_model(VERSION_MODEL)
    edits = unsaved_changes()
    if edits and not force:
        raise EditsWouldBeLost(edits)
    if not force and version.current().pack_digest == pack.digest:
        return False
    if force and apps.get_model("content.Edition").objects.exists():
        folder = backup_folder()
        export_pack(folder, remember=False)
        folder.chmod(0o700)
        if on_backup:
            on_backup(folder)
    with transaction.atomic(), loading():
        for section in _sections("sync"):
            section.load(pack)
        load_translations(pack)
        version.bump(pack_digest=pack.digest)
        _remember(f"load of pack {pack.digest[:12]}")
    return True


def export_pack(root, remember=True):
    """Write the database (with any edits made in the admin) back out as a pack.

    The export becomes what later loads compare with, and its digest the version's: loading the
    exported pack again changes nothing."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    for section in _sections("sync"):
        section.export(root)
    export_translations(root)
    if remember:
        with transaction.atomic():
            _remember(f"export to {root}")
            version = apps.get_model(VERSION_MODEL).current()
            version.pack_digest = _digest(root)
            version.save(update_fields=["pack_digest"])

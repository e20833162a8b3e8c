"""Static files for tests: collected once per checkout and set of files, on first use.

The folder is `.scratch/static/<fingerprint>/` in the checkout. It is written under a temporary name
and renamed when complete, so a run never sees another run's half-written folder. Collection runs
in a subprocess (`rusfakta collectstatic`), the first time a test touches the static storage: a
test that renders no page never pays for it.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from whitenoise.storage import CompressedManifestStaticFilesStorage

from rusfakta.serving.staticfiles import fingerprint

_lock = threading.Lock()
_ready: set[Path] = set()


def static_root(checkout: Path) -> Path:
    return checkout / ".scratch" / "static" / fingerprint()[:16]


def collect_once(root: Path):
    with _lock:
        if root in _ready or (root / "staticfiles.json").exists():
            _ready.add(root)
            return
        partial = root.with_name(f"{root.name}.partial-{os.getpid()}")
        shutil.rmtree(partial, ignore_errors=True)
        env = {**os.environ, "RUSFAKTA_STATIC_ROOT": str(partial)}
        subprocess.run(
            [sys.executable, "-m", "rusfakta", "collectstatic", "--noinput", "--verbosity", "0"],
            env=env,
            check=True,
        )
        (partial / ".fingerprint").write_text(fingerprint())  # what `serve` checks before collecting again
        try:
            partial.rename(root)  # replaces the empty placeholder, never a complete folder
        except OSError:  # another run finished the same folder first; theirs is as good as ours
            shutil.rmtree(partial, ignore_errors=True)
        _prune_older(root)
        _ready.add(root)


def _prune_older(keep: Path, age_seconds=24 * 3600):
    for path in keep.parent.iterdir():
        if path != keep and time.time() - path.stat().st_mtime > age_seconds:
            shutil.rmtree(path, ignore_errors=True)


class CollectedOnFirstUse(CompressedManifestStaticFilesStorage):
    """The production storage, whose files are collected the first time anything asks for one."""

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        collect_once(Path(settings.STATIC_ROOT))
        super().__init__(*args, **kwargs)


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "tests.support.static.CollectedOnFirstUse"},
}

"""The search budget's store on one machine: Django's file cache, culled now and then instead of on
every write.

Django's FileBasedCache lists the whole folder (a glob) before every `set()` to see whether it must
make room, and makes sure of the folder and compares the files before it renames the new entry
into place. The budget writes once per question, so with thousands of clients that cost more than
the answer. Here the folder is listed at most once every CULL_SECONDS per process; between two
looks it can pass MAX_ENTRIES by at most what the workers write in that time. When it is over, the
entries that have expired go first (a client whose bucket is full again), and only then Django's
random cull. Entries are read and stored as Django stores them, so every worker on the machine shares
each client's entry as before (docs/decisions/0013).
"""

import os
import tempfile
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

CULL_SECONDS = 10.0


class BudgetFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._next_cull = 0.0
        self._cull_lock = threading.Lock()

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Django's set(), without making sure of the folder and comparing files before each write:
        written beside the entry, then renamed over it, so a reader sees the old entry or the new."""
        name = self._key_to_file(key, version)
        self._cull()
        try:
            handle, temporary = tempfile.mkstemp(dir=self._dir)
        except FileNotFoundError:  # the folder was removed while we ran
            self._createdir()
            handle, temporary = tempfile.mkstemp(dir=self._dir)
        try:
            with open(handle, "wb") as file:
                self._write_content(file, timeout, value)
            os.replace(temporary, name)
        except BaseException:
            os.remove(temporary)
            raise

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull or not self._cull_lock.acquire(blocking=False):
            return
        try:
            self._next_cull = now + CULL_SECONDS
            files = self._list_cache_files()
            if len(files) < self._max_entries:
                return
            for name in files:
                try:
                    with open(name, "rb") as f:
                        self._is_expired(f)  # which removes the file when it has expired
                except FileNotFoundError:
                    pass  # another worker removed it
            super()._cull()
        finally:
            self._cull_lock.release()

"""The SQLite file holds password hashes and sessions: only its owner may read it (mode 0600).

SQLite creates the file, and its -wal and -shm files, with the process's umask; we tighten them
the first time each process connects. WAL mode and the busy timeout are set in settings.DATABASES.
"""

import os
from pathlib import Path

from django.db.backends.signals import connection_created
from django.dispatch import receiver

PRIVATE = 0o600


def make_private(path):
    for name in (path, f"{path}-wal", f"{path}-shm"):
        try:
            if os.stat(name).st_mode & 0o077:
                os.chmod(name, PRIVATE)
        except FileNotFoundError:
            pass


@receiver(connection_created)
def _private_sqlite_file(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name and ":memory:" not in name and not name.startswith("file:"):
            make_private(Path(name))

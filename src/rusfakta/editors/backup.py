"""Consistent copies of the database: SQLite's online backup, or pg_dump for PostgreSQL.

A backup is taken while the site runs. Every file is mode 0600 (it holds password hashes).
Restoring is in the README: copy the SQLite file back, or `pg_restore --clean`.
"""

import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections


class BackupError(Exception):
    pass


def default_path(vendor):
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    suffix = "sqlite3" if vendor == "sqlite" else "pgdump"
    return Path(settings.DATA_DIR) / "backups" / f"rusfakta-{stamp}.{suffix}"


def _private_file(path):
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def backup(out=None, alias="default"):
    """Writes a backup to `out` (default: DATA_DIR/backups/rusfakta-<UTC time>.<ext>); returns its path."""
    connection = connections[alias]
    path = Path(out) if out else default_path(connection.vendor)
    if path.exists():
        raise BackupError(f"{path} exists already; a backup never overwrites a file")
    _private_file(path)
    try:
        if connection.vendor == "sqlite":
            _sqlite(connection, path)
        elif connection.vendor == "postgresql":
            _postgres(connection.settings_dict, path)
        else:
            raise BackupError(f"no backup for the {connection.vendor} database")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _sqlite(connection, path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)  # SQLite's online backup: consistent while others write
    finally:
        target.close()


def _postgres(config, path):
    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        raise BackupError("pg_dump is not installed (Debian: apt-get install postgresql-client)")
    env = {**os.environ, "PGPASSWORD": config.get("PASSWORD") or ""}
    command = [pg_dump, "--format=custom", "--no-owner", f"--file={path}", "--dbname", config["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            command += [flag, str(config[key])]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")

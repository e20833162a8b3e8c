"""The SQLite file is private and in WAL mode; backups are consistent, private and restore."""

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

CHECKOUT = Path(__file__).resolve().parents[2]


def rusfakta(data_dir, *args, check=True):
    env = {**os.environ, "RUSFAKTA_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "rusfakta", *args], env=env, capture_output=True, text=True, check=check
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A data folder as `serve` makes it: migrated, with the content pack loaded."""
    data = tmp_path_factory.mktemp("site")
    rusfakta(data, "migrate", "--verbosity", "0")
    rusfakta(data, "content", "load")
    return data


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_file_is_private_and_in_wal_mode(site):
    database = site / "rusfakta.sqlite3"
    assert mode(database) == 0o600
    for extra in (site / "rusfakta.sqlite3-wal", site / "rusfakta.sqlite3-shm"):
        if extra.exists():
            assert mode(extra) == 0o600, extra.name
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def passages(database):
    with closing(sqlite3.connect(database)) as db:  # closed: a restore needs every connection gone
        return db.execute("SELECT slug, heading FROM content_passage ORDER BY slug").fetchall()


def test_a_backup_is_private_and_restores_the_database_as_it_was(site, tmp_path):
    database = site / "rusfakta.sqlite3"
    before = passages(database)
    assert len(before) > 50
    out = rusfakta(site, "backup").stdout
    path = Path(out.strip().removeprefix("backup written: "))
    assert path.parent == site / "backups" and mode(path) == 0o600
    with closing(sqlite3.connect(database)) as db:  # an edit after the backup
        db.execute("UPDATE content_passage SET heading = 'endret' WHERE slug = ?", (before[0][0],))
        db.commit()
    assert passages(database) != before
    shutil.copy(path, database)  # the restore the README describes (with the site stopped)
    for extra in ("-wal", "-shm"):
        Path(f"{database}{extra}").unlink(missing_ok=True)
    assert passages(database) == before


def test_a_backup_never_overwrites_a_file(site, tmp_path):
    target = tmp_path / "kopi.sqlite3"
    target.write_text("noe annet")
    result = rusfakta(site, "backup", "--out", str(target), check=False)
    assert result.returncode != 0 and "exists already" in result.stderr
    assert target.read_text() == "noe annet"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL pass only"
)
def test_postgres_backup_restores_into_a_new_database(db, tmp_path, django_db_blocker):
    import psycopg

    from rusfakta.content.models import Passage
    from rusfakta.editors.backup import backup

    path = backup(tmp_path / "rusfakta.pgdump")
    assert mode(path) == 0o600
    config = connection.settings_dict
    admin = dict(
        host=config["HOST"], port=config["PORT"], user=config["USER"], dbname="postgres", autocommit=True
    )
    name = "rusfakta_restore_check"
    with psycopg.connect(**admin) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--host",
                config["HOST"],
                "--port",
                str(config["PORT"]),
                "--username",
                config["USER"],
                "--dbname",
                name,
                str(path),
            ],
            check=True,
            capture_output=True,
        )
        with psycopg.connect(**{**admin, "dbname": name}) as restored:
            slugs = [row[0] for row in restored.execute("SELECT slug FROM content_passage ORDER BY slug")]
        assert slugs == sorted(Passage.objects.values_list("slug", flat=True))
    finally:
        with psycopg.connect(**admin) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

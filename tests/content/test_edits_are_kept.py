"""A load never discards what an editor changed: it refuses and lists it, unless forced, and a forced
load first writes a backup that loads back to the edited state. Export followed by load is a no-op."""

import pytest
from django.conf import settings
from django.core.management import call_command

from rusfakta.content.models import ContentVersion, Source
from rusfakta.pack.models import LoadedState
from rusfakta.pack.sections import EditsWouldBeLost, export_pack, load_pack, read_pack
from rusfakta.pack.state import database_state, state_of
from rusfakta.statistics.models import Statistic

PACK = settings.CONTENT_PACK_DIR


def edit_figure(value=9.5):
    stat = Statistic.objects.get(slug="opinion-provd-kokain")
    stat.value = value
    stat.save()
    return stat


def add_source():
    return Source.objects.create(
        slug="ny-kilde", title="En ny kilde", author="Actis", year=2026, kind="web", about="Lagt til i admin."
    )


@pytest.mark.django_db
def test_the_database_as_loaded_is_the_pack_exactly():
    assert state_of(read_pack(PACK)) == database_state()


@pytest.mark.django_db
def test_a_load_over_an_edit_refuses_lists_the_change_and_changes_nothing():
    edit_figure()
    add_source()
    with pytest.raises(EditsWouldBeLost) as refused:
        load_pack(PACK)
    listed = [str(change) for change in refused.value.changes]
    assert "statistic opinion-provd-kokain value: 8.0 → 9.5" in listed
    assert "source ny-kilde: added" in listed
    assert float(Statistic.objects.get(slug="opinion-provd-kokain").value) == 9.5
    assert Source.objects.filter(slug="ny-kilde").exists()


@pytest.mark.django_db
def test_the_command_exits_1_and_says_what_would_be_lost(capsys):
    edit_figure()
    with pytest.raises(SystemExit) as exit:
        call_command("content", "load")
    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert "statistic opinion-provd-kokain value: 8.0 → 9.5" in err and "--force" in err


@pytest.mark.django_db
def test_a_forced_load_leaves_a_backup_that_loads_back_to_the_edited_state(capsys):
    edit_figure()
    add_source()
    call_command("content", "load", "--force")
    out = capsys.readouterr().out
    backup = next(
        line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("backup of the database")
    )
    assert backup.startswith(str(settings.DATA_DIR / "backups"))
    assert float(Statistic.objects.get(slug="opinion-provd-kokain").value) == 8.0  # the pack won
    assert not Source.objects.filter(slug="ny-kilde").exists()
    assert load_pack(backup) is True
    assert float(Statistic.objects.get(slug="opinion-provd-kokain").value) == 9.5
    assert Source.objects.get(slug="ny-kilde").title == "En ny kilde"


@pytest.mark.django_db
def test_export_then_load_is_an_exact_no_op(tmp_path):
    edit_figure()
    export_pack(tmp_path / "pack")
    stamp = ContentVersion.current().stamp
    assert load_pack(tmp_path / "pack") is False  # nothing to load, nothing refused
    assert ContentVersion.current().stamp == stamp
    assert state_of(read_pack(tmp_path / "pack")) == database_state()
    original = {k: v for k, v in state_of(read_pack(PACK)).items() if k != "statistic opinion-provd-kokain"}
    exported = {k: v for k, v in database_state().items() if k != "statistic opinion-provd-kokain"}
    assert exported == original  # every other record exactly as in the pack, list order included


@pytest.mark.django_db
def test_an_edit_after_a_load_that_kept_no_record_is_not_overwritten():
    LoadedState.objects.all().delete()
    version = ContentVersion.current()
    version.pack_digest = ""  # what an admin save leaves behind
    version.save()
    with pytest.raises(EditsWouldBeLost):
        load_pack(PACK)

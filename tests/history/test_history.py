"""Content history: loads recorded as loads, review flags after a figure changes, the public change log."""

import shutil
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from rusfakta.history.models import ReviewFlag
from rusfakta.pack.sections import load_pack
from rusfakta.statistics.models import Statistic

FIGURE = "opinion-provd-kokain"


@pytest.fixture
def pack_with_a_new_figure(tmp_path):
    target = tmp_path / "kokain"
    shutil.copytree(settings.CONTENT_PACK_DIR, target)
    records = target / "statistics" / "opinion.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(
        text.replace(f"- id: {FIGURE}\n", f"- id: {FIGURE}\n", 1).replace("  value: 8\n", "  value: 9\n", 1)
    )
    return target


def edit_figure(value):
    stat = Statistic.objects.get(slug=FIGURE)
    stat.value = Decimal(value)
    stat.save()
    return stat


@pytest.mark.django_db
def test_a_load_keeps_one_record_per_row_it_changed_marked_with_the_pack(pack_with_a_new_figure):
    before = {model: model.history.count() for model in (Statistic,)}
    assert load_pack(pack_with_a_new_figure)
    stat = Statistic.objects.get(slug=FIGURE)
    latest = stat.history.first()
    assert stat.value == 9 and latest.history_type == "~"
    assert latest.history_change_reason.startswith("from pack ")
    assert latest.diff_against(latest.prev_record).changed_fields == ["value"]
    assert Statistic.history.count() == before[Statistic] + 1, "unchanged records got no new version"


@pytest.mark.django_db
def test_a_changed_figure_flags_what_uses_it_until_an_editor_checks_it():
    edit_figure("9.5")
    flags = ReviewFlag.objects.open()
    kinds = {flag.content_type.model for flag in flags}
    assert {"passage", "quizquestion"} <= kinds
    assert all(flag.reason == "Tallet endret fra 8\u00a0% til 9,5\u00a0%" for flag in flags)
    edit_figure("9.5")
    assert ReviewFlag.objects.open().count() == len(flags), "a save without a new figure flags nothing"

    editor = get_user_model().objects.create_superuser("redaktor", password="et langt passord 4711")
    client = Client()
    client.force_login(editor)
    assert f"Må sjekkes ({len(flags)})" in client.get("/admin/").content.decode()
    ids = [str(flag.pk) for flag in flags]
    client.post("/admin/history/reviewflag/", {"action": "mark_checked", "_selected_action": ids, "index": 0})
    assert ReviewFlag.objects.open().count() == 0
    assert ReviewFlag.objects.filter(checked_by=editor).count() == len(flags)


@pytest.mark.django_db
def test_the_change_log_lists_old_and_new_figure_and_never_who(pages):
    get_user_model().objects.create_superuser("redaktor", password="et langt passord 4711")
    assert pages.get("/api/v1/changes").json()["figures"] == []
    edit_figure("9.5")
    answer = pages.get("/api/v1/changes").json()
    assert set(answer) == {"edition", "since", "figures", "passages"} and answer["since"] == "2025-08"
    [change] = answer["figures"]
    assert (change["id"], change["old"], change["new"]) == (FIGURE, "8\u00a0%", "9,5\u00a0%")
    for url, shown in (("/endringer/", "9,5\u00a0%"), ("/en/endringer/", "9.5\u00a0%")):
        html = pages.get(url).content.decode()
        assert shown in html and "redaktor" not in html
    assert "var 8\u00a0%" in pages.get(f"/tall/{FIGURE}/").content.decode()
    assert "/endringer/" in pages.get("/om/").content.decode()


def test_the_english_change_log_is_in_english(pages):
    html = pages.get("/en/endringer/").content.decode()
    assert "Changes since the printed booklet" in html and "No figure has changed." in html
    assert "Endringer siden" not in html and "Ingen tall" not in html

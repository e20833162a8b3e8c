"""The translated editions in the pack (decision 0016): `content check` fails, with file and line, on a
translation with other {stat:} references, a verbatim field that differs, an unknown id, a missing or
a stale translation; `content translations stamp` makes a checked translation current; loading keeps
one Translation per text, and load → export → load changes nothing."""

import shutil

import pytest
from django.conf import settings
from django.core.management import call_command

from rusfakta.pack.models import Translation
from rusfakta.pack.sections import EditsWouldBeLost, export_pack, load_pack, read_pack, translation_problems
from rusfakta.pack.translations import status
from tests.support.editions import make_translated_pack


@pytest.fixture(scope="session")
def translated_pack(tmp_path_factory):
    return make_translated_pack(settings.CONTENT_PACK_DIR, tmp_path_factory.mktemp("editions") / "kokain")


@pytest.fixture
def pack(translated_pack, tmp_path):
    return shutil.copytree(translated_pack, tmp_path / "kokain")


def problems(path):
    read = read_pack(path)
    return [str(p) for p in read.problems + translation_problems(read)]


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_complete_translation_checks_clean_and_counts_its_proofreading(pack, capsys):
    assert problems(pack) == []
    call_command("content", "check", str(pack))
    assert "translated into nn, en" in capsys.readouterr().out
    found = status(read_pack(pack).translations["nn"])
    assert found["missing"] == found["stale"] == found["invalid"] == 0
    assert found["proofread"] == found["texts"] // 2


def test_other_stat_references_are_reported_with_file_and_line(pack):
    path = pack / "en" / "chapters" / "02-hva-er-kokain.md"
    edit(path, "{stat:unodc-brukere-verden-2022}", "23 million")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "{#hva-utbredelse-verden}" in text)
    assert any(
        p.startswith(f"kokain/en/chapters/02-hva-er-kokain.md:{line}: hva-utbredelse-verden:")
        and "{stat:}" in p
        for p in problems(pack)
    )


def test_a_verbatim_field_that_differs_is_reported_on_its_line(pack):
    path = pack / "nn" / "statistics" / "norge.yaml"
    edit(path, "value: 5.2", "value: 5.3")
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if "value: 5.3" in t)
    assert (
        f"kokain/nn/statistics/norge.yaml:{line}: fhi-16-30-siste-ar-2024: 'value' must be as in bokmål (5.2), not 5.3"
        in problems(pack)
    )


def test_an_unknown_id_and_a_missing_translation_are_reported(pack):
    edit(pack / "en" / "quiz.yaml", "- id: kokain-som-medisin", "- id: kokain-som-medisinen")
    found = problems(pack)
    assert any("kokain/en/quiz.yaml:" in p and "unknown id 'kokain-som-medisinen'" in p for p in found)
    assert any(
        p.startswith("kokain/quiz.yaml:") and "no en translation of 'kokain-som-medisin'" in p for p in found
    )
    (pack / "nn" / "services.yaml").unlink()
    assert any(
        p.startswith("kokain/services.yaml:") and "no nn translation of 'rusinfo'" in p
        for p in problems(pack)
    )


def test_a_bokmal_change_makes_the_translation_stale_until_stamped(pack):
    edit(
        pack / "chapters" / "02-hva-er-kokain.md",
        "Kokain ble laget for første gang i 1859.",
        "Kokain ble laget første gang i 1859.",
    )
    found = problems(pack)
    stale = [p for p in found if "stale" in p]
    assert len(stale) == 2 and all("'hva-sentralstimulerende'" in p for p in stale), found
    assert any(p.startswith("kokain/nn/chapters/02-hva-er-kokain.md:") for p in stale)
    call_command("content", "translations", "stamp", "--lang", "nn", "--path", str(pack))
    assert [p for p in problems(pack) if "stale" in p] == [p for p in stale if "/en/" in p]


def test_a_translation_that_calls_a_mixture_safe_is_refused(pack):
    edit(pack / "en" / "mixing.yaml", "English text", "It is safe. English text")
    assert any("never call a mixture safe" in p for p in problems(pack))


def test_check_fails_on_the_real_pack_until_every_text_is_translated(capsys):
    read = read_pack(settings.CONTENT_PACK_DIR)
    if not all(status(e)["missing"] for e in read.translations.values()):
        pytest.skip("the translators' files have landed; the real pack is checked in test_real_editions")
    with pytest.raises(SystemExit):
        call_command("content", "check", str(settings.CONTENT_PACK_DIR))
    assert "no nn translation of" in capsys.readouterr().err


@pytest.mark.django_db
def test_translations_load_export_and_load_back_unchanged(pack, tmp_path):
    assert load_pack(pack, force=True)
    assert (
        Translation.objects.filter(lang="nn").count() == status(read_pack(pack).translations["nn"])["texts"]
    )
    row = Translation.objects.get(lang="en", record="statistic fhi-16-30-siste-ar-2024")
    assert not row.stale and row.fields["label"].startswith("English text")
    export_pack(tmp_path / "out")
    assert problems(tmp_path / "out") == []
    assert not load_pack(tmp_path / "out")
    row.fields = {**row.fields, "label": "Changed in the admin"}
    row.save()
    with pytest.raises(EditsWouldBeLost) as refused:
        load_pack(pack)
    assert any("translation-en statistic fhi-16-30-siste-ar-2024" in str(c) for c in refused.value.changes)
    load_pack(settings.CONTENT_PACK_DIR, force=True)


def test_theme_titles_are_pack_texts_missing_stale_and_unknown_ones_fail(pack):
    """The contents page's themes (pack.yaml) are translated in <lang>/pack.yaml like every other text."""
    assert "pack.yaml#hvor-mange" in {u.name for u in read_pack(pack).translations["en"].units}
    edit(pack / "en" / "pack.yaml", "- id: hvor-mange", "- id: hvor-mange-er-det")
    found = problems(pack)
    assert any(
        p.startswith("kokain/en/pack.yaml:") and "unknown theme id 'hvor-mange-er-det'" in p for p in found
    )
    assert any(p.startswith("kokain/pack.yaml:") and "no en translation of 'hvor-mange'" in p for p in found)
    edit(pack / "pack.yaml", "title: Kroppen og risiko", "title: Kroppen og risikoen")
    stale = [p for p in problems(pack) if "stale" in p]
    assert len(stale) == 2 and all("'kroppen-og-risiko'" in p for p in stale), stale
    assert any(p.startswith("kokain/nn/pack.yaml:") for p in stale)
    call_command("content", "translations", "stamp", "--lang", "nn", "--path", str(pack))
    assert [p for p in problems(pack) if "stale" in p] == [p for p in stale if "/en/" in p]
    edit(pack / "nn" / "pack.yaml", "themes:", "place: Oslo\nthemes:")
    assert any("'place': only the title and themes of pack.yaml are translated" in p for p in problems(pack))

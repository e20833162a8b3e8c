"""Building, caching and serving the booklet, and what happens when it cannot be built."""

import io
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

import rusfakta
from rusfakta.booklet import build
from rusfakta.booklet.document import BookletError, month_label
from rusfakta.content.models import ContentVersion, Passage
from rusfakta.statistics.models import Statistic

TINY_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
)


@pytest.fixture
def quick_charts(monkeypatch):
    """For tests about something else: drawing every chart again for a new content version takes a second."""
    monkeypatch.setattr("rusfakta.booklet.document.chart_svg", lambda chart, lang: TINY_SVG)


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def pdf_text(content):
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
        ).stdout.decode()
    else:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace("\u00a0", " ")


def served(client, url="/hefte.pdf"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert not response.cookies
    return response, b"".join(response.streaming_content)


def test_command_writes_the_pdf_and_keeps_it_for_the_site(db, data_dir, tmp_path, capsys):
    out = tmp_path / "hefte.pdf"
    call_command("booklet", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF-")
    kept = build.cached_path(ContentVersion.current().stamp, "nb")
    assert kept.read_bytes() == out.read_bytes()
    assert kept.parent == data_dir / "booklet"
    assert f"wrote {out}" in capsys.readouterr().out


def test_a_changed_figure_record_shows_in_the_rebuilt_pdf(client, db, data_dir, tmp_path):
    _, before = served(client)
    assert "4,2 %" in pdf_text(before)
    stat = Statistic.objects.get(slug="euda-norge-15-34-siste-ar")
    stat.value = Decimal("7.7")
    stat.save()
    out = tmp_path / "hefte.pdf"
    call_command("booklet", "--out", str(out))
    assert "7,7 %" in pdf_text(out.read_bytes())
    assert served(client)[1] == out.read_bytes()


def test_site_serves_the_booklet_built_once_per_content_version(client, db, data_dir, monkeypatch):
    response, first = served(client)
    assert first.startswith(b"%PDF-")
    assert response["Content-Disposition"] == 'inline; filename="kokain-fakta-og-oversikt-2025-08.pdf"'

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the booklet was built again for the same content")

    monkeypatch.setattr(build, "render_pdf", no_rebuild)
    assert served(client)[1] == first


def test_english_interface_booklet_lives_under_en(client, db, data_dir, quick_charts):
    _, content = served(client, "/en/hefte.pdf")
    assert "Contents" in pdf_text(content)


def test_broken_template_is_a_clear_command_error_and_the_site_keeps_the_last_good_pdf(
    client, db, data_dir, tmp_path, monkeypatch, quick_charts
):
    _, good = served(client)
    broken = tmp_path / "booklet.typ"
    broken.write_text('#let data = json(bytes(sys.inputs.at("data")))\n#text(data.no_such_field)\n')
    monkeypatch.setattr(build, "TEMPLATE", broken)

    with pytest.raises(CommandError) as error:
        call_command("booklet")
    message = str(error.value)
    assert "the booklet was not built" in message
    assert "booklet.typ:2:" in message
    assert 'does not contain key "no_such_field"' in message

    passage = Passage.objects.first()
    passage.heading = "Endret overskrift"
    passage.save()
    assert served(client)[1] == good


def test_bad_content_is_a_clear_command_error(db, data_dir):
    passage = Passage.objects.filter(chapter__slug="introduksjon").first()
    passage.body += " {stat:finnes-ikke}"
    passage.save()
    with pytest.raises(CommandError, match=f"{passage.slug}.*'finnes-ikke', which does not exist"):
        call_command("booklet")


def test_without_any_good_pdf_the_site_says_so(pages, data_dir, monkeypatch):
    monkeypatch.setattr(build, "TEMPLATE", data_dir / "missing.typ")
    response = pages.get("/hefte.pdf", status=503)
    assert "Heftet kan ikke lastes ned akkurat nå" in response.content.decode()


def test_only_the_newest_booklets_are_kept(data_dir):
    folder = data_dir / "booklet"
    folder.mkdir(parents=True)
    for age in range(5):
        path = folder / f"stamp{age}-digest-nb.pdf"
        path.write_bytes(b"%PDF-")
        os.utime(path, (1000 - age, 1000 - age))
    (folder / "stamp9-digest-en.pdf").write_bytes(b"%PDF-")
    build._prune("nb")
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [
        "stamp0-digest-nb.pdf",
        "stamp1-digest-nb.pdf",
        "stamp2-digest-nb.pdf",
        "stamp9-digest-en.pdf",
    ]
    assert build.last_good("nb").name == "stamp0-digest-nb.pdf"


@pytest.mark.parametrize("url", ["/", "/innhold/", "/en/", "/en/innhold/"])
def test_home_and_contents_link_the_booklet_with_its_version(pages, url):
    from rusfakta.content.models import ContentVersion

    lang = "en" if url.startswith("/en/") else "nb"
    version = build.cached_path(ContentVersion.latest()[0], lang).stem
    assert version.endswith(f"-{lang}")
    link = f"{'/en' if lang == 'en' else ''}/hefte.pdf?v={version}"
    assert f'href="{link}"' in pages.get(url).content.decode()


def test_a_change_to_the_booklet_code_gives_a_new_file(tmp_path, monkeypatch):
    code = tmp_path / "document.py"
    code.write_text("VERSION = 1\n")
    monkeypatch.setattr(build, "CODE", [code])
    before = build.cached_path("stamp", "nb")
    code.write_text("VERSION = 2\n")
    assert build.cached_path("stamp", "nb") != before


def test_the_code_in_the_cache_key_exists():
    # A renamed module would silently drop out of the key.
    assert build.CODE and all(path.is_file() for path in build.CODE)


def test_the_cache_key_hashes_every_module_the_build_imports_and_the_translations():
    names = {str(path.relative_to(Path(rusfakta.__file__).parent)) for path in build.CODE}
    for module in (
        "booklet/document.py",
        "booklet/markup.py",
        "content/markup.py",
        "helpservices/wording.py",
        "helpservices/services.py",
        "statistics/formatting.py",
        "statistics/charts.py",
        "locale/en/LC_MESSAGES/django.mo",
    ):
        assert module in names


@pytest.mark.parametrize(
    "edition, lang, label", [("2025-08", "nb", "august 2025"), ("2025-01", "en", "January 2025")]
)
def test_the_edition_month_is_written_by_django_date_format(edition, lang, label):
    assert month_label(edition, lang) == label


@pytest.mark.parametrize("edition", ["2025-00", "2025-13", "2025", "august"])
def test_an_edition_that_is_not_a_month_stops_the_build(edition):
    with pytest.raises(BookletError, match="is not YYYY-MM"):
        month_label(edition, "nb")

import re
import shutil

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command

from rusfakta.content.models import ContentVersion
from rusfakta.helpservices.contact import tel_href, web_href, web_label
from rusfakta.helpservices.models import Service
from rusfakta.pack.sections import read_pack

# What the booklet says about each service's hours, as OSM rules ("" = the booklet gives none).
BOOKLET_HOURS = {
    "alarmtelefonen": "15:00-08:00",
    "bar": "Mo-We 17:00-20:00",
    "fastlegen": "",
    "helsesoster": "",
    "rusinfo": "Mo-Fr 11:00-18:00",
    "kors-pa-halsen": "Mo-Su 14:00-22:00",
}


@pytest.fixture
def pack_copy(tmp_path):
    target = tmp_path / "kokain"
    shutil.copytree(settings.CONTENT_PACK_DIR, target)
    return target


def _services(root):
    return {service.id: service for service, _, _ in read_pack(root).services}


def _problems(root):
    return [str(p) for p in read_pack(root).problems]


def _line_of(path, text):
    return next(i for i, line in enumerate(path.read_text().splitlines(), start=1) if text in line)


def test_every_booklet_service_is_there_with_the_booklets_hours():
    services = _services(settings.CONTENT_PACK_DIR)
    assert {k: s.hours for k, s in services.items() if s.kind == "service"} == BOOKLET_HOURS
    assert [s.id for s in services.values() if s.kind == "emergency"] == [
        "medisinsk-nodtelefon",
        "giftinformasjonen",
    ]
    assert services["helsesoster"].name == "Helsesøster"  # the booklet's word


def test_phone_numbers_and_addresses_are_the_booklets(booklet_text):
    for service in _services(settings.CONTENT_PACK_DIR).values():
        if service.kind == "service":
            if service.phone:
                assert service.phone in booklet_text, service.id
            if service.url:
                assert web_label(service.url).removeprefix("www.") in booklet_text, service.id


def test_hours_are_complete_only_where_the_booklets_sentence_is(booklet_text):
    services = _services(settings.CONTENT_PACK_DIR)
    incomplete = {k for k, s in services.items() if s.hours and not s.hours_complete}
    assert incomplete == {"alarmtelefonen"}
    # The evidence: the booklet's sentence stops at a comma, and the next line starts another service.
    after = booklet_text.split("åpen fra kl 15.00-08.00", 1)[1]
    assert after.startswith(",") and after[1:].strip().startswith("BAR – Barn av rusmisbrukere")
    for service in services.values():
        assert (service.hours_complete is None) == (not service.hours), service.id


def test_hours_must_say_whether_they_are_complete(pack_copy):
    path = pack_copy / "services.yaml"
    text = path.read_text()
    assert text.count("  hours_complete: false\n") == 1
    path.write_text(text.replace("  hours_complete: false\n", ""))
    line = _line_of(path, "- id: alarmtelefonen")
    assert (
        f"kokain/services.yaml:{line}: say whether the booklet gives these hours in full (hours_complete"
        in " ".join(_problems(pack_copy))
    )


def test_holiday_hours_are_claimed_only_where_the_booklet_gives_them():
    services = _services(settings.CONTENT_PACK_DIR)
    assert {k for k, s in services.items() if s.holiday_hours_known and s.kind == "service"} == {
        "kors-pa-halsen"
    }
    for service in services.values():
        assert bool(service.hours) != bool(service.hours_note), service.id


def test_service_texts_are_in_our_own_words(booklet_text):
    from tests.conftest import words

    booklet = words(booklet_text)
    runs = {tuple(booklet[i : i + 8]) for i in range(len(booklet) - 7)}
    text = words((settings.CONTENT_PACK_DIR / "services.yaml").read_text())
    assert [" ".join(text[i : i + 8]) for i in range(len(text) - 7) if tuple(text[i : i + 8]) in runs] == []


def test_every_kind_of_mistake_is_reported_with_file_and_line(pack_copy):
    path = pack_copy / "services.yaml"
    text = path.read_text()
    for old, new in [
        ('hours: "Mo-Fr 11:00-18:00"', 'hours: "Mo-Xx 11:00-18:00"'),
        ('hours: "Mo-We 17:00-20:00"', 'hours: "Jan Mo-We 17:00-20:00"'),
        ("phone: 116 111", 'phone: "116 11"'),
        ("url: https://korspåhalsen.no", "url: http://korspåhalsen.no"),
        ("chapters: [behandling, langtidsbruk]", "chapters: [behandling, finnes-ikke]"),
        ("passage: hjelp-helsesoster", "passage: finnes-ikke"),
        ("- id: giftinformasjonen\n", "- id: medisinsk-nodtelefon\n"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text)
    problems = _problems(pack_copy)

    def at(marker, message):
        return f"kokain/services.yaml:{_line_of(path, marker)}: {message}"

    assert (
        at("Mo-Xx", "hours: 'Mo-Xx 11:00-18:00' is not valid opening_hours syntax at column 4: expected wday")
        in problems
    )
    assert at("Jan Mo-We", "hours: 'Jan Mo-We 17:00-20:00' does not repeat every week") in " ".join(problems)
    assert at('"116 11"', "phone: '116 11' is not a Norwegian phone number") in " ".join(problems)
    assert (
        at("http://", "url: 'http://korspåhalsen.no' is not a web address starting with https://") in problems
    )
    assert at("- id: fastlegen", "service 'fastlegen': unknown chapter id 'finnes-ikke'") in problems
    assert at("- id: helsesoster", "service 'helsesoster': unknown passage id 'finnes-ikke'") in problems
    duplicate = [i for i, line in enumerate(text.splitlines(), 1) if line == "- id: medisinsk-nodtelefon"][1]
    assert any(
        p.startswith(f"kokain/services.yaml:{duplicate}: duplicate service id 'medisinsk-nodtelefon'")
        for p in problems
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"channels": ["chat", "fax"]}, "channels.1"),
        ({"url": ""}, "a chat needs the url where it is"),
        ({"phone": "915 08 588"}, "a service with a phone number needs 'phone' in channels"),
        ({"kind": "emergency"}, "an emergency number needs a phone number and hours"),
        ({"hours": 24}, "hours"),
    ],
)
def test_service_records_are_checked(change, message):
    from pydantic import ValidationError as PackError

    from rusfakta.helpservices.pack import ServiceData

    record = {
        "id": "x",
        "name": "X",
        "about": "Om X.",
        "channels": ["chat"],
        "url": "https://x.no",
        "hours": "",
    }
    ServiceData.model_validate(record)
    with pytest.raises(PackError, match=re.escape(message)):
        ServiceData.model_validate(record | change)


def test_check_command_exits_1_on_bad_hours(pack_copy, capsys):
    path = pack_copy / "services.yaml"
    path.write_text(path.read_text().replace('hours: "15:00-08:00"', 'hours: "15:00-"'))
    with pytest.raises(SystemExit) as exit_info:
        call_command("content", "check", str(pack_copy))
    assert exit_info.value.code == 1
    assert re.search(
        r"services\.yaml:\d+: hours: '15:00-' is not valid opening_hours syntax", capsys.readouterr().err
    )


def test_tel_links():
    assert tel_href("915 08 588") == "tel:+4791508588"
    assert tel_href("22 59 13 00") == "tel:+4722591300"
    assert tel_href("116 111") == "tel:116111"
    assert tel_href("113") == "tel:113"
    for bad in ("", "abc", "12", "1234 5678", "915  08 588", " 113"):
        with pytest.raises(ValueError):
            tel_href(bad)


def test_web_links_use_punycode_for_norwegian_letters():
    assert web_href("https://korspåhalsen.no") == "https://xn--korsphalsen-18a.no"
    assert web_href("https://www.rusinfo.no") == "https://www.rusinfo.no"
    assert web_label("https://korspåhalsen.no") == "korspåhalsen.no"
    for bad in (
        "korspåhalsen.no",
        "javascript:alert(1)",
        "https://",
        "https://user@host.no",
        "https://a b.no",
    ):
        with pytest.raises(ValueError):
            web_href(bad)


@pytest.mark.django_db
def test_services_load_in_pack_order():
    assert list(Service.objects.values_list("slug", flat=True)) == list(_services(settings.CONTENT_PACK_DIR))
    rusinfo = Service.objects.get(slug="rusinfo")
    assert rusinfo.chapter_slugs[:2] == ["behandling", "blandingsbruk"]
    assert rusinfo.passage_slug == "hjelp-rusinfo"


@pytest.mark.django_db
def test_export_writes_services_that_load_back_the_same(tmp_path):
    call_command("content", "export", str(tmp_path / "kokain"))
    exported = _services(tmp_path / "kokain")
    original = _services(settings.CONTENT_PACK_DIR)
    assert [s.model_dump() for s in exported.values()] == [s.model_dump() for s in original.values()]


@pytest.mark.django_db
def test_editors_cannot_save_bad_hours_or_phone_numbers():
    service = Service.objects.get(slug="rusinfo")
    service.hours = "Mo-Fr 11-"
    service.phone = "123"
    with pytest.raises(ValidationError) as info:
        service.full_clean()
    assert set(info.value.message_dict) == {"hours", "phone"}


@pytest.mark.django_db
def test_editing_a_service_bumps_the_content_version():
    stamp = ContentVersion.current().stamp
    service = Service.objects.get(slug="rusinfo")
    service.about = "Endret."
    service.save()
    assert ContentVersion.current().stamp != stamp

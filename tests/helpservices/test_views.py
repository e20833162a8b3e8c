import re
from datetime import UTC, datetime

import pytest

from rusfakta.helpservices import hours
from rusfakta.helpservices.models import Service
from rusfakta.helpservices.services import services_for_display
from tests.conftest import check_html

TEL = re.compile(r"^tel:(\+47[2-9]\d{7}|11\d|116\d{3})$")


@pytest.fixture
def frozen(monkeypatch):
    def freeze(*args, tzinfo=hours.OSLO):
        monkeypatch.setattr(hours, "now", lambda: datetime(*args, tzinfo=tzinfo))

    return freeze


def sections(html):
    """{section heading id: [service ids in it, in order]}, and the texts shown for each service."""
    document = check_html("/hjelp/", html)
    found, texts = {}, {}
    for section in document.iter("section"):
        heading = section.get("aria-labelledby")
        found[heading] = [li.get("id").removeprefix("tjeneste-") for li in section.iter("li") if li.get("id")]
        for li in section.iter("li"):
            if li.get("id"):
                texts[li.get("id").removeprefix("tjeneste-")] = " ".join(" ".join(li.itertext()).split())
    return found, texts


def test_saturday_night_shows_who_can_be_reached_now(pages, frozen):
    frozen(2025, 3, 29, 23, 40)
    html = pages.get("/hjelp/").content.decode()
    found, texts = sections(html)
    assert list(found) == ["emergency-h", "open-h", "closed-h", "other-h"]
    assert found["emergency-h"] == ["medisinsk-nodtelefon", "giftinformasjonen"]
    assert found["open-h"] == []
    assert found["closed-h"] == ["kors-pa-halsen", "rusinfo", "bar"]  # by next opening
    assert found["other-h"] == ["alarmtelefonen", "fastlegen", "helsesoster"]
    assert "Kl. 15.00–08.00. Heftet gir ikke hele åpningstiden" in texts["alarmtelefonen"]
    assert "Stengt – åpner i morgen kl. 14.00" in texts["kors-pa-halsen"]
    assert "Stengt – åpner mandag kl. 11.00" in texts["rusinfo"]
    assert "Stengt – åpner mandag kl. 17.00" in texts["bar"]
    assert "Åpen hele døgnet" in texts["giftinformasjonen"]
    assert "Hvem som er åpen, gjelder lørdag kl. 23.40 (norsk tid)." in " ".join(
        re.sub("<[^>]+>", "", html).split()
    )
    assert "Sist oppdatert" not in html  # it read like the date the content was checked
    assert '<time datetime="2025-03-29T23:40:00+01:00">' in html


def test_tuesday_evening_everyone_with_hours_is_open(pages, frozen):
    frozen(2025, 4, 1, 17, 30)
    found, texts = sections(pages.get("/hjelp/").content.decode())
    assert found["open-h"] == ["bar", "rusinfo", "kors-pa-halsen"]
    assert "closed-h" not in found
    assert "Åpen nå – stenger kl. 18.00" in texts["rusinfo"]
    assert "Åpen nå – stenger kl. 20.00" in texts["bar"]
    assert "Åpen nå – stenger kl. 22.00" in texts["kors-pa-halsen"]


def test_weekday_morning_when_none_is_open_says_so(pages, frozen):
    frozen(2025, 4, 2, 9, 0)
    html = pages.get("/hjelp/").content.decode()
    found, texts = sections(html)
    assert found["open-h"] == []
    assert "Ingen av hjelpetjenestene fra heftet er åpne akkurat nå." in html
    assert "Medisinsk nødtelefon og Giftinformasjonen svarer hele døgnet." in html
    assert "Neste som åpner: RUSinfo, om 2 timer (kl. 11.00)." in html
    assert "Stengt – åpner om 2 timer (kl. 11.00)" in texts["rusinfo"]
    assert found["closed-h"] == ["rusinfo", "kors-pa-halsen", "bar"]
    assert "alarmtelefonen" in found["other-h"]
    assert "Stengt" not in texts["alarmtelefonen"] and "Åpen" not in texts["alarmtelefonen"]


@pytest.mark.parametrize("hour", range(0, 24 * 7, 1))
def test_a_service_whose_booklet_hours_are_incomplete_is_never_shown_as_closed(pages, frozen, hour):
    frozen(2025, 3, 24 + hour // 24, hour % 24, 30)  # every hour of the week summer time starts
    found, texts = sections(pages.get("/hjelp/").content.decode())
    incomplete = [s.slug for s in Service.objects.exclude(hours="").filter(hours_complete=False)]
    assert incomplete, "the pack has a service with cut-off hours (alarmtelefonen)"
    for slug in incomplete:
        assert slug not in found.get("closed-h", []) and slug not in found["open-h"]
        assert "Stengt" not in texts[slug] and "Åpen" not in texts[slug]


def test_the_clock_in_utc_is_shown_in_oslo_time(pages, frozen):
    frozen(2025, 6, 6, 15, 59, tzinfo=UTC)  # Friday 17:59 in Oslo
    html = pages.get("/hjelp/").content.decode()
    found, texts = sections(html)
    assert "rusinfo" in found["open-h"]
    assert "Åpen nå – stenger kl. 18.00" in texts["rusinfo"]
    assert "fredag kl. 17.59" in html


def test_services_without_hours_make_no_claim(pages, frozen):
    frozen(2025, 3, 29, 23, 40)
    _, texts = sections(pages.get("/hjelp/").content.decode())
    for service in ("fastlegen", "helsesoster"):
        assert "Åpen" not in texts[service] and "Stengt" not in texts[service]
    assert "Spør legekontoret ditt" in texts["fastlegen"]
    assert "Helsepersonell har taushetsplikt." in texts["helsesoster"]
    assert "Kan ha andre tider på helligdager." in texts["rusinfo"]
    assert "helligdager" not in texts["kors-pa-halsen"]


def test_links_are_callable_numbers_and_the_booklets_addresses(pages, frozen):
    frozen(2025, 3, 29, 23, 40)
    html = pages.get("/hjelp/").content.decode()
    phones = re.findall(r'href="(tel:[^"]*)"', html)
    assert {"tel:113", "tel:116111", "tel:+4791508588", "tel:+4722591300"} <= set(phones)
    assert all(TEL.match(link) for link in phones), phones
    external = set(re.findall(r'href="(https?://[^"]*)"', html))
    assert external == {"https://barsnakk.no", "https://www.rusinfo.no", "https://xn--korsphalsen-18a.no"}
    assert ">Ring eller chat via korspåhalsen.no<" in html
    assert 'href="/kapittel/hjelp/"' in html
    assert 'href="/kapittel/hjelp/#hjelp-rusinfo"' in html


def test_the_page_is_never_cached(pages):
    response = pages.get("/hjelp/")
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_the_page_takes_no_time_from_the_visitor(pages, frozen):
    frozen(2025, 3, 29, 23, 40)
    assert pages.get("/hjelp/?at=2025-04-01T12:00:00Z").content == pages.get("/hjelp/").content


def test_english_page_uses_a_colon_in_times(pages, frozen):
    frozen(2025, 3, 29, 23, 40)
    html = pages.get("/en/hjelp/").content.decode()
    assert "23:40" in html and "08:00" in html


def test_every_page_links_to_help_now(pages):
    for url in ("/", "/innhold/", "/kapittel/historikk/", "/tall/"):
        html = pages.get(url).content.decode()
        assert '<a href="/hjelp/">Trenger du hjelp nå?</a>' in html


def test_chapters_list_their_services_the_same_all_day(pages, frozen):
    frozen(2025, 3, 29, 23, 40)
    night = pages.get("/kapittel/behandling/").content.decode()
    frozen(2025, 4, 1, 12, 0)
    noon = pages.get("/kapittel/behandling/").content.decode()
    assert night == noon
    aside = night[night.index('<aside class="help-aside"') : night.index("</aside>")]
    for name in ("Alarmtelefonen for barn og unge", "RUSinfo", "Fastlegen", "Helsesøster"):
        assert name in aside
    assert "Mandag–fredag kl. 11.00–18.00" in aside
    assert 'href="tel:+4791508588"' in aside
    assert 'href="/hjelp/"' in aside
    assert "Åpen nå" not in aside


def test_chapters_without_services_have_no_aside_but_the_help_chapter_links_to_help_now(pages):
    assert "help-aside" not in pages.get("/kapittel/historikk/").content.decode()
    help_chapter = pages.get("/kapittel/hjelp/").content.decode()
    assert "help-aside" in help_chapter and 'href="/hjelp/">Se hvem som er åpen akkurat nå' in help_chapter


@pytest.mark.django_db
def test_services_for_display_is_ready_for_other_features():
    views = services_for_display(datetime(2025, 3, 29, 22, 40, tzinfo=UTC), chapter="skade-og-overdose")
    assert [v.service.slug for v in views] == ["medisinsk-nodtelefon", "giftinformasjonen", "rusinfo"]
    assert [v.state for v in views] == ["open", "open", "closed"]
    assert views[2].status_text == "Stengt – åpner mandag kl. 11.00"
    assert views[2].contacts[0].href == "tel:+4791508588"

import re

import pytest

from rusfakta.statistics.formatting import format_statistic
from rusfakta.statistics.models import Statistic
from tests.content.test_pack import numbers_in

# Numbers in the booklet that are not statistics, each with the reason.
NOT_STATISTICS = {
    "1": "figure number (FIGUR 1)",
    "4": "figure number (FIGUR 4)",
    "0": "opening hours (kl. 15.00–08.00, 11.00–18.00)",
    "11": "opening hours of RUSinfo (11.00–18.00)",
    "14": "opening hours of Kors på halsen (14–22)",
    "17": "opening hours of BAR's chat (17–20)",
    "18": "opening hours (11.00–18.00) and the age band 18–25",
    "15": "age bands (15–34, 15–16, 15–25) and opening hours (15.00)",
    "16": "age bands (16–30, 15–16)",
    "25": "age bands (18–25, 15–25)",
    "30": "age band 16–30",
    "34": "age band 15–34",
    "116111": "phone number of Alarmtelefonen (116 111)",
    "915": "phone number of RUSinfo (915 08 588)",
    "8588": "phone number of RUSinfo (915 08 588)",
    "1700": "history: coca leaves reached Europe in the 16- and 1700s",
    "1800": "history: cocaine made as medicine in the mid-1800s",
    "1859": "history: cocaine first produced in 1859",
    "1880": "history: sold in the USA in the 1880s",
    "1900": "history: first restrictions early in the 1900s",
    "1912": "history: the opium convention of 1912",
    "1914": "history: the Harrison Act of 1914",
    "1920": "history: problems declined in the 1920s and 30s",
    "1980": "history: crack appeared in the early 1980s",
    "2011": "year since which ESPAD shows a rising trend for Norway (no figure attached)",
    "1987": "citation year (Allen 1987)",
    "1991": "citation year (Musto 1991)",
    "2002": "citation year (Pennings 2002)",
    "2016": "citation year (Mørland og Waal 2016)",
}


def booklet_numbers(booklet_text):
    # Page numbers stand alone on their own line in the extracted PDF text.
    lines = [line for line in booklet_text.splitlines() if not re.fullmatch(r"\s*\d\s*", line)]
    return numbers_in("\n".join(lines))


@pytest.mark.django_db
def test_every_figure_in_the_booklet_has_a_record(booklet_text):
    covered = set()
    for stat in Statistic.objects.all():
        covered |= numbers_in(format_statistic(stat, "nb") + " " + stat.period)
    missing = {str(n) for n in booklet_numbers(booklet_text) - covered}
    assert missing - set(NOT_STATISTICS) == set()


@pytest.mark.django_db
def test_the_exemption_list_names_only_numbers_that_are_in_the_booklet(booklet_text):
    in_booklet = {str(n) for n in booklet_numbers(booklet_text)}
    assert set(NOT_STATISTICS) <= in_booklet


@pytest.mark.django_db
def test_well_over_fifty_records_each_with_source_unit_period_population():
    stats = list(Statistic.objects.select_related("source"))
    assert len(stats) > 50
    for stat in stats:
        assert stat.source and stat.unit and stat.period and stat.population and stat.area and stat.measure
        assert (stat.value is not None) != (stat.low is not None and stat.high is not None)


@pytest.mark.django_db
def test_hedged_numbers_are_marked_approximate():
    for stat in Statistic.objects.exclude(qualifier=""):
        if stat.qualifier in ("nesten", "litt over", "rundt", "omtrent", "anslagsvis", "ca."):
            assert stat.approximate, stat.slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug, shown",
    [
        ("euda-norge-15-34-siste-ar", "4,2\u00a0%"),
        ("fhi-16-30-siste-ar-2024", "5,2\u00a0%"),
        ("ungdata-vgs-andre-stoffer-2024", "6\u00a0%"),
        ("opinion-provd-kokain", "8\u00a0%"),
        ("ung-i-oslo-vgs-kokain-2023", "8\u00a0%"),
        ("fhi-uteliv-noen-gang", "24,3\u00a0%"),
        ("ssb-16-30-ikke-brukt-siste-ar-2024", "95\u00a0%"),
        ("politiet-beslag-antall-2024", "1\u00a0959"),
        ("unodc-brukere-verden-2022", "estimert 23\u00a0millioner"),
        ("emcdda-akutte-tilfeller-europa", "flere tusen"),
        ("emcdda-dodsfall-europa", "flere hundre"),
        ("avlopsvann-oslo-okning-2020-2024", "2,8\u00a0ganger"),
        ("europa-renhet-2020", "31–80\u00a0%"),
        ("espad-norge-provd-2024", "nesten 6\u00a0av 100"),
    ],
)
def test_key_figures_match_the_booklet(slug, shown):
    assert format_statistic(Statistic.objects.get(slug=slug), "nb") == shown

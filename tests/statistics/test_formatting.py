from decimal import Decimal
from types import SimpleNamespace

import pytest

from rusfakta.statistics.formatting import NBSP, format_statistic


def stat(value=None, unit="percent", qualifier="", low=None, high=None):
    to_decimal = lambda x: None if x is None else Decimal(str(x))  # noqa: E731
    return SimpleNamespace(
        value=to_decimal(value), low=to_decimal(low), high=to_decimal(high), unit=unit, qualifier=qualifier
    )


@pytest.mark.parametrize(
    "record, nb, en",
    [
        (stat(4.2), "4,2 %", "4.2 %"),
        (stat(1959, "count"), "1 959", "1,959"),
        (stat(114000, "persons", "rundt"), "rundt 114 000", "rundt 114,000"),
        (stat(23000000, "persons"), "23 millioner", "23 million"),
        (stat(2500000, "persons", "nesten"), "nesten 2,5 millioner", "nesten 2.5 million"),
        (stat(2.8, "times"), "2,8 ganger", "2.8 times"),
        (stat(6, "per-100", "nesten"), "nesten 6 av 100", "nesten 6 in 100"),
        (stat(7, "per-10"), "7 av 10", "7 in 10"),
        (stat(low=31, high=80), "31–80 %", "31–80 %"),
        (stat(0.5, "fraction", "over"), "over halvparten", "over half"),
        (stat(1000, "magnitude", "flere"), "flere tusen", "flere thousand"),
        (stat(3, "rank"), "3. plass", "3rd place"),
        (stat(323, "tonnes"), "323 tonn", "323 tonnes"),
        (stat(223, "kg"), "223 kg", "223 kg"),
    ],
)
def test_numbers_are_written_the_norwegian_and_the_english_way(record, nb, en):
    assert format_statistic(record, "nb").replace(NBSP, " ") == nb
    assert format_statistic(record, "en").replace(NBSP, " ") == en


def test_a_number_never_breaks_from_its_unit():
    assert NBSP in format_statistic(stat(4.2), "nb")
    assert NBSP in format_statistic(stat(1959, "count"), "nb")


def test_the_model_the_pack_schema_and_the_format_share_one_unit_list():
    from typing import get_args

    from rusfakta.statistics.models import Statistic
    from rusfakta.statistics.pack import StatisticData
    from rusfakta.statistics.units import UNITS

    assert [value for value, _ in Statistic._meta.get_field("unit").choices] == list(UNITS)
    assert get_args(StatisticData.model_fields["unit"].annotation) == UNITS

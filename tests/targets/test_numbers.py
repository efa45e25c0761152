from decimal import Decimal

import pytest

from kiemdiem.targets.numbers import (
    NumberFormatError,
    format_vn_number,
    format_vn_percent,
    half_unit,
    parse_vn_number,
    parse_vn_percent,
)


@pytest.mark.parametrize(
    ("_case", "text", "expected"),
    [
        ("grouped with decimals", "1.756,292", Decimal("1756.292")),
        ("grouped integer", "22.543", Decimal("22543")),
        ("plain decimal", "2,7", Decimal("2.7")),
        ("two groups", "1.234.567,5", Decimal("1234567.5")),
        ("negative", "-18,24", Decimal("-18.24")),
        ("non-breaking space", "1\u00a0756,292", Decimal("1756.292")),
    ],
)
def test_parse_vn_number_reads_the_vietnamese_form(_case, text, expected):
    # when
    value = parse_vn_number(text)
    # then
    assert value == expected


@pytest.mark.parametrize("text", ["1,756.292", "1.75,2", "abc", "", "12.34"])
def test_parse_vn_number_refuses_other_forms(text):
    # when / then
    with pytest.raises(NumberFormatError) as caught:
        parse_vn_number(text)
    assert str(caught.value) == f"cần một số viết kiểu Việt Nam (ví dụ 1.756,292), gặp {text!r}"


def test_parse_vn_percent_needs_the_sign_and_gives_a_share():
    # when
    share = parse_vn_percent("151,85%")
    # then
    assert share == Decimal("1.5185")
    with pytest.raises(NumberFormatError, match="151,85%"):
        parse_vn_percent("151,85")


def test_formatting_keeps_the_published_digits_and_rounds_half_up_when_asked():
    # then
    assert format_vn_number(Decimal("1756.292")) == "1.756,292"
    assert format_vn_number(Decimal("1756.25"), 1) == "1.756,3"
    assert format_vn_number(Decimal("22543")) == "22.543"
    assert format_vn_number(Decimal("-0.5")) == "-0,5"
    assert format_vn_percent(Decimal("1.5185")) == "151,85%"
    assert format_vn_percent(Decimal("0.5505794")) == "55,06%"
    assert format_vn_percent(Decimal("0.174"), None) == "17,4%"


def test_half_unit_follows_the_published_precision():
    # then
    assert half_unit(Decimal("0.5777")) == Decimal("0.00005")
    assert half_unit(Decimal("0.174")) == Decimal("0.0005")

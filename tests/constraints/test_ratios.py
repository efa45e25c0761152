"""Periods and percentages used by the quotas."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from kiemdiem.rules.constraints.ratios import QuotaInputError, format_percent, period_end


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("2021", dt.date(2021, 12, 31)),
        ("2025-Q2", dt.date(2025, 6, 30)),
        ("2025-Q1", dt.date(2025, 3, 31)),
        ("2020-2025", dt.date(2025, 12, 31)),
    ],
)
def test_period_end_for_years_quarters_and_terms(period: str, end: dt.date) -> None:
    # given / when / then
    assert period_end(period) == end


def test_a_period_in_another_form_is_refused() -> None:
    # given / when
    with pytest.raises(QuotaInputError) as caught:
        period_end("12/2021")

    # then
    assert str(caught.value) == (
        "Kỳ kiểm điểm '12/2021' không hợp lệ: cần năm (2021), quý (2025-Q2) hoặc nhiệm kỳ (2020-2025)."
    )


@pytest.mark.parametrize(
    ("ratio", "text"),
    [(Fraction(1, 5), "20%"), (Fraction(1, 4), "25%"), (Fraction(7, 9), "77,78%"), (Fraction(1), "100%")],
)
def test_percentages_are_printed_the_vietnamese_way(ratio: Fraction, text: str) -> None:
    # given / when / then
    assert format_percent(ratio) == text

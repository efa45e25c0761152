import datetime as dt

import pytest

from kiemdiem.reviews.periods import Period, PeriodError, PeriodKind, rulebooks_for


@pytest.mark.parametrize(
    ("_case", "code", "start", "end", "rulebooks"),
    [
        ("year 2021", "2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31), ("party-132-21hd", "state-nd90")),
        ("year 2018", "2018", dt.date(2018, 1, 1), dt.date(2018, 12, 31), ("party-132-16hd", "state-nd56-88")),
        ("year 2023", "2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), ("party-124-25hd", "state-nd90-48")),
        ("second quarter", "2025-Q2", dt.date(2025, 4, 1), dt.date(2025, 6, 30), ("party-366-43hd", "state-nd90-48")),
        ("year 2026", "2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), ("party-366-43hd", "state-nd335")),
        ("term", "2020-2025", dt.date(2020, 1, 1), dt.date(2025, 12, 31), ("party-366-43hd", "state-nd90-48")),
    ],
)
def test_period_bounds_and_rulebooks(_case, code, start, end, rulebooks):
    # when
    period = Period.parse(code)
    # then
    assert (period.code, period.start, period.end) == (code, start, end)
    assert rulebooks_for(period) == rulebooks


def test_period_with_fields_of_another_kind_is_refused():
    # when
    with pytest.raises(PeriodError) as refused:
        Period(kind=PeriodKind.YEAR, year=2021, quarter=2)
    # then
    assert str(refused.value) == "Kỳ theo năm không có quý."


def test_term_ending_before_it_starts_is_refused():
    # when
    with pytest.raises(PeriodError) as refused:
        Period.parse("2025-2020")
    # then
    assert str(refused.value) == "Nhiệm kỳ 2025-2020 không hợp lệ: năm kết thúc phải sau năm bắt đầu."

"""Cells typed the way Vietnamese offices type them."""

from __future__ import annotations

import datetime as dt

import pytest

from kiemdiem.rules.levels import Level
from kiemdiem.workbook import schema
from kiemdiem.workbook.cells import CellError, read_cell
from kiemdiem.workbook.periods import PeriodError, months_between, period_bounds
from kiemdiem.workbook.schema import Column


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        (schema.NUMBER, "1.756,3", 1756.3),
        (schema.NUMBER, 2.5, 2.5),
        (schema.INT, "12", 12),
        (schema.PERCENT, "95,5%", 0.955),
        (schema.PERCENT, 86, 0.86),
        (schema.DATE, "24/12/2021", dt.date(2021, 12, 24)),
        (schema.DATE, dt.datetime(2021, 12, 24, 0, 0), dt.date(2021, 12, 24)),
        (schema.BOOL, "Có", True),
        (schema.BOOL, "không", False),
        (schema.LEVEL, "htxsnv", Level.HTXSNV),
        (schema.LEVEL, "Hoàn thành tốt nhiệm vụ", Level.HTTNV),
        (schema.GRADE, "Trung bình", "trung_binh"),
        (schema.SIDE, "Chính quyền", "state"),
        (schema.TEXT, "  Lò Thị Hạnh ", "Lò Thị Hạnh"),
        (schema.TEXT, "   ", None),
    ],
)
def test_cells_are_read_by_type(kind: str, raw: object, expected: object) -> None:
    # given
    column = Column("Cột", "key", kind)
    # when
    value = read_cell(column, raw)
    # then
    assert value == (pytest.approx(expected) if isinstance(expected, float) else expected)


def test_code_cell_accepts_code_or_label_and_names_the_choices() -> None:
    # given
    column = Column("Vai trò", "role", schema.CODE, choices=schema.ROLES)
    # when
    by_label, by_code = read_cell(column, "Cấp phó"), read_cell(column, "head")
    with pytest.raises(CellError) as caught:
        read_cell(column, "Trưởng")
    # then
    assert (by_label, by_code) == ("deputy", "head")
    assert str(caught.value) == "cần một trong: Người đứng đầu, Cấp phó, Thành viên; nhận “Trưởng”"


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        (schema.INT, "2,5", "cần một số nguyên không âm; nhận “2,5”"),
        (schema.NUMBER, -1, "cần một số không âm; nhận “-1”"),
        (schema.PERCENT, "120%", "cần một tỷ lệ từ 0 đến 100 (%); nhận “120%”"),
        (schema.BOOL, "chưa", "cần “có” hoặc “không”; nhận “chưa”"),
    ],
)
def test_bad_cells_say_what_was_expected(kind: str, raw: object, message: str) -> None:
    # given
    column = Column("Cột", "key", kind)
    # when
    with pytest.raises(CellError) as caught:
        read_cell(column, raw)
    # then
    assert str(caught.value) == message


def test_periods_and_months() -> None:
    # given / when
    year, quarter, term = period_bounds("2021"), period_bounds("2025-Q2"), period_bounds("2020-2025")
    with pytest.raises(PeriodError) as caught:
        period_bounds("2021-13")
    # then
    assert year == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert quarter == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    assert term == (dt.date(2020, 1, 1), dt.date(2025, 12, 31))
    assert str(caught.value) == (
        "kỳ “2021-13” không hợp lệ; cần một năm (2021), một quý (2025-Q2) hoặc một nhiệm kỳ (2020-2025)"
    )
    assert months_between(dt.date(2021, 9, 10), dt.date(2021, 12, 31)) == 3.0
    assert months_between(dt.date(2021, 7, 1), dt.date(2021, 12, 31)) == 6.0

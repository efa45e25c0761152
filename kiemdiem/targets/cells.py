"""Reading one cell of the targets sheet: Vietnamese or Excel numbers, percentages, dates, choices.

Each reader returns the value or raises :class:`~kiemdiem.targets.numbers.NumberFormatError` saying
what was expected; :mod:`kiemdiem.targets.sheet` adds the sheet, row and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kiemdiem.targets.numbers import (
    NumberFormatError,
    format_vn_number,
    format_vn_percent,
    parse_vn_number,
    parse_vn_percent,
)

_DATE_TEXT = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YES = {"đạt", "có", "1"}
_NO = {"không đạt", "không", "0"}


def norm(text: object) -> str:
    """``text`` compared loosely: Unicode NFC, spaces collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()


# Largest magnitudes kept (14 and 6 digits before the decimal comma, as unit_targets stores them);
# anything larger is a typing slip, and would overflow the store and the formatting.
MAX_AMOUNT = Decimal(10) ** 14
MAX_SHARE = Decimal(10) ** 6
YEARS = range(1945, 2101)  # years a header may name


def _excel_number(value: int | float) -> Decimal:
    # Excel keeps 15 significant digits; the float's further digits (1102.7350000000001) are noise.
    return Decimal(value) if isinstance(value, int) else Decimal(f"{value:.15g}")


def _bounded(number: Decimal, limit: Decimal, value: Any, *, share: bool = False) -> Decimal:
    if not number.is_finite() or abs(number) >= limit:
        shown = format_vn_percent(limit, places=None) if share else format_vn_number(limit)
        raise NumberFormatError(f"số quá lớn (phải nhỏ hơn {shown}), gặp {value!r}")
    return number


def amount(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise NumberFormatError(f"cần một số, gặp {value!r}")
    if isinstance(value, int | float):
        return _bounded(_excel_number(value), MAX_AMOUNT, value)
    return _bounded(parse_vn_number(str(value)), MAX_AMOUNT, value)


def share(value: Any) -> Decimal:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _bounded(
            _excel_number(value), MAX_SHARE, value, share=True
        )  # an Excel percentage cell holds the share itself
    return _bounded(parse_vn_percent(str(value)), MAX_SHARE, value, share=True)


def day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE_TEXT.match(str(value).strip())
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise NumberFormatError(f"cần một ngày dạng ngày/tháng/năm (ví dụ 24/12/2021), gặp {value!r}")


def choice(options: dict[Any, str], what: str) -> Callable[[Any], Any]:
    by_text = {norm(label): key for key, label in options.items()}

    def parse(value: Any) -> Any:
        found = by_text.get(norm(value))
        if found is None:
            allowed = ", ".join(f"“{label}”" for label in options.values())
            raise NumberFormatError(f"{what} phải là một trong {allowed}, gặp {value!r}")
        return found

    return parse


def flag(value: Any) -> bool:
    if norm(value) in {"x", "có"}:
        return True
    raise NumberFormatError(f"đánh dấu bằng “x” hoặc để trống, gặp {value!r}")


def yes_no(value: Any) -> Decimal:
    text = norm(value)
    if text in _YES:
        return Decimal(1)
    if text in _NO:
        return Decimal(0)
    raise NumberFormatError(f"chỉ tiêu Đạt/Không đạt cần “Đạt” hoặc “Không đạt”, gặp {value!r}")

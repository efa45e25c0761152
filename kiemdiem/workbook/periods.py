"""The period code of a cycle workbook ("2021", "2025-Q2", "2020-2025") and its first and last day.

Ratings are computed as of the period's last day, never as of today (../shared/domain/pitfalls.md
#9, #11).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re


class PeriodError(ValueError):
    """A period code that is not a year, a quarter or a term (Vietnamese message)."""


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_TERM = re.compile(r"^(\d{4})-(\d{4})$")


def period_bounds(code: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``code``; raises :class:`PeriodError`."""
    text = code.strip()
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match := _QUARTER.match(text):
        year, quarter = int(match.group(1)), int(match.group(2))
        last_month = quarter * 3
        return dt.date(year, last_month - 2, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    if match := _TERM.match(text):
        first, last = int(match.group(1)), int(match.group(2))
        if first < last:
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
    raise PeriodError(f"kỳ “{code}” không hợp lệ; cần một năm (2021), một quý (2025-Q2) hoặc một nhiệm kỳ (2020-2025)")


def months_between(start: dt.date, end: dt.date) -> float:
    """Whole months from ``start`` to ``end`` (the day after ``end`` counts as a full month boundary)."""
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    if after.day < start.day:
        months -= 1
    return float(max(months, 0))

"""Review periods: a year (``2021``), a quarter (``2025-Q2``) or a term (``2020-2025``).

The period is always explicit (never taken from the clock, pitfall 9). Parameters are resolved at
the period's last day, so a value that changes during a year applies from the next review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiemdiem.rules.errors import PeriodError


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    TERM = "term"


_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


@dataclass(frozen=True, slots=True)
class Period:
    """A parsed period: ``text`` as written, ``kind``, first and last day (inclusive)."""

    text: str
    kind: PeriodKind
    start: date
    end: date

    @property
    def months(self) -> int:
        """Length in months (12 for a year, 3 for a quarter, 12 × years for a term)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def parse_period(value: object) -> Period:
    """Parse ``2021`` / ``"2021"``, ``"2025-Q2"`` or ``"2020-2025"``.

    Raises ``PeriodError`` (Vietnamese message quoting the value) for anything else.
    """
    text = str(value).strip()
    if isinstance(value, bool):
        text = ""
    if m := re.fullmatch(r"(\d{4})", text):
        year = int(m[1])
        return Period(text, PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        year, quarter = int(m[1]), int(m[2])
        month, day = _QUARTER_END[quarter]
        return Period(text, PeriodKind.QUARTER, date(year, month - 2, 1), date(year, month, day))
    if (m := re.fullmatch(r"(\d{4})-(\d{4})", text)) and int(m[1]) < int(m[2]):
        return Period(text, PeriodKind.TERM, date(int(m[1]), 1, 1), date(int(m[2]), 12, 31))
    raise PeriodError(
        f"kỳ đánh giá '{value}' không hợp lệ: cần một năm (2021), một quý (2025-Q2) hoặc một nhiệm kỳ (2020-2025)"
    )

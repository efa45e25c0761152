"""Review periods and the rulebooks pinned for them when a cycle opens.

A period is always explicit (a year, a quarter of a year, or a term), never taken from the clock
(pitfalls.md #9). The rulebook codes come from
the small table below (../shared/domain/rules.md §1); a test keeps it equal to
``kiemdiem.rules.select_rulebook`` for yearly periods (the state side has no quarter or term rating).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    TERM = "term"


class PeriodError(ValueError):
    """A period that does not exist or has no known rulebook; the message is for the user."""


@dataclass(frozen=True)
class Period:
    """One review period. ``year`` for YEAR and QUARTER, ``quarter`` 1..4 for QUARTER,
    ``term_start_year``/``term_end_year`` for TERM. Raises :class:`PeriodError` when inconsistent.
    """

    kind: PeriodKind
    year: int | None = None
    quarter: int | None = None
    term_start_year: int | None = None
    term_end_year: int | None = None

    def __post_init__(self) -> None:
        if self.kind is PeriodKind.TERM:
            if self.term_start_year is None or self.term_end_year is None:
                raise PeriodError("Kỳ theo nhiệm kỳ cần năm bắt đầu và năm kết thúc nhiệm kỳ.")
            if self.term_end_year <= self.term_start_year:
                raise PeriodError(
                    f"Nhiệm kỳ {self.term_start_year}-{self.term_end_year} không hợp lệ: "
                    "năm kết thúc phải sau năm bắt đầu."
                )
            if self.year is not None or self.quarter is not None:
                raise PeriodError("Kỳ theo nhiệm kỳ không có năm hay quý riêng.")
            return
        if self.year is None:
            raise PeriodError("Kỳ theo năm hoặc theo quý cần có năm.")
        if self.term_start_year is not None or self.term_end_year is not None:
            raise PeriodError("Kỳ theo năm hoặc theo quý không có năm nhiệm kỳ.")
        if self.kind is PeriodKind.YEAR and self.quarter is not None:
            raise PeriodError("Kỳ theo năm không có quý.")
        if self.kind is PeriodKind.QUARTER and self.quarter not in (1, 2, 3, 4):
            raise PeriodError(f"Quý phải là 1, 2, 3 hoặc 4 (nhận được: {self.quarter}).")

    @classmethod
    def parse(cls, code: str) -> Period:
        """Read "2021", "2025-Q2" or "2020-2025"; raises :class:`PeriodError` naming what was expected."""
        text = code.strip()
        expected = 'một năm ("2021"), một quý ("2025-Q2") hoặc một nhiệm kỳ ("2020-2025")'
        try:
            if "-Q" in text.upper():
                year, quarter = text.upper().split("-Q")
                return cls(kind=PeriodKind.QUARTER, year=int(year), quarter=int(quarter))
            if "-" in text:
                first, last = text.split("-")
                return cls(kind=PeriodKind.TERM, term_start_year=int(first), term_end_year=int(last))
            return cls(kind=PeriodKind.YEAR, year=int(text))
        except ValueError as error:
            if isinstance(error, PeriodError):
                raise
            raise PeriodError(f"Kỳ {code!r} không đọc được: cần {expected}.") from None

    @property
    def code(self) -> str:
        """ "2021", "2025-Q2" or "2020-2025"."""
        if self.kind is PeriodKind.TERM:
            return f"{self.term_start_year}-{self.term_end_year}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)

    @property
    def start(self) -> dt.date:
        """First day of the period (a term counts from 1 January of its first year)."""
        if self.kind is PeriodKind.TERM:
            return dt.date(int(self.term_start_year or 0), 1, 1)
        if self.kind is PeriodKind.QUARTER:
            return dt.date(int(self.year or 0), 3 * (int(self.quarter or 1) - 1) + 1, 1)
        return dt.date(int(self.year or 0), 1, 1)

    @property
    def end(self) -> dt.date:
        """Last day of the period (inclusive); ratings are computed as of this day."""
        if self.kind is PeriodKind.TERM:
            return dt.date(int(self.term_end_year or 0), 12, 31)
        if self.kind is PeriodKind.QUARTER:
            quarter = int(self.quarter or 1)
            next_start = dt.date(int(self.year or 0) + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
            return next_start - dt.timedelta(days=1)
        return dt.date(int(self.year or 0), 12, 31)

    @property
    def rating_year(self) -> int:
        """The year whose rulebook governs: the year itself, or a term's last year."""
        year = self.term_end_year if self.kind is PeriodKind.TERM else self.year
        return int(year or 0)


# (first year, last year or None, code). Party side: Quy định 132-QĐ/TW with Hướng dẫn 16-HD/BTCTW
# (2018) then 21-HD/BTCTW (2019-2022); 124-QĐ/TW with 25-HD/BTCTW (2023-2024); 366-QĐ/TW with
# 43-HD/BTCTW (from 2025).
PARTY_RULEBOOKS: tuple[tuple[int, int | None, str], ...] = (
    (2018, 2018, "party-132-16hd"),
    (2019, 2022, "party-132-21hd"),
    (2023, 2024, "party-124-25hd"),
    (2025, None, "party-366-43hd"),
)
# State side (cán bộ, công chức, viên chức): NĐ 56/2015 as amended by NĐ 88/2017 (to 2019); NĐ
# 90/2020 (in force 20/8/2020); NĐ 90 as amended by NĐ 48/2023 (in force 15/9/2023); công chức
# under NĐ 335/2025 from 1/1/2026. Viên chức from 1/7/2026 fall under NĐ 233/2026 ("state-nd233"),
# which the rules engine selects per subject; this table pins the code for công chức.
STATE_RULEBOOKS: tuple[tuple[int, int | None, str], ...] = (
    (2015, 2019, "state-nd56-88"),
    (2020, 2022, "state-nd90"),
    (2023, 2025, "state-nd90-48"),
    (2026, None, "state-nd335"),
)
# Quarterly rating exists from Quy định 366-QĐ/TW (Điều 1 k1); 43-HD/BTCTW folds Q4 into the year.
FIRST_QUARTERLY_YEAR = 2025


def _lookup(table: tuple[tuple[int, int | None, str], ...], year: int, side: str) -> str:
    for first, last, code in table:
        if first <= year and (last is None or year <= last):
            return code
    raise PeriodError(f"Chưa có bộ quy tắc {side} cho năm {year}: kiemdiem hỗ trợ từ năm {table[0][0]}.")


def rulebooks_for(period: Period) -> tuple[str, str]:
    """(party rulebook code, state rulebook code) in force for ``period``.

    Raises :class:`PeriodError` for a year before the table, a quarter before 2025, or a fourth
    quarter (43-HD/BTCTW: Q4 has no separate rating and is folded into the year-end rating).
    """
    if period.kind is PeriodKind.QUARTER:
        if period.rating_year < FIRST_QUARTERLY_YEAR:
            raise PeriodError(
                f"Không có kỳ đánh giá theo quý trước năm {FIRST_QUARTERLY_YEAR} (Quy định 366-QĐ/TW, Điều 1 khoản 1)."
            )
        if period.quarter == 4:
            raise PeriodError(
                "Quý IV không đánh giá riêng mà gộp vào đánh giá cuối năm (Hướng dẫn 43-HD/BTCTW): mở kỳ theo năm."
            )
    return (
        _lookup(PARTY_RULEBOOKS, period.rating_year, "của Đảng"),
        _lookup(STATE_RULEBOOKS, period.rating_year, "của Nhà nước"),
    )

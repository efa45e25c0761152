"""What a target (chỉ tiêu) is: indicator, unit, who assigned it, direction, and its figures by year.

A district's year-end report compares each target's plan (kế hoạch; for budget revenue the
dự toán) with its estimate (ước thực hiện, written in December) or actual (thực hiện). Five basic
socio-economic targets are named by Quy định 366-QĐ/TW, Điều 11 khoản 4 (leaders' KHTNV case):
growth, budget revenue, public-investment disbursement, income per head, poverty reduction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Direction(StrEnum):
    """How a target's actual is judged against its plan."""

    HIGHER = "higher"  # càng cao càng tốt (output, revenue, share of households …)
    LOWER = "lower"  # càng thấp càng tốt (poverty rate, third-child birth rate …)
    YES_NO = "yes_no"  # đạt / không đạt (plan and actual are 1 or 0)
    CRITERIA = "criteria"  # a set of criteria (e.g. the new-rural standard): criteria met against required

    @property
    def label(self) -> str:
        """The Vietnamese wording used in sheets and on screen."""
        return DIRECTION_LABELS[self]


DIRECTION_LABELS = {
    Direction.HIGHER: "Càng cao càng tốt",
    Direction.LOWER: "Càng thấp càng tốt",
    Direction.YES_NO: "Đạt/Không đạt",
    Direction.CRITERIA: "Bộ tiêu chí",
}


class Assigner(StrEnum):
    """Who assigned the target: the superior (e.g. "thành phố giao") or the unit itself ("huyện giao")."""

    SUPERIOR = "superior"
    OWN = "own"

    @property
    def label(self) -> str:
        """The generic Vietnamese wording, used when the sheet names no level."""
        return ASSIGNER_LABELS[self]


ASSIGNER_LABELS = {Assigner.SUPERIOR: "cấp trên giao", Assigner.OWN: "đơn vị tự giao"}


class BasicKind(StrEnum):
    """The five basic socio-economic targets of 366-QĐ/TW, Điều 11 khoản 4 điểm 4.2."""

    GROWTH = "growth"
    BUDGET_REVENUE = "budget_revenue"
    PUBLIC_INVESTMENT = "public_investment"
    INCOME_PER_HEAD = "income_per_head"
    POVERTY_REDUCTION = "poverty_reduction"

    @property
    def label(self) -> str:
        """The Vietnamese wording used in sheets and on screen."""
        return BASIC_KIND_LABELS[self]


BASIC_KIND_LABELS = {
    BasicKind.GROWTH: "Tăng trưởng kinh tế",
    BasicKind.BUDGET_REVENUE: "Thu ngân sách",
    BasicKind.PUBLIC_INVESTMENT: "Giải ngân đầu tư công",
    BasicKind.INCOME_PER_HEAD: "Thu nhập bình quân đầu người",
    BasicKind.POVERTY_REDUCTION: "Giảm nghèo",
}


@dataclass(frozen=True, slots=True)
class YearFigures:
    """One target's figures for one year (quantities in the target's unit; shares 0..1).

    ``published_share_of_plan`` and ``published_growth`` keep what the unit published ("đạt X% kế
    hoạch", "tăng Y% so với cùng kỳ"), which real reports do not always compute from their own
    figures; :mod:`kiemdiem.targets.checks` flags the difference instead of hiding it.
    ``deadline`` defaults to the end of the year; ``achieved_on`` is when the plan was reached.
    """

    year: int
    plan: Decimal | None = None
    estimate: Decimal | None = None
    actual: Decimal | None = None
    deadline: date | None = None
    achieved_on: date | None = None
    published_share_of_plan: Decimal | None = None
    published_growth: Decimal | None = None

    @property
    def value(self) -> Decimal | None:
        """The figure the year is judged on: the actual, or else the estimate (ước thực hiện)."""
        return self.actual if self.actual is not None else self.estimate

    @property
    def basis(self) -> str | None:
        """``"actual"`` or ``"estimate"``: which figure :attr:`value` is; None when neither is known."""
        if self.actual is not None:
            return "actual"
        return "estimate" if self.estimate is not None else None


@dataclass(frozen=True, slots=True)
class Target:
    """A target (chỉ tiêu) of one unit, with its figures for every recorded year.

    ``code`` is the unit's own stable code for the target (names change wording between years);
    ``key`` marks a key target (chỉ tiêu trọng tâm, chủ yếu); ``basic`` names which of the five
    366-QĐ/TW basic targets it is, if any. ``years`` is sorted by year, one entry per year.
    """

    code: str
    indicator: str
    unit: str
    assigner: Assigner
    direction: Direction = Direction.HIGHER
    key: bool = False
    basic: BasicKind | None = None
    years: tuple[YearFigures, ...] = ()
    note: str = ""
    source: str = ""
    _by_year: dict[int, YearFigures] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_year = {figures.year: figures for figures in self.years}
        if len(by_year) != len(self.years):
            raise ValueError(f"chỉ tiêu {self.code}: một năm được ghi hai lần")
        object.__setattr__(self, "years", tuple(sorted(self.years, key=lambda figures: figures.year)))
        object.__setattr__(self, "_by_year", by_year)

    def figures(self, year: int) -> YearFigures | None:
        """The figures recorded for ``year``, or None when the target has none that year."""
        return self._by_year.get(year)

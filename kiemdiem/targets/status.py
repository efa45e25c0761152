"""A target's status for a year: vượt kế hoạch, hoàn thành, cơ bản hoàn thành, không hoàn thành; on time or late.

No regulation defines "cơ bản hoàn thành" (mostly met). It is a setting,
:attr:`TargetSettings.mostly_met_tolerance`, with a stated default of 5% (from 95% to under 100%
of plan), unconfirmed, and shown by :meth:`TargetSettings.describe` wherever the status is used.

Everything is judged as of the end of the period from the recorded figures, never from today's
date (a reopened year must not drift).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kiemdiem.targets.model import Direction, Target, YearFigures
from kiemdiem.targets.numbers import format_vn_percent

DEFAULT_MOSTLY_MET_TOLERANCE = Decimal("0.05")


class Status(StrEnum):
    """Target statuses, best first."""

    EXCEEDED = "exceeded"
    MET = "met"
    MOSTLY_MET = "mostly_met"
    MISSED = "missed"

    @property
    def label(self) -> str:
        """The Vietnamese wording used in reports."""
        return STATUS_LABELS[self]

    @property
    def completed(self) -> bool:
        """True for vượt kế hoạch and hoàn thành: the plan was reached."""
        return self in (Status.EXCEEDED, Status.MET)


STATUS_LABELS = {
    Status.EXCEEDED: "vượt kế hoạch",
    Status.MET: "hoàn thành",
    Status.MOSTLY_MET: "cơ bản hoàn thành",
    Status.MISSED: "không hoàn thành",
}


@dataclass(frozen=True, slots=True)
class TargetSettings:
    """Settings of target classification.

    ``mostly_met_tolerance`` (share, 0 ≤ t < 1): a higher-is-better target whose value is at least
    ``(1 - t)`` of plan but below it is "cơ bản hoàn thành"; a lower-is-better one at most
    ``(1 + t)`` of plan but above it. Default 0.05. Not from any regulation (``confirmed`` False).
    """

    mostly_met_tolerance: Decimal = DEFAULT_MOSTLY_MET_TOLERANCE

    def __post_init__(self) -> None:
        if not (0 <= self.mostly_met_tolerance < 1):
            given = format_vn_percent(self.mostly_met_tolerance)
            raise ValueError(f"ngưỡng “cơ bản hoàn thành” phải từ 0 đến dưới 100%, gặp {given}")

    @property
    def confirmed(self) -> bool:
        """Always False: no instrument defines "cơ bản hoàn thành"."""
        return False

    def describe(self) -> str:
        """The sentence shown wherever "cơ bản hoàn thành" is used, with the tolerance in force."""
        floor = format_vn_percent(1 - self.mostly_met_tolerance, 0 if self._whole() else 2)
        return (
            f"“cơ bản hoàn thành” là đạt từ {floor} đến dưới 100% kế hoạch "
            "(ngưỡng do đơn vị đặt, chưa có văn bản nào quy định; chưa xác nhận)"
        )

    def _whole(self) -> bool:
        return (self.mostly_met_tolerance * 100) == (self.mostly_met_tolerance * 100).to_integral_value()


@dataclass(frozen=True, slots=True)
class TargetResult:
    """A target judged for one year.

    ``status`` and ``on_time`` are None when the figures do not allow a judgement; ``missing``
    then says what is missing (in Vietnamese). ``share_of_plan`` is value / plan for higher-is-better
    and criteria targets (None for the others or a zero plan). ``on_time`` is None when a target met
    before a deadline earlier than the year's end has no date of achievement.
    """

    target: Target
    year: int
    figures: YearFigures
    status: Status | None
    on_time: bool | None
    share_of_plan: Decimal | None
    missing: str | None = None

    @property
    def value(self) -> Decimal | None:
        """The figure judged: actual, else estimate."""
        return self.figures.value

    @property
    def plan(self) -> Decimal | None:
        """The plan for the year."""
        return self.figures.plan


def _status(direction: Direction, value: Decimal, plan: Decimal, tolerance: Decimal) -> Status:
    if direction is Direction.HIGHER:
        if value > plan:
            return Status.EXCEEDED
        if value == plan:
            return Status.MET
        return Status.MOSTLY_MET if value >= plan * (1 - tolerance) else Status.MISSED
    if direction is Direction.LOWER:
        if value < plan:
            return Status.EXCEEDED
        if value == plan:
            return Status.MET
        return Status.MOSTLY_MET if value <= plan * (1 + tolerance) else Status.MISSED
    if direction is Direction.CRITERIA:
        # Meeting more criteria than required is not "exceeding" a standard: the set is met or not.
        if value >= plan:
            return Status.MET
        return Status.MOSTLY_MET if value >= plan * (1 - tolerance) else Status.MISSED
    return Status.MET if value >= plan else Status.MISSED


def _on_time(status: Status, figures: YearFigures) -> bool | None:
    if not status.completed:
        return False
    year_end = date(figures.year, 12, 31)
    deadline = figures.deadline or year_end
    if figures.achieved_on is not None:
        return figures.achieved_on <= deadline
    # Without a date of achievement the figure is the one at the period's end: on time only when
    # the deadline is the period's end (or later); before that it cannot be told.
    return True if deadline >= year_end else None


def classify(target: Target, year: int, settings: TargetSettings | None = None) -> TargetResult:
    """Judge ``target`` for ``year``.

    Raises ``KeyError`` when the target has no figures for the year. Yes/no targets take plan and
    value as 1 (đạt) or 0 (không đạt). See :class:`TargetSettings` for "cơ bản hoàn thành".
    """
    settings = settings or TargetSettings()
    figures = target.figures(year)
    if figures is None:
        raise KeyError(f"chỉ tiêu {target.code} không có số liệu năm {year}")
    value = figures.value
    if figures.plan is None or value is None:
        missing = "kế hoạch" if figures.plan is None else "số ước thực hiện hoặc thực hiện"
        if figures.plan is None and value is None:
            missing = "kế hoạch và số thực hiện"
        return TargetResult(target, year, figures, None, None, None, missing=f"chưa có {missing}")
    status = _status(target.direction, value, figures.plan, settings.mostly_met_tolerance)
    share = None
    if target.direction in (Direction.HIGHER, Direction.CRITERIA) and figures.plan != 0:
        share = value / figures.plan
    return TargetResult(target, year, figures, status, _on_time(status, figures), share)


def classify_all(targets: Iterable[Target], year: int, settings: TargetSettings | None = None) -> list[TargetResult]:
    """Judge every target that has figures for ``year``, in the given order (others are skipped)."""
    return [classify(target, year, settings) for target in targets if target.figures(year) is not None]

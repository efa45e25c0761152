"""Data checks: where a sheet disagrees with itself, say so instead of hiding it.

Real sheets keep what was published. A published growth (e.g. +57,77%) may not be the ratio of
the published actuals (+55,06%); a published "% of plan" may not be actual / plan. Each check is
reported with the target, the year and both figures; nothing is corrected silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiemdiem.targets.history import change
from kiemdiem.targets.numbers import format_vn_percent, half_unit
from kiemdiem.targets.status import TargetResult


@dataclass(frozen=True, slots=True)
class DataCheck:
    """One finding: ``code`` of the target, ``year``, ``kind`` (a stable id) and a Vietnamese ``message``."""

    code: str
    year: int
    kind: str
    message: str


def data_checks(results: Sequence[TargetResult]) -> list[DataCheck]:
    """Findings for the judged targets of one year, in the order of ``results``.

    Kinds: ``growth_mismatch``, ``share_of_plan_mismatch``, ``not_judged``, ``on_time_unknown``.
    """
    found: list[DataCheck] = []
    for result in results:
        target, year, figures = result.target, result.year, result.figures
        name = f"{target.code} ({target.indicator})"
        if result.missing:
            found.append(
                DataCheck(target.code, year, "not_judged", f"{name}: {result.missing} năm {year}, không đánh giá")
            )
            continue
        moved = change(target, year)
        if (
            moved is not None
            and moved.published is not None
            and abs(moved.computed - moved.published) > half_unit(moved.published)
        ):
            found.append(
                DataCheck(
                    target.code,
                    year,
                    "growth_mismatch",
                    f"{name}: mức tăng công bố năm {year} là {format_vn_percent(moved.published, None)}, "
                    f"nhưng tính từ số liệu {year - 1} và {year} trong bảng là {format_vn_percent(moved.computed)}",
                )
            )
        published_share = figures.published_share_of_plan
        if (
            published_share is not None
            and result.share_of_plan is not None
            and abs(result.share_of_plan - published_share) > half_unit(published_share)
        ):
            found.append(
                DataCheck(
                    target.code,
                    year,
                    "share_of_plan_mismatch",
                    f"{name}: tỷ lệ so với kế hoạch công bố năm {year} là {format_vn_percent(published_share, None)}, "
                    f"nhưng tính từ số liệu trong bảng là {format_vn_percent(result.share_of_plan)}",
                )
            )
        if result.on_time is None and result.status is not None:
            found.append(
                DataCheck(
                    target.code,
                    year,
                    "on_time_unknown",
                    f"{name}: có hạn trước cuối năm nhưng không ghi ngày đạt; tính là không đúng hạn",
                )
            )
    return found

"""The facts the rules engine reads, computed from judged targets, in the case-file shape.

The keys are those of ``tasks`` and ``led_units`` in ../shared/domain/case-format.md, and only
those (the case format refuses unknown keys), so the result can be merged into a subject.

Readings we had to make (stated in docs/targets.md):

- *completed* is vượt kế hoạch or hoàn thành; "cơ bản hoàn thành" is not completed;
- *on time* is a completed target reached by its deadline; an unknown date counts as not on time
  (and :func:`kiemdiem.targets.checks.data_checks` reports it);
- ``late_or_low_quality`` counts completed-but-late targets and "cơ bản hoàn thành" ones;
- ``key_targets_missed`` / ``basic_targets_missed`` are True when any key target / any of the
  five basic targets of 366-QĐ/TW Điều 11 k4 is "không hoàn thành".

Targets whose figures allow no judgement are left out of every count; the checks name them.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiemdiem.targets.status import Status, TargetResult


class NoJudgedTargetsError(ValueError):
    """No target could be judged for the year, so no share can be given."""


def subject_facts(results: Sequence[TargetResult]) -> dict[str, dict[str, object]]:
    """``{"tasks": {assigned, completed, on_time, exceeded, late_or_low_quality},
    "led_units": {targets_completed_share, on_time_share, exceeded_share, key_targets_missed,
    basic_targets_missed}}`` from the judged targets of one unit and year.

    Counts are ints, shares floats in 0..1, the two *missed* flags bools. Raises
    :class:`NoJudgedTargetsError` when no result has a status.
    """
    judged = [result for result in results if result.status is not None]
    if not judged:
        years = sorted({result.year for result in results})
        raise NoJudgedTargetsError(f"không có chỉ tiêu nào đủ số liệu để đánh giá (năm {years or '?'})")
    assigned = len(judged)
    completed = sum(1 for result in judged if result.status is not None and result.status.completed)
    on_time = sum(1 for result in judged if result.on_time is True)
    exceeded = sum(1 for result in judged if result.status is Status.EXCEEDED)
    mostly = sum(1 for result in judged if result.status is Status.MOSTLY_MET)
    late = sum(1 for result in judged if result.status is not None and result.status.completed and not result.on_time)
    missed = [result for result in judged if result.status is Status.MISSED]
    return {
        "tasks": {
            "assigned": assigned,
            "completed": completed,
            "on_time": on_time,
            "exceeded": exceeded,
            "late_or_low_quality": late + mostly,
        },
        "led_units": {
            "targets_completed_share": completed / assigned,
            "on_time_share": on_time / assigned,
            "exceeded_share": exceeded / assigned,
            "key_targets_missed": any(result.target.key for result in missed),
            "basic_targets_missed": any(result.target.basic is not None for result in missed),
        },
    }

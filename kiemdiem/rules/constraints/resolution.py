"""Applying a quota resolution that a competent person has confirmed.

:func:`~kiemdiem.rules.constraints.cycle.rate_cycle` only reports quota excesses. Here a human's
decision (which subjects move from HTXSNV down to HTTNV, who confirmed it, why) is checked
against the report and applied, returning a new result; the input result is never changed and a
refused resolution changes nothing (pitfalls.md #3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kiemdiem.rules.constraints.caps import head_cap
from kiemdiem.rules.constraints.conflicts import level_conflicts, quota_conflicts
from kiemdiem.rules.constraints.cycle import CycleResult, SubjectOutcome
from kiemdiem.rules.constraints.quotas import quota_frame, quota_report
from kiemdiem.rules.levels import Level
from kiemdiem.rules.reasons import Reason


class QuotaResolutionError(ValueError):
    """A resolution that cannot be applied; the message names the group and the subject."""


@dataclass(frozen=True)
class QuotaResolution:
    """The decision on one group over quota: ``group_key`` (``QuotaGroup.key``), ``drop`` (ids
    moved from HTXSNV to HTTNV), ``confirmed_by`` (the authority, required) and ``reason``."""

    group_key: str
    drop: tuple[str, ...]
    confirmed_by: str
    reason: str


def apply_quota_resolution(result: CycleResult, resolutions: Sequence[QuotaResolution]) -> CycleResult:
    """Apply confirmed quota resolutions to a cycle result.

    Every resolution must be confirmed (non-empty ``confirmed_by`` and ``reason``), name a group
    over quota in ``result``, drop only that group's HTXSNV subjects, and leave the group within
    its quota once the dropped subjects count as HTTNV. A head whose unit is dropped is capped again
    under their rulebook's head cap.

    Returns a new :class:`CycleResult`; raises :class:`QuotaResolutionError` (and applies nothing)
    if any resolution fails a check.
    """
    groups = {conflict.quota.key: conflict.quota for conflict in result.conflicts if conflict.quota is not None}
    outcomes = dict(result.outcomes)
    resolved: set[str] = set()
    for resolution in resolutions:
        if not resolution.confirmed_by.strip() or not resolution.reason.strip():
            raise QuotaResolutionError(
                f"Phương án xử lý tỷ lệ cho nhóm {resolution.group_key!r} chưa được xác nhận: cần người/cấp "
                "có thẩm quyền xác nhận (confirmed_by) và lý do (reason). Chưa thay đổi kết quả nào."
            )
        group = groups.get(resolution.group_key)
        if group is None or resolution.group_key in resolved:
            raise QuotaResolutionError(
                f"Không có nhóm vượt tỷ lệ {resolution.group_key!r} (hoặc nhóm đã được xử lý). "
                "Chưa thay đổi kết quả nào."
            )
        stray = [i for i in resolution.drop if i not in group.candidates]
        if stray or len(set(resolution.drop)) != len(resolution.drop):
            raise QuotaResolutionError(
                f"Nhóm {resolution.group_key!r}: {', '.join(stray) or 'danh sách có mã trùng'} không phải chủ thể "
                "xếp loại HTXSNV của nhóm. Chưa thay đổi kết quả nào."
            )
        kept, base = group.htxsnv - len(resolution.drop), group.base + len(resolution.drop)
        allowed = base * group.ratio.numerator // group.ratio.denominator
        if kept > allowed:
            raise QuotaResolutionError(
                f"Nhóm {resolution.group_key!r}: sau khi chuyển {len(resolution.drop)} chủ thể còn {kept} HTXSNV "
                f"so với {base} HTTNV, vẫn vượt mức tối đa {allowed}; cần chuyển ít nhất {group.drop_count}. "
                "Chưa thay đổi kết quả nào."
            )
        resolved.add(resolution.group_key)
        reason = Reason(
            rule=group.rule,
            cites=group.cites,
            text=(
                f"Chuyển từ HTXSNV xuống HTTNV do nhóm vượt tỷ lệ (tối đa {group.allowed}/{group.base} HTTNV); "
                f"{resolution.confirmed_by} xác nhận: {resolution.reason}"
            ),
            confirmed=group.confirmed,
        )
        for subject_id in resolution.drop:
            outcomes[subject_id] = _lowered(outcomes[subject_id], Level.HTTNV, reason)
    _recap_heads(result, outcomes)
    changed = {i for i in outcomes if outcomes[i] is not result.outcomes[i]}
    # the quota report follows the final levels: recomputed, its conflicts replace the old ones
    levels = {i: outcome.final_rating for i, outcome in outcomes.items()}
    rulebooks = {i: outcome.rulebook for i, outcome in outcomes.items()}
    report = quota_report(
        quota_frame(list(result.subjects.values()), levels, rulebooks),
        result.params,
        result.period,
        result.quota_exceptions,
    )
    conflicts = [
        conflict
        for conflict in result.conflicts
        if conflict.kind not in _QUOTA_KINDS
        and not (conflict.kind in _LEVEL_KINDS and set(conflict.subject_ids) & changed)
    ]
    for subject_id in sorted(changed):
        final = outcomes[subject_id].final_rating
        if final is not None:
            conflicts.extend(level_conflicts(result.subjects[subject_id], final, result.params.vote))
    conflicts.extend(quota_conflicts(report, {i: outcome.name for i, outcome in outcomes.items()}))
    return replace(
        result,
        outcomes=outcomes,
        quotas=report,
        conflicts=tuple(conflicts),
        resolutions=(*result.resolutions, *resolutions),
    )


_LEVEL_KINDS = {"self_level_above_final", "voted_level_above_final", "final_above_voted_level"}
_QUOTA_KINDS = {"quota_excess", "quota_group_missing", "quota_exception_not_applied"}


def _lowered(outcome: SubjectOutcome, level: Level, reason: Reason) -> SubjectOutcome:
    return replace(
        outcome,
        final_rating=level,
        reasons=(*outcome.reasons, reason),
        adjustments=(*outcome.adjustments, reason),
    )


def _recap_heads(result: CycleResult, outcomes: dict[str, SubjectOutcome]) -> None:
    dropped = {i for i in outcomes if outcomes[i] is not result.outcomes[i]}
    for head_id, outcome in list(outcomes.items()):
        headed = result.subjects[head_id].heads
        if headed not in dropped or outcome.final_rating is None or outcome.rulebook is None:
            continue
        headed_level = outcomes[headed].final_rating
        if headed_level is None:
            continue
        rule = result.params.rulebooks[outcome.rulebook].head_cap
        capped, reason = head_cap(outcome.final_rating, headed_level, outcomes[headed].name, rule)
        if reason is not None:
            outcomes[head_id] = _lowered(outcome, capped, reason)


__all__ = ["QuotaResolution", "QuotaResolutionError", "apply_quota_resolution"]

"""What the cycle hands to a human: conflicts between levels, ballots and quotas.

A :class:`Conflict` is never resolved automatically: a self-proposed or voted level above the
final level (pitfalls.md #7), a final level above what the ballots support (pitfalls.md #8), a
group over its HTXSNV quota, a subject the rules could not finish.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from kiemdiem.rules.constraints.parameters import VoteRule
from kiemdiem.rules.constraints.quotas import QuotaGroup, QuotaReport
from kiemdiem.rules.constraints.subjects import Subject
from kiemdiem.rules.levels import LEVELS_DESCENDING, Level
from kiemdiem.rules.reasons import Reason


@dataclass(frozen=True)
class Conflict:
    """Something a human must decide or explain.

    ``kind``: ``quota_excess``, ``quota_group_missing``, ``quota_exception_not_applied``,
    ``self_level_above_final``, ``voted_level_above_final``, ``final_above_voted_level``,
    ``needs_facts``, ``rulebook_unknown``, ``cap_unverifiable``; ``subject_ids``: who it concerns;
    ``text``: the Vietnamese sentence; ``reason``: the rule behind it, when there is one;
    ``quota``: the group, for quota excesses.
    """

    kind: str
    subject_ids: tuple[str, ...]
    text: str
    reason: Reason | None = None
    quota: QuotaGroup | None = None


def voted_level(votes: Mapping[Level, int], rule: VoteRule) -> Level | None:
    """The highest level that more than ``rule.more_than`` of the ballots put at it or above; None
    without ballots (QĐ 24-QĐ/TW tiểu mục 9.3, a general Party rule: unconfirmed for ratings)."""
    total = sum(votes.values())
    if total == 0:
        return None
    at_or_above = 0
    for level in LEVELS_DESCENDING:
        at_or_above += votes.get(level, 0)
        if Fraction(at_or_above, total) > rule.more_than:
            return level
    return None


def level_conflicts(subject: Subject, final: Level, vote: VoteRule) -> list[Conflict]:
    """Self-proposed level above the final level (pitfalls.md #7), voted level above it, or the
    final level above what the ballots support (pitfalls.md #8)."""
    found: list[Conflict] = []
    if subject.self_level is not None and subject.self_level.rank > final.rank:
        found.append(
            Conflict(
                "self_level_above_final",
                (subject.id,),
                f"{subject.label} tự đề xuất {subject.self_level.value} nhưng mức xếp loại cuối cùng là "
                f"{final.value}: cần giải thích cho chủ thể.",
            )
        )
    voted = voted_level(subject.votes or {}, vote)
    if voted is None:
        return found
    tally = ", ".join(f"{level.value}: {(subject.votes or {}).get(level, 0)}" for level in LEVELS_DESCENDING)
    reason = Reason(
        vote.rule, vote.cites, f"Mức được quá nửa số phiếu ủng hộ: {voted.value} ({tally}).", vote.confirmed
    )
    if voted.rank > final.rank:
        text = f"{subject.label}: hội nghị bỏ phiếu {voted.value} ({tally}) nhưng mức cuối cùng là {final.value}."
        found.append(Conflict("voted_level_above_final", (subject.id,), text, reason))
    elif final.rank > voted.rank:
        text = (
            f"{subject.label}: mức {final.value} cao hơn mức được quá nửa số phiếu ủng hộ ({voted.value}; {tally}); "
            "cần giải trình."
        )
        found.append(Conflict("final_above_voted_level", (subject.id,), text, reason))
    return found


def quota_conflicts(report: QuotaReport, names: Mapping[str, str]) -> list[Conflict]:
    """One conflict per group over quota, per rule with subjects lacking a group, per exception
    that could not be applied."""
    found = [
        Conflict(
            "quota_excess",
            group.candidates,
            group.text(names),
            Reason(group.rule, group.cites, group.text(names), group.confirmed),
            group,
        )
        for group in report.excesses
    ]
    for rule, ids in report.missing_group.items():
        who = ", ".join(f"{names.get(i, i)} ({i})" for i in ids)
        found.append(
            Conflict(
                "quota_group_missing",
                ids,
                f"Chưa tính được tỷ lệ HTXSNV theo {rule}: thiếu nhóm so sánh (quota_group/đơn vị) của {who}.",
            )
        )
    for key, text in report.exception_notes.items():
        found.append(Conflict("quota_exception_not_applied", (key,), text))
    return found

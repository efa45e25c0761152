"""Caps one subject's level by other subjects' levels and discipline.

Each function takes the level so far and returns the (possibly lower) level with the
:class:`~kiemdiem.rules.reasons.Reason` of the cap when it lowered anything; figures, citations
and ``confirmed`` come from the rulebook's parameters (``params/constraints.yaml``). A cap never
raises a level, and a level equal to the cap is left alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from kiemdiem.rules.constraints.parameters import (
    DISCIPLINE_FORM_RANK,
    HeadCap,
    MemberDiscipline,
    MemberShares,
    SubUnitDiscipline,
)
from kiemdiem.rules.constraints.ratios import format_percent
from kiemdiem.rules.levels import Level
from kiemdiem.rules.reasons import Reason

FORM_LABELS = {
    "khien_trach": "khiển trách",
    "canh_cao": "cảnh cáo",
    "ha_bac_luong": "hạ bậc lương",
    "giang_chuc": "giáng chức",
    "cach_chuc": "cách chức",
    "buoc_thoi_viec": "buộc thôi việc",
    "khai_tru": "khai trừ",
}


@dataclass(frozen=True)
class MemberDisciplineCount:
    """One member of a leadership collective: highest form of discipline decided in the period
    (rank of :data:`DISCIPLINE_FORM_RANK`, 0 = none), the same over violations in public duty only,
    and whether the member's discipline counts for this collective (366 Điều 11 k4 exceptions)."""

    subject_id: str
    form_rank: int
    duty_form_rank: int
    counts_here: bool


Capped = tuple[Level, Reason | None]


def head_cap(level: Level, headed_level: Level, headed_name: str, rule: HeadCap) -> Capped:
    """The head's level never above the level of the collective or unit headed (21-HD/BTCTW tiết 4
    điểm B mục II; NĐ 233/2026 Điều 12 k7; unconfirmed for 124 and 366)."""
    if not rule.enabled or level.rank <= headed_level.rank:
        return level, None
    reason = Reason(
        rule=rule.rule,
        cites=rule.cites,
        text=(
            f"Người đứng đầu không được xếp loại cao hơn {headed_name} ({headed_level.value}); "
            f"hạ từ {level.value} xuống {headed_level.value}."
        ),
        confirmed=rule.confirmed,
    )
    return headed_level, reason


def member_shares_cap(level: Level, ratings: Mapping[Level, int], whose: str, rule: MemberShares) -> Capped:
    """``rule.level`` needs at least the threshold share of ``ratings`` (members or
    sub-organisations rated this period) at or above each threshold level (21-HD/BTCTW phần II.B
    mục 1 tiểu mục 1.3: 100% ≥ HTNV and ≥ 80% ≥ HTTNV). ``whose``: "đảng viên" or "tổ chức
    đảng trực thuộc"."""
    rated = sum(ratings.values())
    if not rule.enabled or level.rank < rule.level.rank or rated == 0:
        return level, None
    for threshold, share in rule.thresholds:
        reached = sum(count for lvl, count in ratings.items() if lvl.rank >= threshold.rank)
        if Fraction(reached, rated) < share:
            reason = Reason(
                rule=rule.rule,
                cites=rule.cites,
                text=(
                    f"Chỉ {reached}/{rated} {whose} ({format_percent(Fraction(reached, rated))}) đạt {threshold.value} "
                    f"trở lên, chưa đủ {format_percent(share)} để xếp loại {rule.level.value}; "
                    f"hạ từ {level.value} xuống {rule.cap.value}."
                ),
                confirmed=rule.confirmed,
            )
            return rule.cap, reason
    return level, None


def member_discipline_cap(
    level: Level, members: list[MemberDisciplineCount], names: Mapping[str, str], rule: MemberDiscipline
) -> Capped:
    """A leadership collective with a member disciplined at ``rule.min_form`` or above in the period
    falls to ``rule.cap`` (21-HD: cảnh cáo → KHTNV; 366 Điều 11 k4: khiển trách for a duty-related
    violation → KHTNV, except a violation at the member's previous unit or outside the collective's
    remit; 124 Điều 12 k1 and 366 Điều 11 k1: any discipline → not HTXSNV)."""
    if not rule.enabled or level.rank <= rule.cap.rank:
        return level, None
    floor = DISCIPLINE_FORM_RANK[rule.min_form]
    hit = [
        member.subject_id
        for member in members
        if (member.duty_form_rank if rule.duty_related_only else member.form_rank) >= floor
        and (member.counts_here or not rule.honour_exceptions)
    ]
    if not hit:
        return level, None
    who = ", ".join(f"{names.get(i, i)} ({i})" for i in hit)
    duty = " do vi phạm khi thi hành công vụ" if rule.duty_related_only else ""
    reason = Reason(
        rule=rule.rule,
        cites=rule.cites,
        text=(
            f"Tập thể có thành viên bị kỷ luật từ {FORM_LABELS[rule.min_form]} trở lên trong kỳ{duty}: {who}; "
            f"hạ từ {level.value} xuống {rule.cap.value}."
        ),
        confirmed=rule.confirmed,
    )
    return rule.cap, reason


def sub_unit_discipline_cap(level: Level, disciplined: int, total: int, rule: SubUnitDiscipline) -> Capped:
    """More than ``rule.more_than`` of the sub-units disciplined in the period caps the collective
    at ``rule.cap`` (124-QĐ/TW Điều 12 k4: > 20% → KHTNV; any → not HTXSNV under 124 k1, 366 k1)."""
    if not rule.enabled or total == 0 or level.rank <= rule.cap.rank:
        return level, None
    share = Fraction(disciplined, total)
    if share <= rule.more_than:
        return level, None
    limit = "có đơn vị trực thuộc" if rule.more_than == 0 else f"quá {format_percent(rule.more_than)} đơn vị trực thuộc"
    reason = Reason(
        rule=rule.rule,
        cites=rule.cites,
        text=(
            f"{limit.capitalize()} bị kỷ luật trong kỳ ({disciplined}/{total}, {format_percent(share)}); "
            f"hạ từ {level.value} xuống {rule.cap.value}."
        ),
        confirmed=rule.confirmed,
    )
    return rule.cap, reason

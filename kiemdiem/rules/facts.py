"""The fact schema of ../shared/domain/case-format.md and its conversion to a polars frame.

A subject (the case-format ``subject`` map) becomes one row. Scalar keys keep their dotted path as
the column name (``tasks.exceeded``, ``party.status``, ``led_units.ratings.HTTNV``); list-valued
facts are aggregated here, once, into columns (``leave.sick_months``, ``discipline.any`` …) so the
conditions stay plain column expressions. A missing fact is null; rulebooks decide what a null
means (see docs/rules.md, "Missing facts").

Units: months are months (float), shares are 0..1, counts are numbers of tasks/units/members,
points are on the 100-point scale (common 0..30 + results 0..70). Levels are stored as their rank
(HTXSNV 3 … KHTNV 0, Int8); criterion grades as 3 (xuat_sac) … 0 (kem).

Raises ``FactError`` naming the dotted key and what was expected.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from kiemdiem.rules.discipline import aggregate_discipline
from kiemdiem.rules.errors import FactError
from kiemdiem.rules.levels import Level, SubjectKind

GRADES = {"xuat_sac": 3, "tot": 2, "trung_binh": 1, "kem": 0}
GRADE_LABELS = {3: "Xuất sắc", 2: "Tốt", 1: "Trung bình", 0: "Kém"}

# Criterion ids (case-format `criteria`) of the rulebooks that grade criteria (132, 124).
INDIVIDUAL_CRITERIA = ("political_ideology", "ethics_lifestyle", "discipline", "working_style", "task_results")
COLLECTIVE_CRITERIA = ("organization_building", "task_results")
CRITERIA = tuple(dict.fromkeys((*INDIVIDUAL_CRITERIA, *COLLECTIVE_CRITERIA, "remedies")))

LEAVE_KINDS = ("sick", "maternity", "personal", "study", "other")
EXEMPTIONS = ("none", "exempt_work_and_activity", "suspended_party_activity", "suspended_committee_activity")
RATING_KEYS = tuple(level.value for level in Level)

_BOOL, _NUM, _RANK, _STR = pl.Boolean, pl.Float64, pl.Int8, pl.String

SCHEMA: dict[str, Any] = {
    "kind": _STR,
    "holds_leadership": _BOOL,
    "is_head": _BOOL,
    "managed_by_central": _BOOL,
    "months_worked": _NUM,
    **{f"leave.{k}_months": _NUM for k in LEAVE_KINDS},
    "party.member": _BOOL,
    "party.status": _STR,
    "party.months_since_admission": _NUM,
    "party.exemption": _STR,
    "party.temporary_membership": _BOOL,
    "discipline.given": _BOOL,
    "discipline.any": _BOOL,
    "discipline.any_unremedied": _BOOL,
    "discipline.any_duty": _BOOL,
    "discipline.max_form": _RANK,
    "discipline.duty_max_form": _RANK,
    **{f"criteria.{c}": _RANK for c in CRITERIA},
    "score.common": _NUM,
    "score.results": _NUM,
    "score.total": _NUM,
    **{f"tasks.{k}": _NUM for k in ("assigned", "completed", "on_time", "exceeded", "late_or_low_quality")},
    "led_units.targets_completed_share": _NUM,
    "led_units.key_targets_missed": _BOOL,
    "led_units.basic_targets_missed": _BOOL,
    "led_units.on_time_share": _NUM,
    "led_units.exceeded_share": _NUM,
    "led_units.force_majeure": _BOOL,
    **{f"led_units.ratings.{k}": _NUM for k in RATING_KEYS},
    "led_units.disciplined": _NUM,
    "led_units.total": _NUM,
    "members.total": _NUM,
    **{f"members.ratings.{k}": _NUM for k in RATING_KEYS},
    "members.disciplined": _NUM,
    "members.disciplined_canh_cao_or_above": _NUM,
    "collective_rating": _RANK,
    "state_rating": _RANK,
    "self_rating": _RANK,
    "collective_disciplined": _BOOL,
    "disunity": _BOOL,
    "degradation": _BOOL,
    "low_confidence_vote_share": _NUM,
    "absent_from_meeting": _BOOL,
    "remedied_share": _NUM,
}

# Where a null aggregated column comes from, for the `missing` list of the output.
MISSING_KEY = {
    "discipline.any": "discipline.decided_in_period",
    "discipline.any_unremedied": "discipline.decided_in_period",
    "discipline.max_form": "discipline.decided_in_period",
    "discipline.any_duty": "discipline.in_public_duty",
    "discipline.duty_max_form": "discipline.in_public_duty",
    "score.total": "score",
    **{f"leave.{k}_months": "leave" for k in LEAVE_KINDS},
}

_TOP_KEYS = {
    "kind",
    "holds_leadership",
    "is_head",
    "managed_by_central",
    "months_worked",
    "leave",
    "party",
    "discipline",
    "criteria",
    "score",
    "tasks",
    "led_units",
    "members",
    "collective_rating",
    "state_rating",
    "collective_disciplined",
    "disunity",
    "degradation",
    "low_confidence_vote_share",
    "absent_from_meeting",
    "self_rating",
    "remedied_share",
}
_BOOL_KEYS = (
    "holds_leadership",
    "is_head",
    "managed_by_central",
    "collective_disciplined",
    "disunity",
    "degradation",
    "absent_from_meeting",
)
_LEVEL_KEYS = ("collective_rating", "state_rating", "self_rating")


def missing_key(column: str) -> str:
    """The case-format key to ask the user for when ``column`` is null."""
    return MISSING_KEY.get(column, column)


def subject_row(subject: Mapping[str, Any], period_months: float | None = None) -> dict[str, Any]:
    """Validate one case-format ``subject`` map and flatten it into a row of :data:`SCHEMA`.

    ``period_months`` (12 for a year, 3 for a quarter …), when given, bounds ``months_worked`` and
    the total of ``leave``. Raises ``FactError`` for an unknown key, a wrong type or a value out of
    range.
    """
    if not isinstance(subject, Mapping):
        raise FactError("subject", "cần một bảng khóa–giá trị (map)")
    _no_unknown(subject, _TOP_KEYS, "")
    row: dict[str, Any] = dict.fromkeys(SCHEMA)
    if "kind" not in subject:
        raise FactError("kind", "thiếu loại đối tượng (kind)")
    row["kind"] = _enum(subject["kind"], [k.value for k in SubjectKind], "kind")
    for key in _BOOL_KEYS:
        row[key] = _bool(subject.get(key), key)
    for key in _LEVEL_KEYS:
        value = subject.get(key)
        row[key] = None if value is None else Level(_enum(value, RATING_KEYS, key)).rank
    row["months_worked"] = _num(subject.get("months_worked"), "months_worked", hi=12 * 10)
    row["low_confidence_vote_share"] = _num(subject.get("low_confidence_vote_share"), "low_confidence_vote_share", hi=1)
    row["remedied_share"] = _num(subject.get("remedied_share"), "remedied_share", hi=1)
    _leave(subject.get("leave"), row)
    if period_months is not None:
        _within_period(row, period_months)
    _party(subject, row)
    aggregate_discipline(subject.get("discipline"), row)
    _criteria(subject.get("criteria"), row)
    _score(subject.get("score"), row)
    _tasks(subject.get("tasks"), row)
    _led_units(subject.get("led_units"), row)
    _members(subject.get("members"), row)
    return row


def facts_frame(subjects: Iterable[Mapping[str, Any]], period_months: float | None = None) -> pl.DataFrame:
    """Rows of :func:`subject_row` for each subject, as a frame with the :data:`SCHEMA` dtypes."""
    rows = [subject_row(s, period_months) for s in subjects]
    return pl.DataFrame(rows, schema=SCHEMA, orient="row") if rows else pl.DataFrame(schema=SCHEMA)


def _no_unknown(value: Mapping[str, Any], allowed: Iterable[str], prefix: str) -> None:
    allowed = set(allowed)
    for key in value:
        if key not in allowed:
            where = f"{prefix}{key}"
            raise FactError(where, f"khóa không có trong định dạng; các khóa hợp lệ: {', '.join(sorted(allowed))}")


def _map(value: Any, key: str) -> Mapping[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise FactError(key, "cần một bảng khóa–giá trị (map)")
    return value


def _bool(value: Any, key: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise FactError(key, f"cần true hoặc false, nhận được {value!r}")


def _num(value: Any, key: str, *, lo: float = 0, hi: float | None = None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FactError(key, f"cần một số, nhận được {value!r}")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an int too large for a float
        finite = False
    if not finite:
        raise FactError(key, f"cần một số hữu hạn, nhận được {value!r}")
    if value < lo or (hi is not None and value > hi):
        bound = f"từ {lo:g} đến {hi:g}" if hi is not None else f"không nhỏ hơn {lo:g}"
        raise FactError(key, f"giá trị {value!r} nằm ngoài khoảng cho phép ({bound})")
    return float(value)


def _count(value: Any, key: str) -> float | None:
    """A number of tasks, units or members: a whole number, 0 or more."""
    number = _num(value, key, hi=math.inf)
    if number is not None and not number.is_integer():
        raise FactError(key, f"cần một số nguyên (số lượng), nhận được {value!r}")
    return number


def _enum(value: Any, allowed: Iterable[str], key: str) -> str:
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise FactError(key, f"giá trị {value!r} không hợp lệ; cần một trong: {', '.join(allowed)}")
    return value


def _leave(value: Any, row: dict[str, Any]) -> None:
    if value is None:
        return
    if not isinstance(value, list):
        raise FactError("leave", "cần một danh sách các lần nghỉ {kind, months}")
    totals = dict.fromkeys(LEAVE_KINDS, 0.0)
    for i, item in enumerate(value):
        key = f"leave[{i}]"
        item = _map(item, key) or {}
        _no_unknown(item, {"kind", "months"}, f"{key}.")
        kind = _enum(item.get("kind"), LEAVE_KINDS, f"{key}.kind")
        months = _num(item.get("months"), f"{key}.months", hi=12 * 10)
        if months is None:
            raise FactError(f"{key}.months", "thiếu số tháng nghỉ")
        totals[kind] += months
    for kind, months in totals.items():
        row[f"leave.{kind}_months"] = months


def _within_period(row: dict[str, Any], months: float) -> None:
    worked = row["months_worked"]
    if worked is not None and worked > months:
        raise FactError("months_worked", f"{worked:g} tháng, dài hơn kỳ đánh giá ({months:g} tháng)")
    leave = [row[f"leave.{k}_months"] for k in LEAVE_KINDS if row[f"leave.{k}_months"] is not None]
    if leave and sum(leave) > months:
        raise FactError("leave", f"tổng thời gian nghỉ {sum(leave):g} tháng, dài hơn kỳ đánh giá ({months:g} tháng)")


def _party(subject: Mapping[str, Any], row: dict[str, Any]) -> None:
    party = _map(subject.get("party"), "party")
    row["party.member"] = party is not None or subject.get("kind") == SubjectKind.PARTY_MEMBER
    if party is None:
        return
    _no_unknown(party, {"status", "months_since_admission", "exemption", "temporary_membership"}, "party.")
    if "status" in party:
        row["party.status"] = _enum(party["status"], ("official", "probationary"), "party.status")
    row["party.months_since_admission"] = _num(party.get("months_since_admission"), "party.months_since_admission")
    if "exemption" in party:
        row["party.exemption"] = _enum(party["exemption"], EXEMPTIONS, "party.exemption")
    row["party.temporary_membership"] = _bool(party.get("temporary_membership"), "party.temporary_membership")


def _criteria(value: Any, row: dict[str, Any]) -> None:
    criteria = _map(value, "criteria")
    if criteria is None:
        return
    _no_unknown(criteria, CRITERIA, "criteria.")
    for key, grade in criteria.items():
        row[f"criteria.{key}"] = GRADES[_enum(grade, GRADES, f"criteria.{key}")]


def _score(value: Any, row: dict[str, Any]) -> None:
    """Recompute the total from its parts; refuse a total that disagrees with them (pitfall 2)."""
    score = _map(value, "score")
    if score is None:
        return
    _no_unknown(score, {"common", "results", "total"}, "score.")
    common = _num(score.get("common"), "score.common", hi=30)
    results = _num(score.get("results"), "score.results", hi=70)
    total = _num(score.get("total"), "score.total", hi=100)
    if (common is None) != (results is None):
        raise FactError("score", "cần cả 'common' (0..30) và 'results' (0..70), hoặc chỉ 'total' (0..100)")
    if common is not None and results is not None:
        parts = common + results
        if total is not None and abs(total - parts) > 1e-9:
            raise FactError("score.total", f"tổng {total:g} khác tổng các phần {common:g} + {results:g} = {parts:g}")
        total = parts
    row["score.common"], row["score.results"], row["score.total"] = common, results, total


def _tasks(value: Any, row: dict[str, Any]) -> None:
    tasks = _map(value, "tasks")
    if tasks is None:
        return
    keys = ("assigned", "completed", "on_time", "exceeded", "late_or_low_quality")
    _no_unknown(tasks, keys, "tasks.")
    counts = {k: _count(tasks.get(k), f"tasks.{k}") for k in keys}
    assigned, completed = counts["assigned"], counts["completed"]
    for key in keys[1:]:
        if assigned is not None and counts[key] is not None and counts[key] > assigned:  # type: ignore[operator]
            raise FactError(f"tasks.{key}", f"{counts[key]:g} lớn hơn số nhiệm vụ được giao ({assigned:g})")
    for key in ("on_time", "exceeded"):  # both are among the completed tasks
        if completed is not None and counts[key] is not None and counts[key] > completed:  # type: ignore[operator]
            raise FactError(f"tasks.{key}", f"{counts[key]:g} lớn hơn số nhiệm vụ đã hoàn thành ({completed:g})")
    for key, count in counts.items():
        row[f"tasks.{key}"] = count


def _ratings(value: Any, key: str, total: float | None, row: dict[str, Any]) -> float | None:
    """Counts per level; a level not listed in a given map counts 0. Returns the total (given or summed)."""
    ratings = _map(value, key)
    if ratings is None:
        return total
    _no_unknown(ratings, RATING_KEYS, f"{key}.")
    counts = {lvl: _count(ratings.get(lvl, 0), f"{key}.{lvl}") or 0.0 for lvl in RATING_KEYS}
    summed = sum(counts.values())
    if total is not None and summed > total:
        raise FactError(key, f"tổng số đã xếp loại ({summed:g}) lớn hơn tổng số ({total:g})")
    for lvl, count in counts.items():
        row[f"{key}.{lvl}"] = count
    return summed if total is None else total


def _led_units(value: Any, row: dict[str, Any]) -> None:
    led = _map(value, "led_units")
    if led is None:
        return
    shares = ("targets_completed_share", "on_time_share", "exceeded_share")
    flags = ("key_targets_missed", "basic_targets_missed", "force_majeure")
    _no_unknown(led, {*shares, *flags, "ratings", "disciplined", "total"}, "led_units.")
    for key in shares:
        row[f"led_units.{key}"] = _num(led.get(key), f"led_units.{key}", hi=1)
    for key in flags:
        row[f"led_units.{key}"] = _bool(led.get(key), f"led_units.{key}")
    total = _ratings(led.get("ratings"), "led_units.ratings", _count(led.get("total"), "led_units.total"), row)
    disciplined = _count(led.get("disciplined"), "led_units.disciplined")
    if disciplined is not None and total is not None and disciplined > total:
        raise FactError("led_units.disciplined", f"{disciplined:g} lớn hơn tổng số đơn vị ({total:g})")
    row["led_units.total"], row["led_units.disciplined"] = total, disciplined


def _members(value: Any, row: dict[str, Any]) -> None:
    members = _map(value, "members")
    if members is None:
        return
    _no_unknown(members, {"total", "ratings", "disciplined", "disciplined_canh_cao_or_above"}, "members.")
    total = _ratings(members.get("ratings"), "members.ratings", _count(members.get("total"), "members.total"), row)
    row["members.total"] = total
    for key in ("disciplined", "disciplined_canh_cao_or_above"):
        count = _count(members.get(key), f"members.{key}")
        if count is not None and total is not None and count > total:
            raise FactError(f"members.{key}", f"{count:g} lớn hơn tổng số thành viên ({total:g})")
        row[f"members.{key}"] = count

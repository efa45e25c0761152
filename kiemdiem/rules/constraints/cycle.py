"""The cycle runner: rate every subject of a cycle layer by layer, then apply the constraints.

:func:`rate_cycle` walks the order layers; for each layer it derives the cross-subject facts
from subjects already rated, calls the injected per-subject engine once on the whole layer,
applies the caps (head, member shares, member and sub-unit discipline), and at the end computes
the quota report. Nothing is resolved silently: quota excesses, a self-proposed or voted level
above the final level, a final level above the vote, and facts the engine still needs are
returned as :class:`Conflict` for a human.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol

from kiemdiem.rules.constraints import caps
from kiemdiem.rules.constraints.caps import MemberDisciplineCount
from kiemdiem.rules.constraints.conflicts import Conflict, level_conflicts, quota_conflicts, voted_level
from kiemdiem.rules.constraints.facts import Relations, build_relations, derived_facts, ratings_of
from kiemdiem.rules.constraints.order import order_layers
from kiemdiem.rules.constraints.parameters import (
    ConstraintParams,
    HeadCap,
    MemberDiscipline,
    MemberShares,
    RulebookParams,
    SubUnitDiscipline,
    load_params,
)
from kiemdiem.rules.constraints.quotas import QuotaException, QuotaReport, quota_frame, quota_report
from kiemdiem.rules.constraints.subjects import RULEBOOK_CODES, Subject, validate_subjects
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.reasons import Reason


class EngineResult(Protocol):
    """What the per-subject engine returns for one subject (case-format output)."""

    @property
    def status(self) -> str: ...  # rated | not_rated | review_only | needs_facts

    @property
    def rating(self) -> Level | None: ...

    @property
    def max_rating(self) -> Level | None: ...

    @property
    def reasons(self) -> Sequence[Reason]: ...


# (subject fact dicts of one layer, period) -> one result per subject, same order.
Engine = Callable[[Sequence[Mapping[str, Any]], str], Sequence[EngineResult]]


class EngineError(RuntimeError):
    """The injected engine broke its contract (wrong number of results, unknown status)."""


STATUSES = ("rated", "not_rated", "review_only", "needs_facts")


@dataclass(frozen=True)
class SubjectOutcome:
    """One subject after the cycle: ``engine_rating`` (the engine's level), ``final_rating``
    (after caps and any confirmed quota resolution), all ``reasons`` (engine's, then the
    constraints'), ``adjustments`` (the constraints' reasons only), the ``facts`` sent to the
    engine (with the derived ones) and the ``rulebook`` code the constraints used."""

    subject_id: str
    name: str
    layer: int
    rulebook: str | None
    status: str
    engine_rating: Level | None
    final_rating: Level | None
    reasons: tuple[Reason, ...]
    adjustments: tuple[Reason, ...]
    facts: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class CycleResult:
    """``layers`` (ids, in rating order), ``outcomes`` by id, the ``quotas`` report over final
    levels, every ``conflicts`` item, the ``params`` used, the ``subjects`` by id, the quota
    resolutions applied (:mod:`kiemdiem.rules.constraints.resolution`) and the quota exceptions
    granted (kept so that the report can be recomputed after a resolution)."""

    period: str
    layers: list[list[str]]
    outcomes: Mapping[str, SubjectOutcome]
    quotas: QuotaReport
    conflicts: tuple[Conflict, ...]
    params: ConstraintParams = field(repr=False)
    subjects: Mapping[str, Subject] = field(repr=False, default_factory=dict)
    resolutions: tuple[Any, ...] = ()
    quota_exceptions: Mapping[str, QuotaException] = field(repr=False, default_factory=dict)


def rate_cycle(
    subjects: Sequence[Subject],
    engine: Engine,
    period: str,
    *,
    params: ConstraintParams | None = None,
    default_rulebooks: Mapping[str, str] | None = None,
    quota_exceptions: Mapping[str, QuotaException] | None = None,
) -> CycleResult:
    """Rate a whole cycle.

    ``engine`` receives, per layer, one dict per subject: its ``facts`` plus ``kind``, the derived
    ``collective_rating``/``is_head`` (heads), ``state_rating`` (party members with a state
    counterpart), ``members``/``led_units`` blocks (organisations and collectives), and
    ``rulebook`` when the subject names one. The constraints use the subject's ``rulebook``, else
    a ``rulebook`` attribute of the engine result when it is a known code, else
    ``default_rulebooks[side]``. ``params`` defaults to :func:`load_params`.

    Raises :class:`~kiemdiem.rules.constraints.subjects.SubjectError` (bad subject set),
    :class:`~kiemdiem.rules.constraints.order.OrderCycleError` (no order), :class:`EngineError`
    (engine broke its contract), ``QuotaInputError`` / ``ParamsError`` (bad exception or period).
    """
    params = params or load_params()
    index = validate_subjects(subjects)
    layers = order_layers(subjects)
    relations = build_relations(index)
    names = {subject_id: subject.name for subject_id, subject in index.items()}
    levels: dict[str, Level | None] = {}
    outcomes: dict[str, SubjectOutcome] = {}
    conflicts: list[Conflict] = []
    for number, layer in enumerate(layers):
        derived = derived_facts(relations, layer, levels)
        payload = [_engine_facts(index[i], derived.get(i, {}), levels) for i in layer]
        results = list(engine(payload, period))
        if len(results) != len(layer):
            raise EngineError(f"Bộ máy xếp loại trả về {len(results)} kết quả cho {len(layer)} chủ thể ở lớp {number}.")
        for subject_id, facts, result in zip(layer, payload, results, strict=True):
            outcome, found = _finish(
                index[subject_id], number, facts, result, levels, relations, names, params, default_rulebooks
            )
            outcomes[subject_id] = outcome
            levels[subject_id] = outcome.final_rating
            conflicts.extend(found)
    rulebooks = {subject_id: outcome.rulebook for subject_id, outcome in outcomes.items()}
    report = quota_report(quota_frame(subjects, levels, rulebooks), params, period, quota_exceptions)
    conflicts.extend(quota_conflicts(report, names))
    return CycleResult(
        period, layers, outcomes, report, tuple(conflicts), params, index, quota_exceptions=dict(quota_exceptions or {})
    )


def _engine_facts(
    subject: Subject, derived: Mapping[str, Mapping[str, object]], levels: Mapping[str, Level | None]
) -> dict[str, Any]:
    facts: dict[str, Any] = {**subject.facts, "kind": subject.kind.value}
    if subject.rulebook is not None:
        facts["rulebook"] = subject.rulebook
    for block, values in derived.items():
        given = facts.get(block)
        facts[block] = {**(given if isinstance(given, Mapping) else {}), **values}
    if subject.heads is not None:
        facts["is_head"] = True
        if levels.get(subject.heads) is not None:
            facts["collective_rating"] = levels[subject.heads]
    if subject.state_counterpart is not None and levels.get(subject.state_counterpart) is not None:
        facts["state_rating"] = levels[subject.state_counterpart]
    return facts


def _finish(
    subject: Subject,
    layer: int,
    facts: Mapping[str, Any],
    result: EngineResult,
    levels: Mapping[str, Level | None],
    relations: Relations,
    names: Mapping[str, str],
    params: ConstraintParams,
    default_rulebooks: Mapping[str, str] | None,
) -> tuple[SubjectOutcome, list[Conflict]]:
    if result.status not in STATUSES:
        raise EngineError(
            f"{subject.label}: trạng thái {result.status!r} không hợp lệ; cần một trong {', '.join(STATUSES)}."
        )
    engine_reasons = tuple(result.reasons)
    conflicts: list[Conflict] = []
    rulebook = _rulebook(subject, result, default_rulebooks)
    if result.status == "needs_facts":
        # Name the missing facts when the engine lists them: that is what the organiser must supply.
        missing = list(getattr(result, "missing", None) or ())
        reasons_text = "; ".join(reason.text.rstrip(". ") for reason in engine_reasons)
        text = (
            ("thiếu dữ kiện: " + ", ".join(missing)) if missing else reasons_text or "bộ máy xếp loại cần thêm dữ kiện"
        )
        conflicts.append(Conflict("needs_facts", (subject.id,), f"{subject.label}: chưa xếp loại được — {text}."))
    rating = _level(subject, "rating", result.rating) if result.status == "rated" else None
    ceiling = _level(subject, "max_rating", result.max_rating)
    if rating is not None and ceiling is not None and ceiling.rank < rating.rank:
        rating = ceiling
    adjustments: list[Reason] = []
    final = rating
    if final is not None and rulebook is None:
        conflicts.append(
            Conflict(
                "rulebook_unknown",
                (subject.id,),
                f"{subject.label}: không xác định được bộ quy định nên chưa áp dụng ràng buộc giữa các chủ thể.",
            )
        )
    elif final is not None and rulebook is not None:
        final = _apply_caps(
            subject, final, params.rulebooks[rulebook], facts, levels, relations, names, adjustments, conflicts
        )
    if final is not None:
        conflicts.extend(level_conflicts(subject, final, params.vote))
    outcome = SubjectOutcome(
        subject_id=subject.id,
        name=subject.name,
        layer=layer,
        rulebook=rulebook,
        status=result.status,
        engine_rating=rating,
        final_rating=final,
        reasons=engine_reasons + tuple(adjustments),
        adjustments=tuple(adjustments),
        facts=facts,
    )
    return outcome, conflicts


def _level(subject: Subject, key: str, value: object) -> Level | None:
    """The engine's level as a :class:`Level` (a level code string is accepted)."""
    if value is None or isinstance(value, Level):
        return value
    try:
        return Level(str(value))
    except ValueError:
        raise EngineError(
            f"{subject.label}: bộ máy xếp loại trả về {key} = {value!r}, không phải một mức xếp loại."
        ) from None


def _rulebook(subject: Subject, result: EngineResult, defaults: Mapping[str, str] | None) -> str | None:
    if subject.rulebook is not None:
        return subject.rulebook
    reported = getattr(result, "rulebook", None)
    if isinstance(reported, str) and reported in RULEBOOK_CODES:
        return reported
    return (defaults or {}).get(subject.side)


def _apply_caps(
    subject: Subject,
    level: Level,
    rulebook: RulebookParams,
    facts: Mapping[str, Any],
    levels: Mapping[str, Level | None],
    relations: Relations,
    names: Mapping[str, str],
    adjustments: list[Reason],
    conflicts: list[Conflict],
) -> Level:
    steps: list[Callable[[Level], caps.Capped]] = []
    if subject.heads is not None and rulebook.head_cap.enabled:
        headed = levels.get(subject.heads)
        if headed is None:
            conflicts.append(
                Conflict(
                    "cap_unverifiable",
                    (subject.id, subject.heads),
                    f"{subject.label}: chưa có mức xếp loại của {names[subject.heads]} ({subject.heads}) "
                    f"nên chưa kiểm tra được trần của người đứng đầu ({rulebook.head_cap.cites}).",
                )
            )
        else:
            steps.append(partial(_head, headed=headed, name=names[subject.heads], rule=rulebook.head_cap))
    if subject.kind is SubjectKind.PARTY_ORGANIZATION:
        members, units = facts.get("members"), facts.get("led_units")
        for block, whose in ((members, "đảng viên"), (units, "tổ chức đảng trực thuộc")):
            steps.append(partial(_shares, ratings=ratings_of(block), whose=whose, rule=rulebook.member_shares))
    if subject.kind is SubjectKind.COLLECTIVE:
        disciplined = relations.collective_discipline.get(subject.id, [])
        for discipline_rule in rulebook.member_discipline:
            steps.append(partial(_discipline, members=disciplined, names=names, rule=discipline_rule))
    units = facts.get("led_units")
    if not subject.kind.is_individual and isinstance(units, Mapping):
        for unit_rule in rulebook.sub_unit_discipline:
            counts = int(units.get("disciplined", 0)), int(units.get("total", 0))
            steps.append(partial(_sub_units, disciplined=counts[0], total=counts[1], rule=unit_rule))
    for step in steps:
        capped, reason = step(level)
        if reason is not None and capped.rank < level.rank:
            level = capped
            adjustments.append(reason)
    return level


# keyword adapters so that each cap sees the level left by the caps before it
def _head(level: Level, *, headed: Level, name: str, rule: HeadCap) -> caps.Capped:
    return caps.head_cap(level, headed, name, rule)


def _shares(level: Level, *, ratings: Mapping[Level, int], whose: str, rule: MemberShares) -> caps.Capped:
    return caps.member_shares_cap(level, ratings, whose, rule)


def _discipline(
    level: Level, *, members: list[MemberDisciplineCount], names: Mapping[str, str], rule: MemberDiscipline
) -> caps.Capped:
    return caps.member_discipline_cap(level, members, names, rule)


def _sub_units(level: Level, *, disciplined: int, total: int, rule: SubUnitDiscipline) -> caps.Capped:
    return caps.sub_unit_discipline_cap(level, disciplined, total, rule)


__all__ = [
    "Conflict",
    "CycleResult",
    "Engine",
    "EngineError",
    "EngineResult",
    "SubjectOutcome",
    "rate_cycle",
    "voted_level",
]

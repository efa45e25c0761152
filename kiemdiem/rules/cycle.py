"""A whole cycle rated with the real rulebooks: the constraints' runner with the engine plugged in.

:func:`kiemdiem.rules.constraints.rate_cycle` takes the per-subject engine as a parameter so that
the order, caps and quotas stay independent of any rulebook. This module supplies the engine built
on :func:`kiemdiem.rules.rate_subjects`: each layer is rated in as few frame evaluations as there
are distinct rulebooks in it (one per rulebook code named by the subjects, plus one for those that
let the period choose).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kiemdiem.rules.api import SubjectResult, rate_subjects
from kiemdiem.rules.constraints import CycleResult, QuotaException, Subject, SubjectError, rate_cycle
from kiemdiem.rules.constraints.parameters import ConstraintParams, load_params
from kiemdiem.rules.errors import FactError
from kiemdiem.rules.facts import subject_row
from kiemdiem.rules.params import ParamOverrides
from kiemdiem.rules.periods import parse_period

# Engine conditions that the constraints apply in a cycle with facts the engine does not have:
# (rulebook, condition) -> the constraint's member-discipline rule. 366-QĐ/TW Điều 11 k4 makes a
# leadership collective KHTNV only for a member's duty-related violation, and not for one at the
# member's previous unit or outside the collective's remit; the derived ``members.disciplined``
# counts every discipline (right for the HTXSNV test of k1, too wide for k4).
DELEGATED: dict[tuple[str, str], str] = {("party-366-43hd", "r366.c.k.member_disciplined"): "r366.k.c"}


def delegated_overrides(params: ParamOverrides | None, constraint_params: ConstraintParams) -> ParamOverrides:
    """``params`` plus the engine conditions whose constraint rule is enabled (see :data:`DELEGATED`)."""
    delegated: dict[str, dict[str, str]] = {}
    for (code, condition), rule in DELEGATED.items():
        book = constraint_params.rulebooks.get(code)
        if book and any(r.rule == rule and r.enabled for r in book.member_discipline):
            delegated.setdefault(code, {})[condition] = rule
    return dataclasses.replace(params or ParamOverrides(), delegated=delegated)


def rules_engine(
    *, params: ParamOverrides | None = None
) -> Callable[[Sequence[Mapping[str, Any]], str], list[SubjectResult]]:
    """The engine :func:`rate_cycle` expects, backed by the rulebooks.

    The runner adds a ``rulebook`` key (a rulebook code) to the facts of a subject that names one;
    it is not a case-format key, so it is taken out here and passed as ``rate_subjects``'
    ``rulebook`` argument. Results come back in the order of ``payload``. Raises what
    :func:`rate_subjects` raises (``FactError`` naming the key, ``NoRulebookError`` …).
    """

    def engine(payload: Sequence[Mapping[str, Any]], period: str) -> list[SubjectResult]:
        by_rulebook: dict[str | None, list[int]] = {}
        for index, facts in enumerate(payload):
            by_rulebook.setdefault(facts.get("rulebook"), []).append(index)
        results: list[SubjectResult | None] = [None] * len(payload)
        for code, indexes in by_rulebook.items():
            subjects = [{key: value for key, value in payload[i].items() if key != "rulebook"} for i in indexes]
            for index, result in zip(
                indexes, rate_subjects(subjects, period, params=params, rulebook=code), strict=True
            ):
                results[index] = result
        return [result for result in results if result is not None]

    return engine


def rate_cycle_with_rules(
    subjects: Sequence[Subject],
    period: str,
    *,
    params: ParamOverrides | None = None,
    constraint_params: ConstraintParams | None = None,
    quota_exceptions: Mapping[str, QuotaException] | None = None,
) -> CycleResult:
    """Rate every subject of a cycle in the rules' order, then apply caps and report quotas.

    ``params`` override rulebook thresholds (``kiemdiem rate-case --params``); ``constraint_params``
    the cross-subject ones (defaults: kiemdiem/rules/constraints/params/); an engine condition the
    constraints apply with fuller facts is left to them (:data:`DELEGATED`). The rulebook of a
    subject that names none is the one :func:`kiemdiem.rules.select_rulebook` gives for the period
    and its kind. Raises ``SubjectError`` (also for facts that do not follow the case format, naming the
    subject and the key), ``OrderCycleError``, ``NoRulebookError``.
    """
    _check_shapes(subjects)
    constraint_params = constraint_params or load_params()
    try:
        return rate_cycle(
            subjects,
            rules_engine(params=delegated_overrides(params, constraint_params)),
            period,
            params=constraint_params,
            quota_exceptions=quota_exceptions,
        )
    except FactError:
        check_facts(subjects, period)  # find the subject at fault only when there is one (a second pass)
        raise


def _check_shapes(subjects: Sequence[Subject]) -> None:
    for subject in subjects:
        if not isinstance(subject.facts, Mapping):
            raise SubjectError(f"{subject.label}: khóa 'facts' cần một bảng khóa–giá trị, nhận {subject.facts!r}.")
        kind = subject.facts.get("kind", subject.kind.value)
        if kind != subject.kind.value:
            raise SubjectError(
                f"{subject.label}: khóa 'facts.kind' là {kind!r}, khác loại của chủ thể ({subject.kind.value})."
            )


def check_facts(subjects: Sequence[Subject], period: str) -> None:
    """Raise ``SubjectError`` naming the first subject (name and id) whose facts are not a
    case-format ``subject`` map, and the key — which the engine alone cannot do in a cycle."""
    _check_shapes(subjects)
    months = parse_period(period).months
    for subject in subjects:
        try:
            subject_row({**subject.facts, "kind": subject.kind.value}, months)
        except FactError as exc:
            raise SubjectError(f"{subject.label}: khóa 'facts.{exc.key}': {exc.detail}") from exc

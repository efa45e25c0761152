"""A whole cycle rated with the real rulebooks: the constraints' runner with the engine plugged in.

:func:`kiemdiem.rules.constraints.rate_cycle` takes the per-subject engine as a parameter so that
the order, caps and quotas stay independent of any rulebook. This module supplies the engine built
on :func:`kiemdiem.rules.rate_subjects`: each layer is rated in as few frame evaluations as there
are distinct rulebooks in it (one per rulebook code named by the subjects, plus one for those that
let the period choose).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kiemdiem.rules.api import SubjectResult, rate_subjects
from kiemdiem.rules.constraints import CycleResult, QuotaException, Subject, rate_cycle
from kiemdiem.rules.constraints.cycle import Engine
from kiemdiem.rules.constraints.parameters import ConstraintParams
from kiemdiem.rules.params import ParamOverrides


def rules_engine(*, params: ParamOverrides | None = None) -> Engine:
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
    the cross-subject ones (defaults: kiemdiem/rules/constraints/params/). The rulebook of a
    subject that names none is the one :func:`kiemdiem.rules.select_rulebook` gives for the period
    and its kind. Raises ``SubjectError``, ``OrderCycleError``, ``FactError``, ``NoRulebookError``.
    """
    return rate_cycle(
        subjects,
        rules_engine(params=params),
        period,
        params=constraint_params,
        quota_exceptions=quota_exceptions,
    )

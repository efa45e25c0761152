"""The public entry point for a list of case-format subjects: :func:`rate_subjects`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiemdiem.rules.engine import apply_plans, plan_for
from kiemdiem.rules.explain import explain_row
from kiemdiem.rules.facts import facts_frame
from kiemdiem.rules.levels import Level
from kiemdiem.rules.params import ParamOverrides
from kiemdiem.rules.periods import Period, parse_period
from kiemdiem.rules.reasons import Reason


@dataclass(frozen=True)
class SubjectResult:
    """The rating of one subject.

    ``status``: ``rated`` | ``not_rated`` | ``review_only`` | ``needs_facts``; ``rating`` is set only
    when rated; ``min_rating``/``max_rating`` bound the possible levels (None when excluded);
    ``missing``: case-format keys whose absence leaves the level open; ``assumptions``: Vietnamese
    sentences for every default used.
    """

    status: str
    rating: Level | None
    min_rating: Level | None
    max_rating: Level | None
    reasons: list[Reason]
    missing: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    rulebook_code: str = ""
    rulebook_name: str = ""

    @property
    def rulebook(self) -> str:
        """The rulebook code (the name the cross-subject constraints read)."""
        return self.rulebook_code


def rate_subjects(
    subjects: Sequence[Mapping[str, Any]],
    period: str | int | Period,
    *,
    params: ParamOverrides | None = None,
    rulebook: str | None = None,
) -> list[SubjectResult]:
    """Rate case-format ``subject`` maps for ``period`` (rulebook chosen per kind unless given).

    Raises ``FactError`` (bad facts, naming the key), ``PeriodError``, ``NoRulebookError``.
    """
    p = period if isinstance(period, Period) else parse_period(period)
    frame = facts_frame(subjects, p.months)
    kinds = frame.get_column("kind").unique(maintain_order=True).to_list()
    plans = plan_for(kinds, p, params, rulebook)
    out = apply_plans(frame, plans, explain=True)
    results = []
    for row in out.iter_rows(named=True):
        plan = plans[row["kind"]]
        why = explain_row(row, plan.rules, plan.notices)
        results.append(
            SubjectResult(
                status=row["status"],
                rating=_level(row["rating"]),
                min_rating=_level(row["min_rating"]),
                max_rating=_level(row["max_rating"]),
                reasons=why.reasons,
                missing=why.missing,
                assumptions=why.assumptions,
                rulebook_code=plan.rulebook.code,
                rulebook_name=plan.rulebook.name,
            )
        )
    return results


def _level(code: str | None) -> Level | None:
    return None if code is None else Level(code)

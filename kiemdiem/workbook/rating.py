"""The one adapter between the workbook and the rules: rate a whole cycle with the period's
rulebooks (``kiemdiem.rules.rate_subjects``) under the cross-subject constraints
(``kiemdiem.rules.constraints.rate_cycle``).

Kept in one module so that a change of either interface is fixed here only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiemdiem.rules import FactError, SubjectResult
from kiemdiem.rules.constraints import CycleResult, Subject, load_params, rate_cycle
from kiemdiem.rules.constraints.parameters import ConstraintParams
from kiemdiem.rules.cycle import check_facts, delegated_overrides, rules_engine
from kiemdiem.rules.levels import Level
from kiemdiem.rules.reasons import Reason
from kiemdiem.workbook.reader import CycleBook
from kiemdiem.workbook.subjects import SubjectInfo, build_subjects


@dataclass(frozen=True)
class EngineOutcome:
    """A :class:`~kiemdiem.rules.SubjectResult` with the ``rulebook`` attribute the cycle runner reads."""

    status: str
    rating: Level | None
    max_rating: Level | None
    reasons: Sequence[Reason]
    rulebook: str
    rulebook_name: str
    missing: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()


@dataclass
class ReviewRun:
    """Everything one review run produced: the book, the subjects and their details, the cycle
    result of the constraints runner, and the engine's own output per subject id."""

    book: CycleBook
    subjects: list[Subject]
    info: dict[str, SubjectInfo]
    result: CycleResult
    engine: dict[str, EngineOutcome] = field(default_factory=dict)


def _outcome(result: SubjectResult) -> EngineOutcome:
    return EngineOutcome(
        status=result.status,
        rating=result.rating,
        max_rating=result.max_rating,
        reasons=tuple(result.reasons),
        rulebook=result.rulebook_code,
        rulebook_name=result.rulebook_name,
        missing=tuple(result.missing),
        assumptions=tuple(result.assumptions),
    )


class _Engine:
    """The per-layer engine handed to ``rate_cycle`` (the rulebooks' engine of
    :mod:`kiemdiem.rules.cycle`); remembers each subject's engine output and reports progress."""

    def __init__(self, on_layer: Callable[[int], None] | None, params: ConstraintParams) -> None:
        self.on_layer = on_layer
        self.rate = rules_engine(params=delegated_overrides(None, params))
        self.by_index: list[EngineOutcome] = []

    def __call__(self, subjects: Sequence[Mapping[str, Any]], period: str) -> list[EngineOutcome]:
        outcomes = [_outcome(result) for result in self.rate(subjects, period)]
        self.by_index.extend(outcomes)
        if self.on_layer is not None:
            self.on_layer(len(subjects))
        return outcomes


def run_review(book: CycleBook, period: str, *, on_layer: Callable[[int], None] | None = None) -> ReviewRun:
    """Rate every subject of ``book`` for ``period``; ``on_layer(n)`` is called after each layer of
    ``n`` subjects (for a progress bar).

    Raises ``kiemdiem.rules.RulesError`` (a period the engine refuses) and the constraint errors
    ``SubjectError`` (also a fact the engine refuses, naming the subject and the key) /
    ``OrderCycleError`` (relations that cannot be ordered), each with a Vietnamese message.
    """
    subjects, info = build_subjects(book)
    params = load_params()
    engine = _Engine(on_layer, params)
    try:
        result = rate_cycle(subjects, engine, period, params=params)
    except FactError:
        check_facts(subjects, period)  # name the subject at fault
        raise
    order = [subject_id for layer in result.layers for subject_id in layer]
    return ReviewRun(book, subjects, info, result, dict(zip(order, engine.by_index, strict=True)))

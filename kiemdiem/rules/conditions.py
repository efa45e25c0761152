"""Conditions: the unit of a rulebook (id, citation, confirmed flag, polars expression, texts).

A condition is a boolean polars expression over the fact columns of :mod:`kiemdiem.rules.facts`,
evaluated in three-valued (Kleene) logic: null means "the facts do not decide it". ``default``
(for adverse facts: discipline, degradation …, default false) or ``assume_when`` (an expression
that already fills a fact and says on which rows it did) turn an unknown into a value and put the
``assumption`` sentence into the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import polars as pl

from kiemdiem.rules.levels import Level


@dataclass(frozen=True)
class Condition:
    """One rule test. ``text`` is the Vietnamese reason when it holds, ``text_false`` when it fails."""

    id: str
    cites: str
    expr: pl.Expr
    text: str
    text_false: str
    confirmed: bool = True
    default: bool | None = None
    assume_when: pl.Expr | None = None
    assumption: str | None = None

    @cached_property  # asked for every subject by the explanations; the expression never changes
    def reads(self) -> tuple[str, ...]:
        """The fact columns the expression reads (from the expression tree)."""
        return tuple(dict.fromkeys(self.expr.meta.root_names()))

    def effective(self) -> pl.Expr:
        """The value used for the decision: the raw value, or the default where it is null."""
        return self.expr if self.default is None else self.expr.fill_null(self.default)

    def assumed(self) -> pl.Expr:
        """True on the rows where an assumption decided the value."""
        flags = []
        if self.default is not None:
            flags.append(self.expr.is_null())
        if self.assume_when is not None:
            flags.append(self.assume_when.fill_null(False))
        return pl.any_horizontal(flags) if flags else pl.lit(False)


@dataclass(frozen=True)
class Exclusion:
    """A subject excluded from rating: ``not_rated`` (neither reviewed nor rated) or ``review_only``."""

    condition: Condition
    status: Literal["not_rated", "review_only"]


@dataclass(frozen=True)
class Cap:
    """When ``condition`` holds, the level is at most ``rank`` (an Int expression, e.g. a fixed level or a column)."""

    condition: Condition
    rank: pl.Expr


@dataclass(frozen=True)
class KindRules:
    """The rules of one rulebook for one subject kind.

    ``levels`` lists, for HTXSNV, HTTNV and HTNV, the conditions that must all hold; KHTNV is the
    floor. ``triggers`` make the subject KHTNV when any holds. ``notes`` only explain.
    ``floor_gap``: the citation of the KHTNV clause when the instrument lists its KHTNV cases and
    they do not cover every subject that fails HTNV (e.g. 21–50% of tasks late under NĐ 90): such a
    subject still falls to KHTNV, with an unconfirmed reason saying the text leaves the case open.
    """

    exclusions: list[Exclusion] = field(default_factory=list)
    triggers: list[Condition] = field(default_factory=list)
    levels: dict[Level, list[Condition]] = field(default_factory=dict)
    caps: list[Cap] = field(default_factory=list)
    notes: list[Condition] = field(default_factory=list)
    floor_gap: str | None = None

    def all_conditions(self) -> list[Condition]:
        found = [e.condition for e in self.exclusions] + self.triggers + [c.condition for c in self.caps]
        for level in (Level.HTXSNV, Level.HTTNV, Level.HTNV):
            found += self.levels.get(level, [])
        return found + self.notes

    def without(self, disabled: frozenset[str]) -> KindRules:
        """A copy without the conditions switched off by configuration."""
        if not disabled:
            return self
        return KindRules(
            exclusions=[e for e in self.exclusions if e.condition.id not in disabled],
            triggers=[c for c in self.triggers if c.id not in disabled],
            levels={lvl: [c for c in cs if c.id not in disabled] for lvl, cs in self.levels.items()},
            caps=[c for c in self.caps if c.condition.id not in disabled],
            notes=[c for c in self.notes if c.id not in disabled],
            floor_gap=self.floor_gap,
        )


def pct(share: float) -> str:
    """0.2 -> '20%', 0.855 -> '85,5%' (Vietnamese decimal comma)."""
    return f"{num(share * 100)}%"


def num(value: float) -> str:
    """69.5 -> '69,5'; 1756.3 -> '1.756,3'; 70.0 -> '70'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")

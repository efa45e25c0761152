"""A rulebook: one instrument set, the periods and subject kinds it covers, and its builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kiemdiem.rules.conditions import KindRules
from kiemdiem.rules.levels import SubjectKind
from kiemdiem.rules.params import Params
from kiemdiem.rules.periods import PeriodKind

PARTY_KINDS = frozenset({SubjectKind.PARTY_MEMBER, SubjectKind.COLLECTIVE, SubjectKind.PARTY_ORGANIZATION})
STATE_KINDS = frozenset({SubjectKind.CADRE, SubjectKind.CIVIL_SERVANT, SubjectKind.PUBLIC_EMPLOYEE})


@dataclass(frozen=True)
class Rulebook:
    """``code`` (e.g. ``party-132-21hd``), display ``name``, ``module`` (its params file stem),
    the review years it covers (``last_year`` None = open), the period kinds and subject kinds,
    and ``build(kind, params) -> KindRules``."""

    code: str
    name: str
    module: str
    first_year: int
    last_year: int | None
    kinds: frozenset[SubjectKind]
    build: Callable[[SubjectKind, Params], KindRules]
    period_kinds: frozenset[PeriodKind] = frozenset({PeriodKind.YEAR})

    def condition_ids(self) -> frozenset[str]:
        """The ids of every condition of every kind (built with the values of the first year)."""
        params = Params(self.code, self.module, date(self.first_year, 12, 31))
        return frozenset(c.id for kind in self.kinds for c in self.build(kind, params).all_conditions())

    def covers_year(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

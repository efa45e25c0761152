"""A target across years: change year on year, and the rank of a year among those recorded.

Only years up to the one reported are used: a 2023 report says what was known at the end of 2023.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kiemdiem.targets.model import Target


@dataclass(frozen=True, slots=True)
class Change:
    """Change of a target's value from ``year - 1`` to ``year``.

    ``computed`` is value(year) / value(year - 1) - 1 from the recorded figures (a share, may be
    negative); ``published`` is the growth the unit published for the year, if any.
    """

    year: int
    previous: Decimal
    current: Decimal
    computed: Decimal
    published: Decimal | None


@dataclass(frozen=True, slots=True)
class Rank:
    """Position of a year's value among recorded years up to it: 1 is the best (highest for higher-is-better)."""

    position: int
    count: int
    first_year: int
    last_year: int

    @property
    def is_best(self) -> bool:
        """True when the year is the best of at least two recorded years."""
        return self.position == 1 and self.count >= 2


def change(target: Target, year: int) -> Change | None:
    """Year-on-year change of the judged value (actual, else estimate); None without both years' values."""
    current = target.figures(year)
    previous = target.figures(year - 1)
    if current is None or previous is None or current.value is None or previous.value in (None, 0):
        return None
    assert previous.value is not None  # narrowed above; keeps mypy informed
    return Change(
        year=year,
        previous=previous.value,
        current=current.value,
        computed=current.value / previous.value - 1,
        published=current.published_growth,
    )


def rank(target: Target, year: int, *, lower_is_better: bool = False) -> Rank | None:
    """Rank of ``year`` among the target's years up to ``year`` that have a value; None when ``year`` has none.

    Ties share the better position. ``lower_is_better`` ranks the lowest value first.
    """
    values = {f.year: f.value for f in target.years if f.year <= year and f.value is not None}
    if year not in values:
        return None
    mine = values[year]
    assert mine is not None
    better = sum(
        1 for value in values.values() if value is not None and (value < mine if lower_is_better else value > mine)
    )
    return Rank(position=better + 1, count=len(values), first_year=min(values), last_year=max(values))

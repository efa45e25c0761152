"""Small builders for targets in tests (fictitious figures)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kiemdiem.targets import Assigner, BasicKind, Direction, Target, YearFigures


def figures(year: int = 2021, plan: str | None = "100", actual: str | None = None, **more: object) -> YearFigures:
    values: dict[str, object] = {"plan": Decimal(plan) if plan is not None else None}
    values["actual"] = Decimal(actual) if actual is not None else None
    for key, value in more.items():
        values[key] = Decimal(value) if isinstance(value, str) else value
    return YearFigures(year=year, **values)  # type: ignore[arg-type]


def target(
    code: str = "T01",
    *,
    plan: str | None = "100",
    actual: str | None = None,
    direction: Direction = Direction.HIGHER,
    assigner: Assigner = Assigner.OWN,
    key: bool = False,
    basic: BasicKind | None = None,
    year: int = 2021,
    deadline: dt.date | None = None,
    achieved_on: dt.date | None = None,
    indicator: str | None = None,
    unit: str = "tỷ đồng",
    **more: object,
) -> Target:
    return Target(
        code=code,
        indicator=indicator or f"Chỉ tiêu {code}",
        unit=unit,
        assigner=assigner,
        direction=direction,
        key=key,
        basic=basic,
        years=(figures(year, plan, actual, deadline=deadline, achieved_on=achieved_on, **more),),
    )

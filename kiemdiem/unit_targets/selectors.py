"""Reads of stored targets, returned as the pure :class:`kiemdiem.targets.Target` objects.

So the paragraph, facts and charts are computed the same way from the database as from a sheet.
"""

from __future__ import annotations

from decimal import Decimal

from kiemdiem.org.models import Organisation
from kiemdiem.targets import Assigner, BasicKind, Direction, Target, YearFigures
from kiemdiem.unit_targets.models import UnitTarget


def _as_written(value: Decimal | None) -> Decimal | None:
    """Drop the zeros the database pads with (1756.292000 → 1756.292) without turning 22543 into 2.2543E+4."""
    if value is None:
        return None
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal


def unit_targets(*, organisation: Organisation) -> list[Target]:
    """Every stored target of ``organisation`` with all its years, ordered by code."""
    rows = UnitTarget.objects.filter(organisation=organisation).prefetch_related("years").order_by("code")
    return [
        Target(
            code=row.code,
            indicator=row.indicator,
            unit=row.unit,
            assigner=Assigner(row.assigner),
            direction=Direction(row.direction),
            key=row.is_key,
            basic=BasicKind(row.basic_kind) if row.basic_kind else None,
            years=tuple(
                YearFigures(
                    year=year.year,
                    plan=_as_written(year.plan),
                    estimate=_as_written(year.estimate),
                    actual=_as_written(year.actual),
                    deadline=year.deadline,
                    achieved_on=year.achieved_on,
                    published_share_of_plan=_as_written(year.published_share_of_plan),
                    published_growth=_as_written(year.published_growth),
                )
                for year in row.years.all()
            ),
            note=row.note,
            source=row.source,
        )
        for row in rows
    ]


def unit_assigner_labels(*, organisation: Organisation) -> dict[Assigner, str]:
    """How the organisation's reports name its assigning levels (from the last import), generic wording otherwise."""
    labels = {assigner: assigner.label for assigner in Assigner}
    for assigner, label in (
        UnitTarget.objects.filter(organisation=organisation)
        .exclude(assigner_label="")
        .values_list("assigner", "assigner_label")
        .distinct()
    ):
        labels[Assigner(assigner)] = label
    return labels

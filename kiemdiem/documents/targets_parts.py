"""The targets part of a collective report: the results paragraph and the chart, from stored targets.

Uses the targets package (:func:`kiemdiem.targets.results_paragraph`,
:func:`kiemdiem.targets.charts.plan_vs_actual`) on the organisation's targets stored by
``kiemdiem targets import``. Nothing stored, or no figures for the year: empty, and the report
prints the dotted blank.
"""

from __future__ import annotations

from kiemdiem.org.models import Organisation
from kiemdiem.targets import results_paragraph
from kiemdiem.unit_targets.selectors import unit_assigner_labels, unit_targets


def targets_paragraph(org: Organisation, year: int) -> tuple[str, ...]:
    """The results paragraph for ``year`` as one line, or ``()`` when there is nothing to say."""
    targets = unit_targets(organisation=org)
    if not targets:
        return ()
    try:
        text = results_paragraph(targets, year, assigner_labels=unit_assigner_labels(organisation=org))
    except ValueError:  # no figures for the year
        return ()
    return (text,)


def targets_chart(org: Organisation, year: int) -> bytes | None:
    """PNG bytes of the plan-versus-actual chart for ``year``, or None when nothing can be drawn."""
    targets = unit_targets(organisation=org)
    if not targets:
        return None
    from kiemdiem.targets.charts import plan_vs_actual  # matplotlib: imported only when there is a chart

    try:
        return plan_vs_actual(targets, year, "png")
    except ValueError:
        return None

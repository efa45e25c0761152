"""Load an example folder: the organisation dataset, then the cycles of ``cycles.yaml``, opened and
populated through the review services — all in one transaction, so a refusal writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kiemdiem.org.dataset import DatasetError, DatasetSummary, Problem, load_dataset
from kiemdiem.org.dataset.fields import Field, boolean, date, text
from kiemdiem.org.dataset.reading import read_yaml
from kiemdiem.org.models import Organisation
from kiemdiem.reviews.periods import Period, PeriodError
from kiemdiem.reviews.selectors import review_cycle_find_open
from kiemdiem.reviews.services import review_cycle_open, review_cycle_populate

CYCLES_FILE = "cycles.yaml"
CYCLE_FIELDS = [
    Field("scope", text(64), required=True),
    Field("period", text(20), required=True),
    Field("opened_on", date),
    Field("populate", boolean, default=False),
]


@dataclass(frozen=True)
class ExampleSummary:
    """What an example load did: the dataset's row counts, cycles opened, reviews created."""

    dataset: DatasetSummary
    cycles_opened: int
    reviews_created: int


@transaction.atomic
def example_load(*, folder: Path, actor: Any) -> ExampleSummary:
    """Load ``folder`` (organisation dataset plus ``cycles.yaml``) all-or-nothing; idempotent.

    A cycle already open for the same scope and period is reused, not opened twice. Raises
    ``DatasetError`` naming the file, row and key of every problem; nothing is written then.
    """
    dataset = load_dataset(folder)
    problems: list[Problem] = []
    rows = read_yaml(folder, CYCLES_FILE, "cycles", CYCLE_FIELDS, problems)
    opened = created = 0
    for row in rows:
        if row.problems:
            continue
        values = row.values
        scope = Organisation.objects.filter(external_code=values["scope"]).first()
        if scope is None:
            problems.append(row.problem(f"không có tổ chức mã “{values['scope']}”", "scope"))
            continue
        try:
            period = Period.parse(values["period"])
            cycle = review_cycle_find_open(scope=scope, period=period)
            if cycle is None:
                cycle = review_cycle_open(scope=scope, period=period, actor=actor, opened_on=values["opened_on"])
                opened += 1
            if values["populate"]:
                created += review_cycle_populate(cycle=cycle, actor=actor).created
        except PeriodError as error:
            problems.append(row.problem(str(error), "period"))
        except ValidationError as error:
            problems.append(row.problem(" ".join(error.messages)))
    if problems:
        raise DatasetError(problems)
    return ExampleSummary(dataset=dataset, cycles_opened=opened, reviews_created=created)

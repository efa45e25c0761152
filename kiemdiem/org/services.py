"""Writes on the organisation tree and people."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from kiemdiem.org.dataset import DatasetSummary, load_dataset


@transaction.atomic
def dataset_load(*, folder: Path) -> DatasetSummary:
    """Load the organisation dataset in ``folder`` all-or-nothing (idempotent: ids are stable).

    Raises ``kiemdiem.org.dataset.DatasetError`` naming each file, row and column or key at fault;
    nothing is written then.
    """
    return load_dataset(folder)

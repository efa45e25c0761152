"""Writes of stored targets: import a target sheet for an organisation, all or nothing.

The sheet is read and checked by :func:`kiemdiem.targets.read_target_sheet`; every row is then
validated with ``full_clean()`` and saved in one transaction, with an audit row. A target already
stored for the organisation (same code) is updated, and so is each year the sheet gives for it;
years and targets the sheet does not mention are kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kiemdiem.org.locks import bulk_write_lock
from kiemdiem.org.models import Organisation
from kiemdiem.reviews.models import AuditEntry
from kiemdiem.targets import SheetError, TargetSheet, read_target_sheet
from kiemdiem.targets.sheet import FIXED_COLUMNS, META_OWN, META_SUPERIOR, YEAR_COLUMNS
from kiemdiem.unit_targets.models import TargetYear, UnitTarget

UNKNOWN_UNIT = "không có đơn vị nào có mã “{code}” (mã định danh của tổ chức, đơn vị trong cơ sở dữ liệu)"
UNIT_NOT_EXISTING = "{unit} không tồn tại trong năm {year} nhưng bảng có số liệu năm đó (dòng {row}, mã {code})"


class TargetImportError(ValueError):
    """The import was refused and nothing was written; the message says where and why."""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import wrote: targets created and updated, year rows written, for which unit."""

    organisation: str
    created: int
    updated: int
    years: int

    def __str__(self) -> str:
        total = self.created + self.updated
        return (
            f"Đã nhập {total} chỉ tiêu cho {self.organisation} ({self.created} mới, {self.updated} cập nhật), "
            f"{self.years} dòng số liệu theo năm."
        )


def _messages(error: ValidationError, year: int | None) -> str:
    if hasattr(error, "error_dict"):
        parts = []
        for name, errors in error.message_dict.items():
            parts.append(f"{_column(name, year)}: {' '.join(errors)}")
        return "; ".join(parts)
    return " ".join(error.messages)


def _column(field_name: str, year: int | None) -> str:
    """The sheet's header for a model field ("plan" of 2021 → cột “Kế hoạch 2021”), so the clerk finds the cell."""
    if year is not None and field_name in YEAR_COLUMNS:
        return f"cột “{YEAR_COLUMNS[field_name]} {year}”"
    if field_name in FIXED_COLUMNS:
        return f"cột “{FIXED_COLUMNS[field_name]}”"
    if field_name == "assigner_label":
        return f"dòng “{META_SUPERIOR}” / “{META_OWN}” phía trên bảng"
    return field_name


def target_sheet_import(*, path: Path | str, unit_code: str, actor: Any = None) -> ImportSummary:
    """Read the sheet at ``path`` and store it for the organisation whose ``external_code`` is ``unit_code``.

    Raises :class:`TargetImportError` (nothing written) for a refused sheet (with file, sheet, row
    and column), an unknown unit, a year in which the unit did not exist, or a value the database
    cannot hold.
    """
    try:
        sheet = read_target_sheet(path)
    except SheetError as exc:
        raise TargetImportError(str(exc)) from exc
    organisation = Organisation.objects.filter(external_code=unit_code).first()
    if organisation is None:
        raise TargetImportError(UNKNOWN_UNIT.format(code=unit_code))
    return target_sheet_store(organisation=organisation, sheet=sheet, file_name=Path(path).name, actor=actor)


@transaction.atomic
def target_sheet_store(
    *, organisation: Organisation, sheet: TargetSheet, file_name: str, actor: Any = None
) -> ImportSummary:
    """Store the targets of ``sheet`` for ``organisation`` in one transaction; see :func:`target_sheet_import`."""
    bulk_write_lock(f"kiemdiem.unit_targets.{organisation.pk}")  # a second import of the same unit waits
    created = updated = years = 0
    labels = sheet.assigner_labels
    for target in sheet.targets:
        row_number = sheet.rows.get(target.code, 0)
        where = f"{file_name}, trang “{sheet.sheet_name}”, dòng {row_number} (mã {target.code})"
        for figures in target.years:
            start, end = dt.date(figures.year, 1, 1), dt.date(figures.year, 12, 31)
            if not organisation.exists_during(start, end):
                raise TargetImportError(
                    UNIT_NOT_EXISTING.format(
                        unit=organisation.name, year=figures.year, row=row_number, code=target.code
                    )
                )
        row = UnitTarget.objects.filter(organisation=organisation, code=target.code).first()
        is_new = row is None
        row = row or UnitTarget(organisation=organisation, code=target.code)
        row.indicator = target.indicator
        row.unit = target.unit
        row.assigner = target.assigner.value
        row.assigner_label = labels[target.assigner]
        row.direction = target.direction.value
        row.is_key = target.key
        row.basic_kind = target.basic.value if target.basic is not None else ""
        row.note = target.note
        row.source = target.source
        _save(row, where, None)
        created, updated = created + is_new, updated + (not is_new)
        for figures in target.years:
            year_row = TargetYear.objects.filter(target=row, year=figures.year).first() or TargetYear(
                target=row, year=figures.year
            )
            year_row.plan = figures.plan
            year_row.estimate = figures.estimate
            year_row.actual = figures.actual
            year_row.deadline = figures.deadline
            year_row.achieved_on = figures.achieved_on
            year_row.published_share_of_plan = figures.published_share_of_plan
            year_row.published_growth = figures.published_growth
            _save(year_row, where, figures.year)
            years += 1
    summary = ImportSummary(organisation=organisation.name, created=created, updated=updated, years=years)
    AuditEntry.objects.create(
        actor=actor,
        action="unit_targets.import",
        detail={
            "organisation": organisation.pk,
            "file": file_name,
            "created": created,
            "updated": updated,
            "years": years,
        },
    )
    return summary


def _save(instance: UnitTarget | TargetYear, where: str, year: int | None) -> None:
    try:
        instance.full_clean(validate_unique=False)
    except ValidationError as exc:
        raise TargetImportError(f"{where}: {_messages(exc, year)}") from exc
    instance.save()

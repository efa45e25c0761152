"""Write a cycle workbook: the blank template (``kiemdiem review --template FILE``) or one filled
with rows (the example's build script uses the same writer, so both always match the reader).

Cells are written the way a clerk types them: dates as dates shown 24/12/2021, yes/no as
"có"/"không", code-table values as their Vietnamese labels (each such column gets a drop-down list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kiemdiem.rules.levels import Level
from kiemdiem.workbook import schema
from kiemdiem.workbook.schema import Column

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
DATE_FORMAT = "DD/MM/YYYY"
_LISTS = {
    schema.BOOL: ("có", "không"),
    schema.LEVEL: tuple(level.value for level in Level),
    schema.GRADE: tuple(label for _, label in schema.GRADES),
    schema.SIDE: tuple(label for _, label in schema.SIDES),
}


def _choices(column: Column) -> tuple[str, ...]:
    if column.type == schema.CODE and column.choices:
        return tuple(label for _, label in column.choices)
    return _LISTS.get(column.type, ())


def cell_value(column: Column, value: Any) -> Any:
    """The value as written in the sheet for ``column`` (None stays empty)."""
    if value is None:
        return None
    if column.type == schema.BOOL:
        return "có" if value else "không"
    if column.type == schema.PERCENT:
        return round(float(value) * 100, 2)
    if column.type == schema.GRADE:
        return dict(schema.GRADES)[value]
    if column.type == schema.SIDE:
        return dict(schema.SIDES)[value]
    if column.type == schema.CODE and column.choices:
        return dict(column.choices)[value]
    if isinstance(value, Level):
        return value.value
    return value


def _instructions(book: Workbook) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = schema.INSTRUCTIONS_SHEET
    lines = [
        "Sổ kiểm điểm, đánh giá, xếp loại chất lượng — mẫu của kiemdiem",
        "Dòng 1 của mỗi sheet là tiêu đề cột: giữ nguyên. Mỗi dòng sau là một bản ghi; dòng trống được bỏ qua.",
        "Ngày viết 24/12/2021; có/không viết “có” hoặc “không”; số thập phân viết 3,5; tỷ lệ viết theo % (95 là 95%).",
        "Người, đơn vị, tập thể được nhắc ở sheet khác bằng mã (cột Mã), không bằng tên.",
        "Mức xếp loại: HTXSNV, HTTNV, HTNV, KHTNV.",
        "Chạy: kiemdiem review SỔ.xlsx --out THƯ_MỤC (thêm --db để nạp vào cơ sở dữ liệu).",
        "",
    ]
    for sheet_spec in schema.SHEETS:
        required = " (bắt buộc)" if sheet_spec in schema.REQUIRED_SHEETS else " (không bắt buộc)"
        lines.append(f"Sheet “{sheet_spec.name}”{required}: {sheet_spec.about}")
        for column in sheet_spec.columns:
            extra = [text for text in ("bắt buộc" if column.required else "", column.note) if text]
            choices = _choices(column)
            if choices and column.type not in (schema.BOOL,):
                extra.append("một trong: " + ", ".join(choices))
            lines.append(f"    • {column.header}" + (f" — {'; '.join(extra)}" if extra else ""))
    for number, line in enumerate(lines, start=1):
        sheet.cell(row=number, column=1, value=line)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 130


def write_workbook(
    path: Path | str,
    rows: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    *,
    stamp: dt.datetime | None = None,
) -> Path:
    """Write the workbook to ``path``: the instructions sheet, then every sheet of
    :data:`~kiemdiem.workbook.schema.SHEETS` with its headers and the ``rows`` given under its key
    (dicts keyed by column key). ``stamp`` fixes the file's created/modified properties (so that a
    rebuilt example has the same content). Raises ``KeyError`` for a code not in a column's table."""
    path = Path(path)
    book = Workbook()
    _instructions(book)
    for spec in schema.SHEETS:
        sheet = book.create_sheet(spec.name)
        for number, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=1, column=number, value=column.header)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            letter = get_column_letter(number)
            sheet.column_dimensions[letter].width = max(12, min(40, len(column.header) + 2))
            choices = _choices(column)
            if choices:
                listing = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                listing.error = f"Chọn một trong: {', '.join(choices)}"
                sheet.add_data_validation(listing)
                listing.add(f"{letter}2:{letter}5000")
        for line, row in enumerate((rows or {}).get(spec.key, ()), start=2):
            for number, column in enumerate(spec.columns, start=1):
                value = cell_value(column, row.get(column.key))
                cell = sheet.cell(row=line, column=number, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = DATE_FORMAT
        sheet.freeze_panes = "A2"
    if stamp is not None:
        book.properties.created = book.properties.modified = stamp
    book.properties.creator = "kiemdiem"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path

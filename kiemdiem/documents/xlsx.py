"""Biểu tổng hợp kết quả đánh giá, xếp loại chất lượng as an .xlsx with live formulas (openpyxl).

Sheet "Chi tiết" lists every subject with its group (tổ chức cơ sở đảng, chi bộ trực thuộc, đảng
viên …) and level, or "Không xếp loại" with the reason. Sheet "Tổng hợp" counts them with
COUNTIFS formulas — total, not rated, not yet decided, rated, then count and share of the rated
at each level —
so a clerk who corrects a level in "Chi tiết" sees the totals follow. Sheet "Không xếp loại" lists
those not rated with their reasons. Breakdown as in published district reports
(../shared/domain/documents.md §3.6).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kiemdiem.rules.levels import LEVELS_DESCENDING, Level

NOT_RATED = "Không xếp loại"
PENDING = "Chưa có kết quả"
PARTY_GROUPS = ("Tổ chức cơ sở đảng", "Chi bộ trực thuộc đảng ủy cơ sở", "Đảng viên")
FONT = "Times New Roman"
PERCENT_FORMAT = "0.00%"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One subject: ``group`` one of the summary's groups; ``level`` None when not rated (with
    ``reason``) or, with ``pending``, when its rating is not decided yet."""

    name: str
    unit: str | None
    group: str
    level: Level | None
    reason: str | None = None
    pending: bool = False

    @property
    def level_text(self) -> str:
        if self.level is not None:
            return str(self.level)
        return PENDING if self.pending else NOT_RATED


def summary_workbook(
    rows: Sequence[SummaryRow], *, issuer: str, year: int, groups: Sequence[str] = PARTY_GROUPS
) -> bytes:
    """The .xlsx bytes of the summary table for ``rows``.

    Raises ``ValueError`` naming the subject when its group is not one of ``groups`` or when a
    subject without a level has no reason (every one not rated is listed with a reason).
    """
    for row in rows:
        if row.group not in groups:
            raise ValueError(f"'{row.name}': nhóm '{row.group}' không có trong biểu ({', '.join(groups)})")
        if row.level is None and not row.pending and not (row.reason and row.reason.strip()):
            raise ValueError(f"'{row.name}': không xếp loại thì phải ghi lý do")
    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook always has one sheet
    summary.title = "Tổng hợp"
    detail = book.create_sheet("Chi tiết")
    _detail(detail, rows)
    _summary(summary, issuer, year, groups, len(rows))
    _not_rated(book.create_sheet(NOT_RATED), rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(
    sheet: Worksheet, ref: str, value: object, bold: bool = False, fmt: str | None = None, align: str = "center"
) -> None:
    cell = sheet[ref]
    cell.value = value
    cell.font = Font(name=FONT, size=12, bold=bold)
    cell.border = _BOX
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    if fmt:
        cell.number_format = fmt


def _detail(sheet: Worksheet, rows: Sequence[SummaryRow]) -> None:
    heads = ("STT", "Tên tổ chức, họ và tên", "Nhóm", "Đơn vị", "Mức xếp loại", "Lý do không xếp loại")
    for col, head in enumerate(heads, start=1):
        _cell(sheet, f"{get_column_letter(col)}1", head, bold=True)
    for i, row in enumerate(rows, start=2):
        values = (i - 1, row.name, row.group, row.unit or "", row.level_text)
        for col, value in enumerate((*values, row.reason or ""), start=1):
            _cell(sheet, f"{get_column_letter(col)}{i}", value, align=_ALIGN[col])
    for letter, width in zip("ABCDEF", (6, 44, 30, 36, 16, 36), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    _print_on_a4(sheet)


def _summary(sheet: Worksheet, issuer: str, year: int, groups: Sequence[str], count: int) -> None:
    last = max(count + 1, 2)
    group_range = f"'Chi tiết'!$C$2:$C${last}"
    level_range = f"'Chi tiết'!$E$2:$E${last}"
    sheet["A1"] = issuer.upper()
    sheet["A1"].font = Font(name=FONT, size=13, bold=True)
    sheet.merge_cells("A3:N3")
    sheet["A3"] = f"BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {year}"
    sheet["A3"].font = Font(name=FONT, size=14, bold=True)
    sheet["A3"].alignment = Alignment(horizontal="center")
    heads = ["STT", "Đối tượng", "Tổng số", NOT_RATED, PENDING, "Số được đánh giá, xếp loại"]
    for level in LEVELS_DESCENDING:
        heads += [f"{level} (số lượng)", f"{level} (tỷ lệ)"]
    for col, head in enumerate(heads, start=1):
        _cell(sheet, f"{get_column_letter(col)}5", head, bold=True)
    for i, group in enumerate(groups):
        r = 6 + i
        _cell(sheet, f"A{r}", i + 1)
        _cell(sheet, f"B{r}", group)
        _cell(sheet, f"C{r}", f"=COUNTIFS({group_range},$B{r})")
        _cell(sheet, f"D{r}", f'=COUNTIFS({group_range},$B{r},{level_range},"{NOT_RATED}")')
        _cell(sheet, f"E{r}", f'=COUNTIFS({group_range},$B{r},{level_range},"{PENDING}")')
        _cell(sheet, f"F{r}", f"=C{r}-D{r}-E{r}")
        for j, level in enumerate(LEVELS_DESCENDING):
            count_col, share_col = get_column_letter(7 + 2 * j), get_column_letter(8 + 2 * j)
            _cell(sheet, f"{count_col}{r}", f'=COUNTIFS({group_range},$B{r},{level_range},"{level}")')
            _cell(sheet, f"{share_col}{r}", f'=IF($F{r}=0,"",{count_col}{r}/$F{r})', fmt=PERCENT_FORMAT)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 30
    for col in range(3, 15):
        sheet.column_dimensions[get_column_letter(col)].width = 11
    sheet.row_dimensions[5].height = 48
    _print_on_a4(sheet, title_rows=None)


# Names, units and reasons read from the left; numbers, groups and levels are centred.
_ALIGN = {1: "center", 2: "left", 3: "center", 4: "left", 5: "center", 6: "left"}


def _print_on_a4(sheet: Worksheet, title_rows: str | None = "1:1") -> None:
    """Landscape A4, every column on one page width, the heading row repeated on each page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    if title_rows:
        sheet.print_title_rows = title_rows


def _not_rated(sheet: Worksheet, rows: Sequence[SummaryRow]) -> None:
    for col, head in enumerate(("STT", "Tên tổ chức, họ và tên", "Nhóm", "Đơn vị", "Lý do"), start=1):
        _cell(sheet, f"{get_column_letter(col)}1", head, bold=True)
    excluded = [row for row in rows if row.level is None and not row.pending]
    for i, row in enumerate(excluded, start=2):
        for col, value in enumerate((i - 1, row.name, row.group, row.unit or "", row.reason or ""), start=1):
            _cell(sheet, f"{get_column_letter(col)}{i}", value, align=_ALIGN[col] if col < 5 else "left")
    for letter, width in zip("ABCDE", (6, 44, 30, 36, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    _print_on_a4(sheet)

"""Write the results workbook of a review run (``ket-qua-xep-loai.xlsx``).

Sheets: "Kết quả" (one row per subject in rating order: levels self / by the rules / final /
decided, status, main reason with its citation, whether a rule is unconfirmed, the conflicts),
"Lý do" (every reason of every subject), "Cần quyết định" (every item for a human with the
proposed resolution), "Tỷ lệ" (each quota group), "Tổng hợp" (counts by level per kind).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kiemdiem.rules.levels import Level
from kiemdiem.workbook.outcome import Item, SubjectLine, level_counts
from kiemdiem.workbook.rating import ReviewRun
from kiemdiem.workbook.subjects import SIDE_LABELS

RESULTS_NAME = "ket-qua-xep-loai.xlsx"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WARN_FILL = PatternFill("solid", fgColor="FCE4D6")


def _level(level: Level | None) -> str:
    return level.value if level is not None else ""


def _sheet(
    book: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[int]
) -> Worksheet:
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(list(row))
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def results_workbook(run: ReviewRun, lines: list[SubjectLine], items: list[Item]) -> bytes:
    """The results workbook as bytes (written by the caller, after everything else succeeded)."""
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    sheet = _sheet(
        book,
        "Kết quả",
        (
            "STT",
            "Mã chủ thể",
            "Tên",
            "Loại",
            "Bên",
            "Lượt",
            "Bộ quy định",
            "Trạng thái",
            "Tự xếp loại",
            "Mức theo quy định",
            "Mức cuối cùng",
            "Mức cấp trên đã quyết định",
            "Lý do chính",
            "Căn cứ",
            "Có quy định chưa xác nhận",
            "Cần xử lý",
            "Ghi chú trong sổ",
        ),
        (
            (
                number,
                line.id,
                line.name,
                line.kind_label,
                SIDE_LABELS.get(line.side, line.side),
                line.layer + 1,
                line.rulebook,
                line.status_label,
                _level(line.self_level),
                _level(line.engine_level),
                _level(line.final_level),
                _level(line.decided_level),
                line.main_reason.text if line.main_reason else "",
                line.main_reason.cites if line.main_reason else "",
                "có" if line.unconfirmed else "",
                "\n".join(f"{item.label}: {item.text}" for item in line.items),
                line.note,
            )
            for number, line in enumerate(lines, start=1)
        ),
        (6, 16, 34, 14, 12, 7, 30, 22, 10, 12, 12, 14, 60, 30, 12, 70, 40),
    )
    for row in sheet.iter_rows(min_row=2):
        if row[15].value:
            row[15].fill = WARN_FILL
    _sheet(
        book,
        "Lý do",
        ("Mã chủ thể", "Tên", "Quy tắc", "Căn cứ", "Nội dung", "Đã xác nhận"),
        (
            (line.id, line.name, reason.rule, reason.cites, reason.text, "có" if reason.confirmed else "chưa xác nhận")
            for line in lines
            for reason in line.reasons
        ),
        (16, 30, 24, 36, 90, 14),
    )
    _sheet(
        book,
        "Cần quyết định",
        ("STT", "Loại", "Chủ thể", "Nội dung", "Căn cứ", "Đề xuất xử lý"),
        (
            (number, item.label, ", ".join(item.subject_ids), item.text, item.cites, item.proposal)
            for number, item in enumerate(items, start=1)
        ),
        (6, 26, 30, 90, 30, 50),
    )
    groups = run.result.quotas.groups
    _sheet(
        book,
        "Tỷ lệ",
        ("Quy tắc", "Nhóm", "Đơn vị", "Số HTTNV (cơ sở)", "Số HTXSNV", "Tối đa HTXSNV", "Vượt"),
        (
            (
                row.get("rule"),
                row.get("group") or "",
                row.get("unit") or "",
                row.get("base"),
                row.get("htxsnv"),
                row.get("allowed"),
                row.get("excess"),
            )
            for row in groups.iter_rows(named=True)
        ),
        (24, 26, 16, 14, 12, 14, 8),
    )
    counts = level_counts(lines)
    keys = ("HTXSNV", "HTTNV", "HTNV", "KHTNV", "review_only", "not_rated", "needs_facts")
    _sheet(
        book,
        "Tổng hợp",
        (
            "Loại chủ thể",
            "HTXSNV",
            "HTTNV",
            "HTNV",
            "KHTNV",
            "Chỉ kiểm điểm",
            "Không xếp loại",
            "Thiếu dữ kiện",
            "Tổng",
        ),
        ((kind, *(count.get(key, 0) for key in keys), sum(count.values())) for kind, count in counts.items()),
        (20, 10, 10, 10, 10, 14, 14, 14, 8),
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()

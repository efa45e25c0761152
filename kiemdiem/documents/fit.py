"""Keep the superior body's name on one line of the header, as printed Party and state documents do.

Hướng dẫn 36-HD/VPTW (and Nghị định 30/2020/NĐ-CP, Phụ lục I) put the superior body on one line
above the issuing body. A long name ("ĐẢNG BỘ CƠ QUAN HUYỆN THANH VÂN", 88 mm at 14 pt) does not fit
the left column of the header, so after filling a template we:

1. give the left column whatever the right column does not need (the right column keeps room for
   its widest line: the Party or national title, the motto, the place-and-date line);
2. if the name still does not fit, lower its size in half points, down to :data:`MIN_SUPERIOR_PT`
   (12 pt, the bottom of NĐ 30's 12–13 range); below that it wraps, as a clerk would let it.

Widths are measured with the Times metrics (Adobe AFM files shipped with matplotlib; Times New Roman
and Liberation Serif share them). A Vietnamese letter is as wide as its base letter (the tone and
vowel marks sit above or below), so "Ấ" is measured as "A"; "Đ" as "D"; a letter with a horn (Ơ, Ư)
is given :data:`HORN_EM` more, and the total :data:`SAFETY` more for kerning and rounding.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import matplotlib
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

MM_PER_PT = 25.4 / 72
CELL_PADDING_MM = 2 * 1.9  # Word's default left + right cell margins (0.19 cm each)
SAFETY = 1.01
HORN_EM = 60  # extra advance of Ơ/Ư over O/U, in 1/1000 em
MIN_SUPERIOR_PT = 12.0
_AFM = {(False, False): "ptmr8a", (True, False): "ptmb8a", (False, True): "ptmri8a", (True, True): "ptmbi8a"}
_SUBSTITUTES = {"Đ": "D", "đ": "d", "…": "...", "–": "-", "“": '"', "”": '"'}


@cache
def _widths(bold: bool, italic: bool) -> dict[str, int]:
    """Advance widths (1/1000 em) of the Times face, by character, from its AFM file."""
    path = Path(matplotlib.get_data_path()) / "fonts" / "afm" / f"{_AFM[bold, italic]}.afm"
    widths: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(part.strip().split(" ", 1) for part in line.split(";") if part.strip())
        code = int(fields["C"])
        if 32 <= code < 127:
            widths[chr(code)] = int(fields["WX"])
    return widths


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Printed width of ``text`` in millimetres, set in Times at ``size_pt`` points."""
    widths = _widths(bold, italic)
    total = 0
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = _SUBSTITUTES.get(char) or decomposed[0]
        total += sum(widths.get(c, widths["n"]) for c in base)
        if "\u031b" in decomposed:  # combining horn
            total += HORN_EM
    return total / 1000 * size_pt * MM_PER_PT * SAFETY


def _cell_padding_mm(table: Table) -> float:
    """Left plus right cell margins of ``table`` (its ``w:tblCellMar``, else Word's default)."""
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    if margins is None:
        return CELL_PADDING_MM
    total = 0.0
    for side in ("left", "right"):
        element = margins.find(qn(f"w:{side}"))
        total += int(element.get(qn("w:w"))) / 56.7 if element is not None else CELL_PADDING_MM / 2
    return total


def _column_widths_mm(table: Table) -> list[float]:
    return [column.width.mm if column.width is not None else 0.0 for column in table.columns]


def _set_column_widths(table: Table, widths_mm: list[float]) -> None:
    # LibreOffice reads the grid, Word the cells: set both (as docx_parts.grid does).
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _line_width_mm(paragraph: object) -> float:
    """Width of a one-run paragraph at its run's size, weight and slant (0 when empty or unsized)."""
    runs = [run for run in paragraph.runs if run.text]  # type: ignore[attr-defined]
    if not runs or runs[0].font.size is None:
        return 0.0
    font = runs[0].font
    text = "".join(run.text for run in runs)
    return text_width_mm(text, font.size.pt, bold=bool(font.bold), italic=bool(font.italic))


def fit_superior(document: DocxDocument, superior: str) -> None:
    """Widen the header's left column and, if needed, shrink ``superior`` so that it stays on one line.

    ``document`` is a filled template; ``superior`` the name as printed (upper case). Does nothing
    when the document does not open with a two-column header whose left cell holds that name (an
    organisation's own template laid out differently is left as it is).
    """
    if not superior or not document.tables:
        return
    table = document.tables[0]
    if len(table.columns) != 2 or len(table.rows) != 1:
        return
    left, right = table.rows[0].cells
    line = next((p for p in left.paragraphs if p.text.strip() == superior.strip()), None)
    widths = _column_widths_mm(table)
    if line is None or not all(widths):
        return
    total, padding = sum(widths), _cell_padding_mm(table)
    right_needs = max((_line_width_mm(p) for p in right.paragraphs), default=0.0) + padding
    left_width = max(widths[0], total - right_needs)
    if left_width != widths[0]:
        _set_column_widths(table, [left_width, total - left_width])
    room = left_width - padding
    runs = [run for run in line.runs if run.text]
    size = runs[0].font.size.pt if runs and runs[0].font.size is not None else None
    if size is None:
        return
    while size > MIN_SUPERIOR_PT and _line_width_mm(line) > room:
        size -= 0.5
        for run in runs:
            run.font.size = Pt(size)

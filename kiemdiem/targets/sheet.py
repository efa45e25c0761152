"""Read the targets sheet a district office keeps (openpyxl; no Django), all or nothing.

Layout (sheet ``Chỉ tiêu``; see docs/targets.md and examples/targets/):

- rows above the header: optional pairs in columns A–B: ``Đơn vị`` (the unit's name), ``Cấp trên
  giao`` (how the report names the superior's targets, e.g. "thành phố giao") and ``Tự giao``
  (e.g. "huyện giao");
- the header row starts with ``STT`` in column A; fixed columns ``Mã``, ``Chỉ tiêu``,
  ``Đơn vị tính``, ``Cấp giao`` (``Cấp trên giao`` or ``Tự giao``), ``Chiều đánh giá``, optional
  ``Trọng tâm`` (x), ``Chỉ tiêu cơ bản (366)``, ``Ghi chú``, ``Nguồn``; per year ``Kế hoạch YYYY``,
  ``Ước thực hiện YYYY``, ``Thực hiện YYYY``, ``Hạn YYYY``, ``Ngày đạt YYYY``,
  ``% kế hoạch (công bố) YYYY``, ``Tăng so với cùng kỳ (công bố) YYYY``;
- one row per target; numbers written the Vietnamese way (1.756,292) or as Excel numbers;
  percentages as ``151,85%`` or Excel percentages; dates as dates or ``24/12/2021``.

Every problem found is reported (file, sheet, row, column and what was expected) and nothing is
returned unless the whole sheet is valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kiemdiem.targets import cells
from kiemdiem.targets.cells import YEARS, norm
from kiemdiem.targets.model import (
    ASSIGNER_LABELS,
    BASIC_KIND_LABELS,
    DIRECTION_LABELS,
    Assigner,
    Direction,
    Target,
    YearFigures,
)
from kiemdiem.targets.numbers import (
    NumberFormatError,
)

SHEET_NAME = "Chỉ tiêu"
HEADER_MARK = "STT"

FIXED_COLUMNS = {
    "stt": "STT",
    "code": "Mã",
    "indicator": "Chỉ tiêu",
    "unit": "Đơn vị tính",
    "assigner": "Cấp giao",
    "direction": "Chiều đánh giá",
    "key": "Trọng tâm",
    "basic": "Chỉ tiêu cơ bản (366)",
    "note": "Ghi chú",
    "source": "Nguồn",
}
REQUIRED = ("stt", "code", "indicator", "unit", "assigner", "direction")
YEAR_COLUMNS = {
    "plan": "Kế hoạch",
    "estimate": "Ước thực hiện",
    "actual": "Thực hiện",
    "deadline": "Hạn",
    "achieved_on": "Ngày đạt",
    "published_share_of_plan": "% kế hoạch (công bố)",
    "published_growth": "Tăng so với cùng kỳ (công bố)",
}
META_SUPERIOR = "Cấp trên giao"
META_OWN = "Tự giao"
META_UNIT = "Đơn vị"
_YEAR_HEADER = re.compile(r"^(?P<label>.+?)\s+(?P<year>\d{4})$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One invalid cell or header: where (sheet, row, column letter and header) and what was expected."""

    sheet: str
    row: int
    column: str
    header: str
    message: str

    def __str__(self) -> str:
        parts = [f"trang “{self.sheet}”"] if self.sheet else []
        if self.row:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}" + (f" (“{self.header}”)" if self.header else ""))
        return f"{', '.join(parts)}: {self.message}" if parts else self.message


class SheetError(ValueError):
    """The sheet was refused; ``problems`` lists every problem found, the message names the file."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = problems
        lines = [f"{Path(path).name}: bảng chỉ tiêu không hợp lệ, không nhập gì ({len(problems)} lỗi)"]
        lines += [f"  - {problem}" for problem in problems]
        super().__init__("\n".join(lines))


@dataclass(frozen=True, slots=True)
class TargetSheet:
    """What a sheet holds: the unit's name, how it names the assigning levels, and its targets."""

    unit_name: str
    assigner_labels: dict[Assigner, str]
    targets: list[Target] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # target code -> row number in the sheet
    sheet_name: str = SHEET_NAME

    @property
    def years(self) -> list[int]:
        """Every year with figures in the sheet, ascending."""
        return sorted({f.year for target in self.targets for f in target.years})


_ASSIGNER_IN_SHEET = {Assigner.SUPERIOR: META_SUPERIOR, Assigner.OWN: META_OWN}
_PARSERS: dict[str, Callable[[Any], Any]] = {
    "assigner": cells.choice(_ASSIGNER_IN_SHEET, "cấp giao"),
    "direction": cells.choice(dict(DIRECTION_LABELS), "chiều đánh giá"),
    "basic": cells.choice(dict(BASIC_KIND_LABELS), "chỉ tiêu cơ bản"),
    "key": cells.flag,
    "deadline": cells.day,
    "achieved_on": cells.day,
    "published_share_of_plan": cells.share,
    "published_growth": cells.share,
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Reader:
    def __init__(self, rows: list[tuple[Any, ...]], sheet: str, plain: frozenset[tuple[int, int]]) -> None:
        self.rows = rows
        self.sheet = sheet
        self.plain = plain  # (row number, column) of number cells without a percentage format
        self.problems: list[Problem] = []
        self.meta: dict[str, str] = {}
        self.fixed: dict[str, int] = {}
        self.yearly: dict[tuple[int, str], int] = {}
        self.headers: dict[int, str] = {}

    def problem(self, row: int, col: int | None, message: str) -> None:
        letter = get_column_letter(col + 1) if col is not None else ""
        header = self.headers.get(col, "") if col is not None else ""
        self.problems.append(Problem(self.sheet, row, letter, header, message))

    def read_header(self) -> int | None:
        for index, row in enumerate(self.rows):
            first = row[0] if row else None
            if not _blank(first) and norm(first) == norm(HEADER_MARK):
                self._columns(index + 1, row)
                return index
            if len(row) >= 2 and not _blank(first) and not _blank(row[1]):
                self.meta[norm(first)] = " ".join(str(row[1]).split())
        self.problem(1, None, f"không tìm thấy dòng tiêu đề (ô cột A ghi “{HEADER_MARK}”)")
        return None

    def _columns(self, row_number: int, row: tuple[Any, ...]) -> None:
        fixed_by_text = {norm(text): key for key, text in FIXED_COLUMNS.items()}
        yearly_by_text = {norm(text): key for key, text in YEAR_COLUMNS.items()}
        for col, cell in enumerate(row):
            if _blank(cell):
                continue
            text = " ".join(str(cell).split())
            self.headers[col] = text
            if (key := fixed_by_text.get(norm(text))) is not None:
                self._place(self.fixed, key, row_number, col)
                continue
            match = _YEAR_HEADER.match(text)
            if match and (ykey := yearly_by_text.get(norm(match["label"]))) is not None:
                if int(match["year"]) not in YEARS:
                    self.problem(
                        row_number, col, f"năm phải từ {YEARS.start} đến {YEARS.stop - 1}, gặp {match['year']}"
                    )
                    continue
                self._place(self.yearly, (int(match["year"]), ykey), row_number, col)
                continue
            expected = ", ".join(f"“{t}”" for t in FIXED_COLUMNS.values())
            self.problem(
                row_number,
                col,
                f"tiêu đề cột không biết; cần một trong {expected}, hoặc “<tên> <năm>” với tên là "
                + ", ".join(f"“{t}”" for t in YEAR_COLUMNS.values()),
            )
        for key in REQUIRED:
            if key not in self.fixed:
                self.problem(row_number, None, f"thiếu cột “{FIXED_COLUMNS[key]}”")
        if not any(key == "plan" for _, key in self.yearly):
            self.problem(row_number, None, "thiếu cột “Kế hoạch <năm>” (ví dụ “Kế hoạch 2023”)")

    def _place(self, columns: dict[Any, int], key: Any, row_number: int, col: int) -> None:
        # A second column with the same header would silently replace the first one's figures.
        if key in columns:
            first = get_column_letter(columns[key] + 1)
            self.problem(row_number, col, f"tiêu đề cột trùng với cột {first}; mỗi cột chỉ được có một lần")
        else:
            columns[key] = col

    def cell(self, row: tuple[Any, ...], col: int | None) -> Any:
        if col is None or col >= len(row) or _blank(row[col]):
            return None
        value = row[col]
        return value.strip() if isinstance(value, str) else value

    def parsed(self, row_number: int, row: tuple[Any, ...], col: int | None, parse: Callable[[Any], Any]) -> Any:
        value = self.cell(row, col)
        if value is None:
            return None
        if parse is cells.share and col is not None and (row_number, col) in self.plain:
            # 25,73 typed into a % column: 25,73% or 2.573%? Excel only knows it when the cell is a %.
            self.problem(row_number, col, f"cần tỷ lệ phần trăm (ví dụ 25,73% hoặc ô định dạng %), gặp số {value!r}")
            return None
        try:
            return parse(value)
        except NumberFormatError as exc:
            self.problem(row_number, col, str(exc))
            return None

    def target(self, row_number: int, row: tuple[Any, ...]) -> Target | None:
        before = len(self.problems)
        direction_text = self.cell(row, self.fixed.get("direction"))
        yes_no = direction_text is not None and norm(direction_text) == norm(DIRECTION_LABELS[Direction.YES_NO])
        text: dict[str, str] = {}
        for key in ("code", "indicator", "unit", "note", "source"):
            value = self.cell(row, self.fixed.get(key))
            # A yes/no target (e.g. "tổ chức thành công bầu cử") has no unit of measure.
            if value is None and key in REQUIRED and not (key == "unit" and yes_no):
                self.problem(row_number, self.fixed.get(key), f"ô trống; cần {FIXED_COLUMNS[key].lower()}")
            text[key] = " ".join(str(value).split()) if value is not None else ""
        choices = {
            key: self.parsed(row_number, row, self.fixed.get(key), _PARSERS[key])
            for key in _PARSERS
            if key in FIXED_COLUMNS
        }
        for key in ("assigner", "direction"):
            if self.cell(row, self.fixed.get(key)) is None:
                self.problem(row_number, self.fixed.get(key), f"ô trống; cần {FIXED_COLUMNS[key].lower()}")
        direction = choices.get("direction") or Direction.HIGHER
        amount = cells.yes_no if direction is Direction.YES_NO else cells.amount
        years = []
        for year in sorted({year for year, _ in self.yearly}):
            values = {
                key: self.parsed(row_number, row, self.yearly.get((year, key)), _PARSERS.get(key, amount))
                for key in YEAR_COLUMNS
            }
            if any(value is not None for value in values.values()):
                years.append(YearFigures(year=year, **values))
        if len(self.problems) > before:
            return None
        return Target(
            code=text["code"],
            indicator=text["indicator"],
            unit=text["unit"],
            assigner=choices["assigner"],
            direction=direction,
            key=bool(choices.get("key")),
            basic=choices.get("basic"),
            years=tuple(years),
            note=text["note"],
            source=text["source"],
        )


def _formulas_without_values(path: Path, sheet_name: str, values: list[tuple[Any, ...]]) -> list[tuple[int, int]]:
    """Cells holding a formula whose result the file does not store (written by a program, never opened
    in Excel): read for their values they look empty, and a target would silently go unjudged."""
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        found = []
        for number, cells in enumerate(workbook[sheet_name].iter_rows(values_only=True), start=1):
            row = values[number - 1] if number <= len(values) else ()
            for col, formula in enumerate(cells):
                empty = col >= len(row) or row[col] is None
                if empty and isinstance(formula, str) and formula.startswith("="):
                    found.append((number, col))
        return found
    finally:
        workbook.close()


def read_target_sheet(path: Path | str) -> TargetSheet:
    """Read every target of the sheet ``Chỉ tiêu`` in the workbook at ``path``.

    Raises :class:`SheetError` listing every problem (file, sheet, row, column, what was expected)
    when anything is wrong, including an unreadable file, a missing sheet, an unknown header, a
    malformed number or date, an unknown choice, a formula without its stored result, or a target
    code given twice.
    """
    path = Path(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise SheetError(path, [Problem("", 0, "", "", f"không đọc được tệp Excel (.xlsx): {exc}")]) from exc
    try:
        names = {norm(name): name for name in workbook.sheetnames}
        if norm(SHEET_NAME) not in names:
            found = ", ".join(f"“{name}”" for name in workbook.sheetnames)
            raise SheetError(
                path, [Problem(SHEET_NAME, 0, "", "", f"không có trang “{SHEET_NAME}” (các trang có: {found})")]
            )
        sheet_name = names[norm(SHEET_NAME)]
        rows: list[tuple[Any, ...]] = []
        plain: set[tuple[int, int]] = set()
        for number, cells in enumerate(workbook[sheet_name].iter_rows(), start=1):
            rows.append(tuple(cell.value for cell in cells))
            plain.update(
                (number, col)
                for col, cell in enumerate(cells)
                if isinstance(cell.value, int | float)
                and not isinstance(cell.value, bool)
                and "%" not in (getattr(cell, "number_format", None) or "")
            )
    finally:
        workbook.close()
    reader = _Reader(rows, sheet_name, frozenset(plain))
    header = reader.read_header()
    targets: list[Target] = []
    seen: dict[str, int] = {}
    if header is not None and not reader.problems:
        for index in range(header + 1, len(rows)):
            row, row_number = rows[index], index + 1
            if all(_blank(value) for value in row):
                continue
            target = reader.target(row_number, row)
            if target is None:
                continue
            if target.code in seen:
                reader.problem(
                    row_number, reader.fixed["code"], f"mã “{target.code}” trùng với dòng {seen[target.code]}"
                )
                continue
            seen[target.code] = row_number
            targets.append(target)
        if not targets and not reader.problems:
            reader.problem(header + 2, None, "bảng không có chỉ tiêu nào")
    for row_number, col in _formulas_without_values(path, sheet_name, rows):
        reader.problem(
            row_number, col, "ô có công thức nhưng tệp chưa lưu kết quả tính; mở tệp bằng Excel, lưu lại rồi nhập"
        )
    if reader.problems:
        raise SheetError(path, reader.problems)
    labels = {
        Assigner.SUPERIOR: reader.meta.get(norm(META_SUPERIOR), ASSIGNER_LABELS[Assigner.SUPERIOR]),
        Assigner.OWN: reader.meta.get(norm(META_OWN), ASSIGNER_LABELS[Assigner.OWN]),
    }
    return TargetSheet(
        unit_name=reader.meta.get(norm(META_UNIT), ""),
        assigner_labels=labels,
        targets=targets,
        rows=seen,
        sheet_name=sheet_name,
    )

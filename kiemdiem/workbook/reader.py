"""Read and validate a cycle workbook (.xlsx) into a :class:`CycleBook`, all or nothing.

Every problem is collected with its sheet, row and column (:class:`Problem`); if there is any,
:func:`read_workbook` raises :class:`WorkbookError` listing them and returns nothing, so a caller
never acts on half a workbook. Checks: required sheets present, headers exactly as in
:mod:`kiemdiem.workbook.schema`, each cell's type and code table, unique ids, references to other
sheets, dates in order, concurrent posts (kiêm nhiệm) declared, one self-assessment per subject
and side, ballots and decisions only for assessed subjects, votes not above those present.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kiemdiem.targets import NoJudgedTargetsError, SheetError, classify_all, read_target_sheet, subject_facts
from kiemdiem.workbook import schema
from kiemdiem.workbook.cells import CellError, blank, read_cell, shown
from kiemdiem.workbook.periods import PeriodError, period_bounds
from kiemdiem.workbook.schema import Sheet

Row = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """Where (sheet, row number as Excel shows it, column header) and what is wrong; an empty
    ``sheet`` means the file as a whole."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if not self.sheet:  # the file as a whole (the error's header names it)
            return self.message
        where = f"sheet “{self.sheet}”"
        if self.row is not None:
            where += f", dòng {self.row}"
        if self.column is not None:
            where += f", cột “{self.column}”"
        return f"{where}: {self.message}"


class WorkbookError(Exception):
    """The workbook was refused; nothing was computed or written. ``problems`` lists every one."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = problems
        shown_ = "\n".join(f"  - {problem}" for problem in problems[:40])
        more = f"\n  … và {len(problems) - 40} lỗi khác" if len(problems) > 40 else ""
        super().__init__(f"Sổ {self.path.name} không hợp lệ, không xử lý gì ({len(problems)} lỗi):\n{shown_}{more}")


@dataclass
class CycleBook:
    """The validated content: ``cycle`` (scope, period, opened_on) and each sheet's rows by key.

    Rows are dicts keyed by the column keys of :mod:`kiemdiem.workbook.schema` plus ``_row`` (the
    Excel row number). ``units``, ``collectives``, ``people``, ``positions`` are indexed by id.
    """

    path: Path
    cycle: Row
    units: dict[str, Row] = field(default_factory=dict)
    collectives: dict[str, Row] = field(default_factory=dict)
    people: dict[str, Row] = field(default_factory=dict)
    positions: dict[str, Row] = field(default_factory=dict)
    targets: dict[str, Row] = field(default_factory=dict)
    self_rows: list[Row] = field(default_factory=list)
    ballots: dict[tuple[str, str | None], Row] = field(default_factory=dict)
    decisions: dict[tuple[str, str | None], Row] = field(default_factory=dict)

    @property
    def period(self) -> str:
        return str(self.cycle["period"])


def read_workbook(path: Path | str) -> CycleBook:
    """Read ``path``; raises :class:`WorkbookError` (with every problem found) when it is not valid."""
    path = Path(path)
    problems: list[Problem] = []
    if not path.is_file():
        raise WorkbookError(path, [Problem("", None, None, "không có tệp này")])
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise WorkbookError(path, [Problem("", None, None, f"không đọc được sổ Excel (.xlsx): {error}")]) from None
    rows: dict[str, list[Row]] = {}
    try:
        for sheet in schema.SHEETS:
            if sheet.name not in book.sheetnames:
                if sheet in schema.REQUIRED_SHEETS:
                    problems.append(Problem(sheet.name, None, None, "thiếu sheet này trong sổ"))
                rows[sheet.key] = []
                continue
            rows[sheet.key] = _read_sheet(sheet, book[sheet.name].iter_rows(values_only=True), problems)
    finally:
        book.close()
    if problems:  # structure is wrong: cross-sheet checks would only add noise
        raise WorkbookError(path, problems)
    result = _Checker(path, rows, problems).check()
    if problems:
        raise WorkbookError(path, problems)
    return result


def _read_sheet(sheet: Sheet, lines: Iterable[tuple[Any, ...]], problems: list[Problem]) -> list[Row]:
    iterator = iter(lines)
    header = next(iterator, ())
    found = [str(cell).strip() if cell is not None else "" for cell in header]
    while found and not found[-1]:
        found.pop()
    if tuple(found) != sheet.headers:
        for number, expected in enumerate(sheet.headers):
            got = found[number] if number < len(found) else ""
            if got != expected:
                problems.append(
                    Problem(sheet.name, 1, _letter(number), f"tiêu đề cột cần là “{expected}”, nhận “{got}”")
                )
                break
        else:
            extra = found[len(sheet.headers)]
            problems.append(Problem(sheet.name, 1, _letter(len(sheet.headers)), f"cột thừa “{extra}”"))
        return []
    out: list[Row] = []
    for number, line in enumerate(iterator, start=2):
        cells = list(line[: len(sheet.columns)]) + [None] * (len(sheet.columns) - len(line))
        if all(blank(cell) for cell in cells):
            continue
        row: Row = {"_row": number}
        for column, value in zip(sheet.columns, cells, strict=True):
            try:
                row[column.key] = read_cell(column, value)
            except CellError as error:
                problems.append(Problem(sheet.name, number, column.header, str(error)))
                continue
            if column.required and row[column.key] is None:
                problems.append(Problem(sheet.name, number, column.header, "ô này bắt buộc, đang để trống"))
        out.append(row)
    return out


def _letter(index: int) -> str:
    """The Excel column letter of a 0-based column index (0 → A, 26 → AA)."""
    return get_column_letter(index + 1)


class _Checker:
    """The cross-sheet checks, filling ``problems``."""

    def __init__(self, path: Path, rows: dict[str, list[Row]], problems: list[Problem]) -> None:
        self.path, self.rows, self.problems = path, rows, problems

    def problem(self, sheet: Sheet, row: Row | None, key: str | None, message: str) -> None:
        header = next((c.header for c in sheet.columns if c.key == key), None) if key else None
        self.problems.append(Problem(sheet.name, row["_row"] if row else None, header, message))

    def index(self, sheet: Sheet) -> dict[str, Row]:
        found: dict[str, Row] = {}
        for row in self.rows[sheet.key]:
            if row["id"] in found:
                first = found[row["id"]]["_row"]
                self.problem(sheet, row, "id", f"mã {shown(row['id'])} bị trùng với dòng {first}")
            else:
                found[row["id"]] = row
        return found

    def check(self) -> CycleBook:
        cycles = self.rows["cycle"]
        if len(cycles) != 1:
            self.problem(schema.PERIOD, None, None, f"cần đúng một dòng (phạm vi và kỳ), có {len(cycles)}")
        cycle = cycles[0] if cycles else {"_row": 2, "scope": "", "period": ""}
        book = CycleBook(self.path, cycle)
        book.units = self.index(schema.UNITS)
        book.collectives = self.index(schema.COLLECTIVES)
        book.people = self.index(schema.PEOPLE)
        book.positions = self.index(schema.POSITIONS)
        if cycle.get("scope") and cycle["scope"] not in book.units:
            self.problem(
                schema.PERIOD, cycle, "scope", f"không có đơn vị mã {shown(cycle['scope'])} trong sheet Đơn vị"
            )
        self._check_period(cycle)
        self.year = period_year(str(cycle.get("period") or ""))
        self._check_structure(book)
        self._check_concurrent(book)
        self._check_assessments(book)
        return book

    def _check_period(self, cycle: Row) -> None:
        if cycle.get("period"):
            try:
                period_bounds(str(cycle["period"]))
            except PeriodError as error:
                self.problem(schema.PERIOD, cycle, "period", str(error))

    def ref(self, sheet: Sheet, row: Row, key: str, table: dict[str, Row], what: str) -> Row | None:
        value = row.get(key)
        if value is None:
            return None
        target = table.get(value)
        if target is None:
            self.problem(sheet, row, key, f"không có {what} mã {shown(value)}")
        return target

    def _check_structure(self, book: CycleBook) -> None:
        for unit in book.units.values():
            self.ref(schema.UNITS, unit, "parent", book.units, "đơn vị")
        for collective in book.collectives.values():
            self.ref(schema.COLLECTIVES, collective, "organisation", book.units, "đơn vị")
        for person in book.people.values():
            cell = self.ref(schema.PEOPLE, person, "party_cell", book.units, "chi bộ")
            if cell is not None and cell["kind"] != "party_cell":
                self.problem(schema.PEOPLE, person, "party_cell", f"đơn vị {shown(cell['id'])} không phải chi bộ")
            self.ref(schema.PEOPLE, person, "work_unit", book.units, "đơn vị")
            if person.get("party_status") and not (person.get("admission_date") and person.get("party_cell")):
                self.problem(schema.PEOPLE, person, "admission_date", "đảng viên cần ngày kết nạp và mã chi bộ")
            if person.get("party_status") == "official" and not person.get("official_date"):
                self.problem(schema.PEOPLE, person, "official_date", "đảng viên chính thức cần ngày chính thức")
            if person.get("party_status") == "probationary" and person.get("official_date"):
                self.problem(schema.PEOPLE, person, "official_date", "đảng viên dự bị chưa có ngày chính thức")
        for post in book.positions.values():
            self.ref(schema.POSITIONS, post, "person", book.people, "cá nhân")
            self.ref(schema.POSITIONS, post, "organisation", book.units, "đơn vị")
            self.ref(schema.POSITIONS, post, "collective", book.collectives, "tập thể")
            if not post.get("organisation") and not post.get("collective"):
                self.problem(schema.POSITIONS, post, "organisation", "cần mã đơn vị hoặc mã tập thể (chức vụ ở đâu)")
            if post.get("end_date") and post["end_date"] < post["start_date"]:
                self.problem(schema.POSITIONS, post, "end_date", "ngày kết thúc trước ngày bắt đầu")

    def _check_concurrent(self, book: CycleBook) -> None:
        """A person holding posts in two units at once must mark all but one as kiêm nhiệm (a plain
        membership of a collective body, such as a BCH member's seat, is not such a post)."""
        by_person: dict[str, list[Row]] = defaultdict(list)
        for post in book.positions.values():
            by_person[post["person"]].append(post)
        for posts in by_person.values():
            # Membership of a body (a BCH member) is not a post in a unit; heads, deputies and staff are.
            main = [
                p for p in posts if not p.get("is_concurrent") and (p["role"] != "member" or not p.get("collective"))
            ]
            for i, first in enumerate(main):
                for second in main[i + 1 :]:
                    if _unit(book, first) != _unit(book, second) and _overlap(first, second):
                        self.problem(
                            schema.POSITIONS,
                            second,
                            "is_concurrent",
                            f"cá nhân {shown(second['person'])} giữ chức vụ ở hai đơn vị cùng lúc "
                            f"({shown(first['id'])} và {shown(second['id'])}) nhưng không chức vụ nào ghi kiêm nhiệm; "
                            "ghi “có” ở cột Kiêm nhiệm cho chức vụ kiêm nhiệm",
                        )

    def _check_assessments(self, book: CycleBook) -> None:
        seen: dict[tuple[str, str | None], Row] = {}
        for row in self.rows["self"]:
            subject = row["subject"]
            if subject in book.people:
                if row.get("side") is None:
                    self.problem(schema.SELF, row, "side", "cá nhân cần ghi Bên: Đảng hoặc Chính quyền")
                person = book.people[subject]
                if row.get("side") == "party" and not person.get("party_status"):
                    self.problem(schema.SELF, row, "side", f"cá nhân {shown(subject)} không phải đảng viên")
                if row.get("side") == "state" and not person.get("state_category"):
                    self.problem(
                        schema.SELF, row, "side", f"cá nhân {shown(subject)} không là cán bộ, công chức, viên chức"
                    )
            elif subject in book.units and book.units[subject].get("reviewed") is False:
                self.problem(schema.SELF, row, "subject", f"đơn vị {shown(subject)} ghi “không” ở cột Được kiểm điểm")
            elif subject not in book.units and subject not in book.collectives:
                self.problem(schema.SELF, row, "subject", f"không có đơn vị, tập thể hay cá nhân mã {shown(subject)}")
            if row.get("discipline.form") and not row.get("discipline.track"):
                self.problem(schema.SELF, row, "discipline.track", "kỷ luật cần ghi về Đảng hay Chính quyền")
            key = (subject, row.get("side") if subject in book.people else None)
            if key in seen:
                self.problem(schema.SELF, row, "subject", f"chủ thể {shown(subject)} đã có ở dòng {seen[key]['_row']}")
            seen[key] = row
            book.self_rows.append(row)
        for sheet, target in ((schema.BALLOTS, book.ballots), (schema.DECISIONS, book.decisions)):
            for row in self.rows[sheet.key]:
                key = (row["subject"], row.get("side") if row["subject"] in book.people else None)
                if key not in seen:
                    self.problem(
                        sheet, row, "subject", f"chủ thể {shown(row['subject'])} không có trong sheet Tự đánh giá"
                    )
                elif key in target:
                    self.problem(
                        sheet, row, "subject", f"chủ thể {shown(row['subject'])} đã có ở dòng {target[key]['_row']}"
                    )
                target[key] = row
        for row in book.ballots.values():
            votes = sum(row[level] or 0 for level in ("HTXSNV", "HTTNV", "HTNV", "KHTNV"))
            if row.get("present") is not None and votes > row["present"]:
                self.problem(schema.BALLOTS, row, "present", f"tổng số phiếu ({votes}) nhiều hơn số người dự")
        for row in self.rows["targets"]:
            self._targets_file(row)
            if row["subject"] not in book.units and row["subject"] not in book.collectives:
                self.problem(schema.TARGETS, row, "subject", f"không có đơn vị hay tập thể mã {shown(row['subject'])}")
            elif row["subject"] in book.targets:
                self.problem(schema.TARGETS, row, "subject", f"đã có ở dòng {book.targets[row['subject']]['_row']}")
            else:
                book.targets[row["subject"]] = row

    def _targets_file(self, row: Row) -> None:
        """Fill the shares of a targets row from its targets workbook (kiemdiem.targets), if named."""
        shares = [key for key in TARGET_SHARES if row.get(key) is not None]
        if not row.get("targets_file"):
            if row.get("targets_completed_share") is None:
                self.problem(
                    schema.TARGETS, row, "targets_completed_share", "cần tỷ lệ này, hoặc tên tệp bảng chỉ tiêu"
                )
            return
        if shares:
            self.problem(schema.TARGETS, row, "targets_file", "đã có tệp bảng chỉ tiêu: để trống các cột tỷ lệ")
            return
        path = self.path.parent / str(row["targets_file"])
        if not path.is_file():
            self.problem(
                schema.TARGETS,
                row,
                "targets_file",
                f"không có tệp {shown(row['targets_file'])} (tính từ thư mục của sổ)",
            )
            return
        try:
            sheet = read_target_sheet(path)
            facts = subject_facts(classify_all(sheet.targets, self.year))["led_units"]
        except SheetError as error:
            found = "; ".join(str(problem) for problem in error.problems[:3])
            self.problem(schema.TARGETS, row, "targets_file", f"tệp {shown(row['targets_file'])} không hợp lệ: {found}")
            return
        except NoJudgedTargetsError as error:
            self.problem(schema.TARGETS, row, "targets_file", f"tệp {shown(row['targets_file'])}: {error}")
            return
        row.update({key: facts[key] for key in TARGET_SHARES})


TARGET_SHARES = ("targets_completed_share", "on_time_share", "exceeded_share", "key_targets_missed")


def period_year(code: str) -> int:
    """The year whose targets count: the period's last year (0 when the period is invalid)."""
    try:
        return period_bounds(code)[1].year
    except PeriodError:
        return 0


def _unit(book: CycleBook, post: Row) -> str:
    if post.get("organisation"):
        return str(post["organisation"])
    collective = book.collectives.get(post.get("collective") or "")
    return str(collective["organisation"]) if collective else ""


def _overlap(first: Row, second: Row) -> bool:
    far = dt.date.max
    return first["start_date"] <= (second.get("end_date") or far) and second["start_date"] <= (
        first.get("end_date") or far
    )

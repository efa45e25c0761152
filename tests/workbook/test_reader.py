"""Reading and validating the cycle workbook: every problem named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiemdiem.rules.levels import Level
from kiemdiem.workbook import schema
from kiemdiem.workbook.reader import WorkbookError, read_workbook
from kiemdiem.workbook.template import write_workbook
from tests.workbook.small import set_cell, small_rows, write_small


def problems_of(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    return [str(problem) for problem in caught.value.problems]


def test_small_workbook_reads_with_typed_values(tmp_path: Path) -> None:
    # given
    path = write_small(tmp_path / "an-phu.xlsx")
    # when
    book = read_workbook(path)
    # then
    assert book.period == "2021"
    assert book.cycle["scope"] == "X-AP-DB"
    assert sorted(book.people) == ["AP001", "AP002", "AP003"]
    assert book.people["AP002"]["admission_date"] == dt.date(2010, 2, 3)
    assert book.positions["AP-CV2"]["is_concurrent"] is True
    assert book.self_rows[0]["self_level"] is Level.HTTNV
    assert book.ballots[("TT-UBND-AP", None)]["HTTNV"] == 5


def test_missing_sheet_is_named(tmp_path: Path) -> None:
    # given
    path = write_small(tmp_path / "thieu-sheet.xlsx")
    book = load_workbook(path)
    del book["Chức vụ"]
    book.save(path)
    # when
    found = problems_of(path)
    # then
    assert found == ["sheet “Chức vụ”: thiếu sheet này trong sổ"]


def test_wrong_header_names_the_column_and_what_was_expected(tmp_path: Path) -> None:
    # given
    path = write_small(tmp_path / "sai-tieu-de.xlsx")
    set_cell(path, "Cá nhân", "B1", "Họ tên")
    # when
    found = problems_of(path)
    # then
    assert found == ["sheet “Cá nhân”, dòng 1, cột “B”: tiêu đề cột cần là “Họ và tên”, nhận “Họ tên”"]


def test_text_in_a_number_cell(tmp_path: Path) -> None:
    # given: the task count of row 3 typed in words
    path = write_small(tmp_path / "chu-trong-o-so.xlsx")
    set_cell(path, "Tự đánh giá", "Q3", "mười")
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Tự đánh giá”, dòng 3, cột “Chậm hoặc chất lượng thấp”: cần một số (viết kiểu 1.756,3); nhận “mười”"
    ]


def test_unknown_level_code(tmp_path: Path) -> None:
    # given
    path = write_small(tmp_path / "muc-la.xlsx")
    set_cell(path, "Tự đánh giá", "C2", "HTT")
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Tự đánh giá”, dòng 2, cột “Tự xếp loại”: mức xếp loại không có: “HTT”; "
        "cần một trong HTXSNV, HTTNV, HTNV, KHTNV"
    ]


def test_person_in_two_units_without_kiem_nhiem(tmp_path: Path) -> None:
    # given: the chairman's party post no longer marked concurrent
    rows = small_rows()
    rows["positions"][1]["is_concurrent"] = False
    path = write_small(tmp_path / "khong-kiem-nhiem.xlsx", rows)
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Chức vụ”, dòng 3, cột “Kiêm nhiệm”: cá nhân “AP001” giữ chức vụ ở hai đơn vị cùng lúc "
        "(“AP-CV1” và “AP-CV2”) nhưng không chức vụ nào ghi kiêm nhiệm; "
        "ghi “có” ở cột Kiêm nhiệm cho chức vụ kiêm nhiệm"
    ]


def test_membership_of_a_body_is_not_a_second_post(tmp_path: Path) -> None:
    # given: a BCH-like seat (member of a collective) beside a post in another unit, not concurrent
    rows = small_rows()
    rows["collectives"].append(
        {"id": "TT-BCH-AP", "name": "Ban Chấp hành Đảng bộ xã An Phú", "kind": "bch", "organisation": "X-AP-DB"}
    )
    rows["positions"].append(
        {"id": "AP-CV4", "person": "AP002", "title": "Đảng ủy viên", "role": "member", "collective": "TT-BCH-AP",
         "start_date": dt.date(2020, 7, 1)}
    )  # fmt: skip
    path = write_small(tmp_path / "uy-vien.xlsx", rows)
    # when
    book = read_workbook(path)
    # then
    assert "AP-CV4" in book.positions


def test_duplicate_person(tmp_path: Path) -> None:
    # given: the same person entered twice
    rows = small_rows()
    rows["people"].append(dict(rows["people"][2]))
    path = write_small(tmp_path / "trung-nguoi.xlsx", rows)
    # when
    found = problems_of(path)
    # then
    assert found == ["sheet “Cá nhân”, dòng 5, cột “Mã”: mã “AP003” bị trùng với dòng 4"]


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    # given: two unrelated mistakes in different sheets
    path = write_small(tmp_path / "hai-loi.xlsx")
    set_cell(path, "Cá nhân", "C2", "31/02/1975")
    set_cell(path, "Phiếu", "E2", "năm")
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Cá nhân”, dòng 2, cột “Ngày sinh”: cần một ngày dạng 24/12/2021; nhận “31/02/1975”",
        "sheet “Phiếu”, dòng 2, cột “Phiếu HTTNV”: cần một số (viết kiểu 1.756,3); nhận “năm”",
    ]


def test_references_and_assessments_are_checked_across_sheets(tmp_path: Path) -> None:
    # given: a post of an unknown person, a ballot for a subject not assessed, more votes than voters
    rows = small_rows()
    rows["positions"][2]["person"] = "AP099"
    rows["ballots"][0].update({"present": 4})
    rows["ballots"].append({"subject": "AP003", "side": "party", "present": 3, "HTXSNV": 0, "HTTNV": 3,
                            "HTNV": 0, "KHTNV": 0})  # fmt: skip
    path = write_small(tmp_path / "tham-chieu.xlsx", rows)
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Chức vụ”, dòng 4, cột “Mã cá nhân”: không có cá nhân mã “AP099”",
        "sheet “Phiếu”, dòng 3, cột “Mã chủ thể”: chủ thể “AP003” không có trong sheet Tự đánh giá",
        "sheet “Phiếu”, dòng 2, cột “Số người dự”: tổng số phiếu (5) nhiều hơn số người dự",
    ]


def test_blank_template_has_every_sheet_and_asks_for_the_cycle(tmp_path: Path) -> None:
    # given
    path = write_workbook(tmp_path / "mau.xlsx")
    # when
    book = load_workbook(path)
    found = problems_of(path)
    # then
    assert book.sheetnames == [schema.INSTRUCTIONS_SHEET, *(sheet.name for sheet in schema.SHEETS)]
    for sheet in schema.SHEETS:
        assert tuple(cell.value for cell in book[sheet.name][1]) == sheet.headers
    assert found == ["sheet “Kỳ kiểm điểm”: cần đúng một dòng (phạm vi và kỳ), có 0"]


def test_not_an_excel_file(tmp_path: Path) -> None:
    # given
    path = tmp_path / "so.xlsx"
    path.write_text("không phải Excel", encoding="utf-8")
    # when
    found = problems_of(path)
    # then
    assert found == ["không đọc được sổ Excel (.xlsx): File is not a zip file"]


def test_assessed_unit_marked_not_reviewed(tmp_path: Path) -> None:
    # given: the commune UBND (marked not reviewed) assessed as a unit
    rows = small_rows()
    rows["units"][2]["reviewed"] = False
    rows["self"].append({"subject": "X-AP-UBND", "self_level": "HTTNV"})
    path = write_small(tmp_path / "khong-kiem-diem.xlsx", rows)
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Tự đánh giá”, dòng 4, cột “Mã chủ thể”: đơn vị “X-AP-UBND” ghi “không” ở cột Được kiểm điểm"
    ]


def test_targets_given_as_shares_or_as_a_targets_workbook(tmp_path: Path) -> None:
    # given: a missing targets workbook, a row with neither, a row with both
    rows = small_rows()
    rows["targets"] = [
        {"subject": "TT-UBND-AP", "targets_file": "chi-tieu-an-phu.xlsx"},
        {"subject": "X-AP-UBND"},
        {"subject": "X-AP-DB", "targets_file": "chi-tieu.xlsx", "targets_completed_share": 0.9},
    ]
    path = write_small(tmp_path / "chi-tieu.xlsx", rows)
    # when
    found = problems_of(path)
    # then
    assert found == [
        "sheet “Chỉ tiêu”, dòng 2, cột “Tệp bảng chỉ tiêu”: "
        "không có tệp “chi-tieu-an-phu.xlsx” (tính từ thư mục của sổ)",
        "sheet “Chỉ tiêu”, dòng 3, cột “Tỷ lệ chỉ tiêu hoàn thành (%)”: cần tỷ lệ này, hoặc tên tệp bảng chỉ tiêu",
        "sheet “Chỉ tiêu”, dòng 4, cột “Tệp bảng chỉ tiêu”: đã có tệp bảng chỉ tiêu: để trống các cột tỷ lệ",
    ]


def test_extra_column_is_named_by_its_letter(tmp_path: Path) -> None:
    # given: a column added after the 27 columns of "Tự đánh giá"
    path = write_small(tmp_path / "cot-thua.xlsx")
    set_cell(path, "Tự đánh giá", "AB1", "Ý kiến")
    # when
    found = problems_of(path)
    # then
    assert found == ["sheet “Tự đánh giá”, dòng 1, cột “AB”: cột thừa “Ý kiến”"]

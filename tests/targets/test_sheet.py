import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kiemdiem.targets import Assigner, BasicKind, Direction, SheetError, read_target_sheet

from .conftest import GOOD_ROW, HEADER


def test_a_good_sheet_is_read_with_its_labels(write_sheet):
    # given
    path = write_sheet([GOOD_ROW])
    # when
    sheet = read_target_sheet(path)
    # then
    (target,) = sheet.targets
    assert sheet.assigner_labels == {Assigner.SUPERIOR: "thành phố giao", Assigner.OWN: "đơn vị tự giao"}
    assert (target.code, target.assigner, target.direction, target.key) == (
        "A01",
        Assigner.SUPERIOR,
        Direction.HIGHER,
        True,
    )
    assert (target.figures(2021).plan, target.figures(2021).actual) == (Decimal("1050"), Decimal("1386.45"))


def test_excel_numbers_dates_and_percent_cells_are_accepted(write_sheet):
    # given
    header = [*HEADER, "Hạn 2021", "Ngày đạt 2021", "% kế hoạch (công bố) 2021"]
    row = [*GOOD_ROW[:7], 1050, 1386.45, dt.datetime(2021, 9, 30), "20/09/2021", 1.3204]
    path = write_sheet([row], header)
    workbook = load_workbook(path)
    workbook["Chỉ tiêu"]["L4"].number_format = "0.00%"  # as Excel formats a cell typed 132,04%
    workbook.save(path)
    # when
    figures = read_target_sheet(path).targets[0].figures(2021)
    # then
    assert figures.actual == Decimal("1386.45")
    assert (figures.deadline, figures.achieved_on) == (dt.date(2021, 9, 30), dt.date(2021, 9, 20))
    assert figures.published_share_of_plan == Decimal("1.3204")


def test_a_malformed_number_is_refused_with_its_cell(write_sheet):
    # given: the English form of a number in the actual column (column I, row 5)
    bad = [*GOOD_ROW[:8], "1,386.45"]
    path = write_sheet([GOOD_ROW, bad])
    # when / then
    with pytest.raises(SheetError) as caught:
        read_target_sheet(path)
    assert [str(p) for p in caught.value.problems] == [
        "trang “Chỉ tiêu”, dòng 5, cột I (“Thực hiện 2021”): cần một số viết kiểu Việt Nam (ví dụ 1.756,292), "
        "gặp '1,386.45'"
    ]
    assert str(caught.value).startswith("chi-tieu.xlsx: bảng chỉ tiêu không hợp lệ, không nhập gì (1 lỗi)\n")


def test_every_problem_is_reported_at_once(write_sheet):
    # given: a duplicate code, an unknown direction, an empty indicator and a bad key mark
    rows = [
        GOOD_ROW,
        [2, "A01", "Chỉ tiêu trùng mã", "%", "Tự giao", "Càng cao càng tốt", None, "1", "1"],
        [3, "A03", "Tỷ lệ hộ nghèo", "%", "Tự giao", "Giảm dần", None, "1,2", "1"],
        [4, "A04", None, "%", "Tự giao", "Càng cao càng tốt", "có lẽ", "1", "1"],
    ]
    # when / then
    with pytest.raises(SheetError) as caught:
        read_target_sheet(write_sheet(rows))
    assert [str(p) for p in caught.value.problems] == [
        "trang “Chỉ tiêu”, dòng 5, cột B (“Mã”): mã “A01” trùng với dòng 4",
        "trang “Chỉ tiêu”, dòng 6, cột F (“Chiều đánh giá”): chiều đánh giá phải là một trong “Càng cao càng tốt”, "
        "“Càng thấp càng tốt”, “Đạt/Không đạt”, “Bộ tiêu chí”, gặp 'Giảm dần'",
        "trang “Chỉ tiêu”, dòng 7, cột C (“Chỉ tiêu”): ô trống; cần chỉ tiêu",
        "trang “Chỉ tiêu”, dòng 7, cột G (“Trọng tâm”): đánh dấu bằng “x” hoặc để trống, gặp 'có lẽ'",
    ]


def test_an_unknown_header_and_a_missing_column_are_named(write_sheet):
    # given
    header = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Cấp giao", "Chiều", "Kế hoạch 2021"]
    # when / then
    with pytest.raises(SheetError) as caught:
        read_target_sheet(write_sheet([], header))
    problems = [str(p) for p in caught.value.problems]
    assert problems[0].startswith(
        "trang “Chỉ tiêu”, dòng 3, cột F (“Chiều”): tiêu đề cột không biết; cần một trong “STT”"
    )
    assert problems[1] == "trang “Chỉ tiêu”, dòng 3: thiếu cột “Chiều đánh giá”"


def test_a_workbook_without_the_sheet_is_refused(write_sheet):
    # when / then
    with pytest.raises(SheetError) as caught:
        read_target_sheet(write_sheet([GOOD_ROW], sheet="Sheet1"))
    assert str(caught.value.problems[0]) == "trang “Chỉ tiêu”: không có trang “Chỉ tiêu” (các trang có: “Sheet1”)"


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    # given
    path = tmp_path / "bang.xlsx"
    path.write_text("không phải Excel", encoding="utf-8")
    # when / then
    with pytest.raises(SheetError) as caught:
        read_target_sheet(path)
    assert str(caught.value.problems[0]) == "không đọc được tệp Excel (.xlsx): File is not a zip file"


def test_both_example_sheets_read(thuong_tin_sheet, thanh_van_sheet):
    # when
    thuong_tin = read_target_sheet(thuong_tin_sheet)
    thanh_van = read_target_sheet(thanh_van_sheet)
    # then
    assert (thuong_tin.unit_name, thuong_tin.years, len(thuong_tin.targets)) == (
        "Huyện Thường Tín",
        [2022, 2023, 2024],
        5,
    )
    budget = next(t for t in thuong_tin.targets if t.basic is BasicKind.BUDGET_REVENUE)
    assert budget.figures(2023).actual == Decimal("1756.292")
    assert budget.figures(2023).published_growth == Decimal("0.5777")
    assert sum(1 for t in thanh_van.targets if t.assigner is Assigner.SUPERIOR) == 15
    assert sum(1 for t in thanh_van.targets if t.assigner is Assigner.OWN) == 19

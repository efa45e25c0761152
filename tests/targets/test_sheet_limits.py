"""Sheets a clerk may really produce: a column copied twice, a slip of the keyboard, Excel's float noise."""

import zipfile
from decimal import Decimal

import pytest

from kiemdiem.targets import SheetError, read_target_sheet

from .conftest import GOOD_ROW, HEADER


def test_a_header_given_twice_is_refused_instead_of_replacing_the_first_column(write_sheet):
    # given: "Thực hiện 2021" overwritten by a second "Kế hoạch 2021"
    header = [*HEADER[:-1], "Kế hoạch 2021"]
    # when
    with pytest.raises(SheetError) as refused:
        read_target_sheet(write_sheet([GOOD_ROW], header))
    # then
    assert [str(p) for p in refused.value.problems] == [
        "trang “Chỉ tiêu”, dòng 3, cột I (“Kế hoạch 2021”): tiêu đề cột trùng với cột H; mỗi cột chỉ được có một lần"
    ]


def test_numbers_too_large_to_be_real_are_refused_by_cell(write_sheet):
    # given
    header = [*HEADER, "% kế hoạch (công bố) 2021"]
    rows = [
        [*GOOD_ROW[:7], "999.999.999.999.999,5", "1.386,45", "151,85%"],
        [2, "A02", "Thu thuế", "tỷ đồng", "Tự giao", "Càng cao càng tốt", None, 10, 1e300, "100.000.000%"],
    ]
    # when
    with pytest.raises(SheetError) as refused:
        read_target_sheet(write_sheet(rows, header))
    # then
    assert [str(p) for p in refused.value.problems] == [
        "trang “Chỉ tiêu”, dòng 4, cột H (“Kế hoạch 2021”): số quá lớn (phải nhỏ hơn 100.000.000.000.000), "
        "gặp '999.999.999.999.999,5'",
        "trang “Chỉ tiêu”, dòng 5, cột I (“Thực hiện 2021”): số quá lớn (phải nhỏ hơn 100.000.000.000.000), gặp 1e+300",
        "trang “Chỉ tiêu”, dòng 5, cột J (“% kế hoạch (công bố) 2021”): số quá lớn (phải nhỏ hơn 100.000.000%), "
        "gặp '100.000.000%'",
    ]


def test_a_year_outside_the_stored_range_is_refused(write_sheet):
    # given
    header = [*HEADER[:-1], "Thực hiện 0021"]
    # when
    with pytest.raises(SheetError) as refused:
        read_target_sheet(write_sheet([GOOD_ROW], header))
    # then
    assert [str(p) for p in refused.value.problems] == [
        "trang “Chỉ tiêu”, dòng 3, cột I (“Thực hiện 0021”): năm phải từ 1945 đến 2100, gặp 0021"
    ]


def test_excel_float_noise_beyond_fifteen_digits_is_dropped(write_sheet):
    # given: the cell as Excel saves =0,1+0,2 (17 digits; openpyxl itself would write 0.3)
    path = write_sheet([[*GOOD_ROW[:7], 1, 0.3]])
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    sheet_xml = "xl/worksheets/sheet1.xml"
    assert parts[sheet_xml].count(b"<v>0.3</v>") == 1
    parts[sheet_xml] = parts[sheet_xml].replace(b"<v>0.3</v>", b"<v>0.30000000000000004</v>")
    with zipfile.ZipFile(path, "w") as rewritten:
        for name, data in parts.items():
            rewritten.writestr(name, data)
    # when
    figures = read_target_sheet(path).targets[0].figures(2021)
    # then
    assert figures.actual == Decimal("0.3")


def test_a_plain_number_in_a_percentage_column_is_refused_as_ambiguous(write_sheet):
    # given: 25,73 typed into a % column without the % sign or format (it would print as 2.573%)
    header = [*HEADER, "Tăng so với cùng kỳ (công bố) 2021"]
    # when
    with pytest.raises(SheetError) as refused:
        read_target_sheet(write_sheet([[*GOOD_ROW, 25.73]], header))
    # then
    assert [str(p) for p in refused.value.problems] == [
        "trang “Chỉ tiêu”, dòng 4, cột J (“Tăng so với cùng kỳ (công bố) 2021”): "
        "cần tỷ lệ phần trăm (ví dụ 25,73% hoặc ô định dạng %), gặp số 25.73"
    ]


def test_a_formula_without_its_stored_result_is_refused_not_read_as_empty(write_sheet):
    # given: a sheet written by a program, the actual as a formula never calculated by Excel
    path = write_sheet([[*GOOD_ROW[:8], "=1000+386.45"]])
    # when
    with pytest.raises(SheetError) as refused:
        read_target_sheet(path)
    # then
    assert [str(p) for p in refused.value.problems] == [
        "trang “Chỉ tiêu”, dòng 4, cột I (“Thực hiện 2021”): "
        "ô có công thức nhưng tệp chưa lưu kết quả tính; mở tệp bằng Excel, lưu lại rồi nhập"
    ]

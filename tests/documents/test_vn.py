import datetime as dt
from types import SimpleNamespace

import pytest

from kiemdiem.documents import vn
from kiemdiem.documents.naming import list_order
from kiemdiem.rules.levels import Level


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        pytest.param(dt.date(2022, 1, 5), "Thanh Vân, ngày 05 tháng 01 năm 2022", id="day_and_month_padded_case"),
        pytest.param(dt.date(2021, 12, 20), "Thanh Vân, ngày 20 tháng 12 năm 2021", id="no_padding_case"),
        pytest.param(dt.date(2021, 3, 9), "Thanh Vân, ngày 09 tháng 3 năm 2021", id="march_not_padded_case"),
        pytest.param(dt.date(2020, 2, 10), "Thanh Vân, ngày 10 tháng 02 năm 2020", id="february_padded_case"),
    ],
)
def test_place_date_pads_days_below_10_and_months_1_2(date, expected):
    # when
    line = vn.place_date("Thanh Vân", date)
    # then
    assert line == expected


def test_missing_place_and_date_print_the_dotted_blank():
    # when
    line = vn.place_date(None, None)
    # then
    assert line == "…………………, ngày …… tháng …… năm ……"
    assert "None" not in line


def test_numbers_and_percentages_the_vietnamese_way():
    # when / then
    assert vn.number(1756.3, 1) == "1.756,3"
    assert vn.number(1234567) == "1.234.567"
    assert vn.number(None) == vn.BLANK
    assert vn.percent(15185, 10000) == "151,85%"
    assert vn.percent(1, 2) == "50%"
    assert vn.percent(1, 3) == "33,33%"
    assert vn.percent(3, 0) == vn.BLANK


def test_level_boxes_tick_only_the_chosen_level():
    # when
    boxes = vn.level_boxes(Level.HTTNV)
    # then
    assert boxes == [
        "☐ Hoàn thành xuất sắc nhiệm vụ",
        "☒ Hoàn thành tốt nhiệm vụ",
        "☐ Hoàn thành nhiệm vụ",
        "☐ Không hoàn thành nhiệm vụ",
    ]


def test_an_unknown_grade_is_refused_with_the_allowed_grades():
    # when
    with pytest.raises(ValueError, match="mức tự đánh giá 'Khá'") as error:
        vn.grade_boxes("Khá")
    # then
    assert str(error.value) == "mức tự đánh giá 'Khá' không hợp lệ; chỉ nhận: Xuất sắc, Tốt, Trung bình, Kém"


def test_empty_lines_become_dotted_lines_for_the_clerk():
    # when / then
    assert vn.lines_or_blank(["", "  "], count=2) == [vn.BLANK_LINE, vn.BLANK_LINE]
    assert vn.lines_or_blank([" Có nội dung. "]) == ["Có nội dung."]


def test_names_sort_by_given_name_in_vietnamese_alphabetical_order():
    # given: code-point order would put "Đ…" after "V…" and "Hùng" before "Hậu"
    names = ["Vũ Xuân Khải", "Đinh Đình Dũng", "Bùi Văn Hùng", "Bùi Văn Hậu", "Dương Thị Dung", "Lê Ánh", "Lê Anh"]
    # when
    ordered = sorted(names, key=vn.name_key)
    # then: Dung < Dũng (tone breaks the tie) < Hậu < Hùng < Khải; â before u; a plain tone first
    assert ordered == [
        "Lê Anh",
        "Lê Ánh",
        "Dương Thị Dung",
        "Đinh Đình Dũng",
        "Bùi Văn Hậu",
        "Bùi Văn Hùng",
        "Vũ Xuân Khải",
    ]


def test_d_with_stroke_comes_after_d_and_before_e():
    # when
    ordered = sorted(["Lê Văn Em", "Lê Văn Đức", "Lê Văn Duy"], key=vn.name_key)
    # then
    assert ordered == ["Lê Văn Duy", "Lê Văn Đức", "Lê Văn Em"]


def test_decision_lists_put_organisations_first_then_people_by_given_name():
    # given
    org = SimpleNamespace(subject_person=None)
    hau = SimpleNamespace(subject_person=SimpleNamespace(full_name="Bùi Văn Hậu"))
    dung = SimpleNamespace(subject_person=SimpleNamespace(full_name="Đinh Đình Dũng"))
    # when
    ordered = list_order([hau, org, dung])  # type: ignore[arg-type]
    # then
    assert ordered == [org, dung, hau]

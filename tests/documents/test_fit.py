import pytest

from kiemdiem.documents.fit import text_width_mm
from kiemdiem.documents.forms import FORMS
from kiemdiem.documents.render import render_docx
from tests.documents.docx_helpers import open_docx
from tests.documents.sample import context_for


def _superior_line(key: str, superior: str) -> tuple[float, float, float]:
    """(left column width mm, superior size pt, superior printed width mm) of the rendered header."""
    spec = FORMS[key]
    doc = open_docx(render_docx(spec, context_for(spec) | {"superior_name": superior}))
    table = doc.tables[0]
    line = table.rows[0].cells[0].paragraphs[0]
    size = line.runs[0].font.size.pt
    return round(table.columns[0].width.mm, 1), size, text_width_mm(line.text, size)


def test_times_widths_ignore_vietnamese_marks():
    # when / then: a marked letter is as wide as its base letter; Đ as D
    assert text_width_mm("ẤỘỦ", 14) == text_width_mm("AOU", 14)
    assert text_width_mm("Đ", 14) == text_width_mm("D", 14)
    assert round(text_width_mm("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", 14), 1) == 71.1


def test_hanoi_superior_stays_on_one_line_at_14_pt_in_the_party_header():
    # given: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" is 71,1 mm at 14 pt; the built column is 75 mm with padding
    # when
    left, size, width = _superior_line("collective_report.hd21", "Đảng bộ thành phố Hà Nội")
    # then: the left column takes what the place-and-date line does not need; no shrinking
    assert (left, size) == (84.6, 14.0)
    assert width <= left


@pytest.mark.parametrize(("key", "expected_left"), [("collective_report.hd21", 84.6), ("decision.party", 84.6)])
def test_long_superior_is_shrunk_to_fit_one_line(key, expected_left):
    # given: 88 mm at 14 pt, wider than any left column
    # when
    left, size, width = _superior_line(key, "Đảng bộ Cơ quan huyện Thanh Vân")
    # then: 12 pt (the floor), and it fits
    assert (left, size) == (expected_left, 12.0)
    assert width <= left


def test_a_name_too_long_even_at_12_pt_is_left_to_wrap_at_12_pt():
    # when
    left, size, width = _superior_line("collective_report.hd21", "Đảng bộ khối các cơ quan tỉnh Bà Rịa - Vũng Tàu")
    # then
    assert size == 12.0
    assert width > left


def test_state_superior_keeps_13_pt_when_the_widened_column_holds_it():
    # given: NĐ 30/2020 prints the superior body at 12–13 pt; the template uses 13
    # when
    left, size, width = _superior_line("decision.state", "Đảng bộ thành phố Hà Nội")
    # then
    assert (left, size) == (68.4, 13.0)
    assert width <= left

import datetime as dt

import pytest

from kiemdiem.documents.instruments import bases, local_government_law, normalise
from kiemdiem.documents.layout import Family
from kiemdiem.rules.reasons import Reason


def test_bases_list_each_cited_instrument_once_in_catalogue_order():
    # given: reasons as the rules engine returns them
    reasons = [
        Reason("r132.m.discipline", "21-HD/BTCTW, mục II.B.2.3", "…"),
        Reason("r132.m.level", "132-QĐ/TW, Điều 7", "…"),
        Reason("r132.m.other", "21-HD/BTCTW, mục II.B.1", "…"),
    ]
    # when
    lines = bases((reason.instrument for reason in reasons), Family.PARTY, dt.date(2022, 1, 5))
    # then
    assert lines == (
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "- Căn cứ Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
        "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;",
        "- Căn cứ Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương;",
    )


def test_state_bases_have_no_dash_and_unknown_codes_are_printed_as_cited():
    # when
    lines = bases(["Nghị định 90/2020/NĐ-CP", "Quy chế 05-QC/UBND"], Family.STATE, dt.date(2022, 1, 5))
    # then: the 2015 law as amended in 2019 (in force 01/7/2020), by name and date
    assert lines == (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
        "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
        "Căn cứ Nghị định số 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ về đánh giá, xếp loại chất lượng "
        "cán bộ, công chức, viên chức;",
        "Căn cứ Quy chế 05-QC/UBND;",
    )


def test_normalise_strips_the_instrument_kind():
    # then
    assert normalise("NĐ 90/2020/NĐ-CP") == "90/2020/NĐ-CP"
    assert normalise("Quy định số 124-QĐ/TW") == "124-QĐ/TW"
    assert normalise("43-HD/BTCTW") == "43-HD/BTCTW"


@pytest.mark.parametrize(
    ("on", "citation", "confirmed"),
    [
        (dt.date(2020, 6, 30), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", True),
        (dt.date(2025, 2, 28), "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
         "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
         True),
        (dt.date(2025, 7, 1), "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", False),
    ],
)  # fmt: skip
def test_the_local_government_law_is_the_version_in_force_on_the_decision_date(on, citation, confirmed):
    # when
    law = local_government_law(on)
    # then
    assert (law.citation, law.confirmed) == (citation, confirmed)


def test_a_decision_before_the_2015_law_took_effect_is_refused():
    # when
    with pytest.raises(
        ValueError, match=r"^ngày 31/12/2015: chưa có Luật Tổ chức chính quyền địa phương 2015 để làm căn cứ$"
    ):
        local_government_law(dt.date(2015, 12, 31))

from kiemdiem.documents.instruments import bases, normalise
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
    lines = bases((reason.instrument for reason in reasons), Family.PARTY)
    # then
    assert lines == (
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "- Căn cứ Quy định số 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại "
        "chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;",
        "- Căn cứ Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương về kiểm điểm và đánh giá, "
        "xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị;",
    )


def test_state_bases_have_no_dash_and_unknown_codes_are_printed_as_cited():
    # when
    lines = bases(["Nghị định 90/2020/NĐ-CP", "Quy chế 05-QC/UBND"], Family.STATE)
    # then
    assert lines == (
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Căn cứ Nghị định số 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ về đánh giá, xếp loại chất lượng "
        "cán bộ, công chức, viên chức;",
        "Căn cứ Quy chế 05-QC/UBND;",
    )


def test_normalise_strips_the_instrument_kind():
    # then
    assert normalise("NĐ 90/2020/NĐ-CP") == "90/2020/NĐ-CP"
    assert normalise("Quy định số 124-QĐ/TW") == "124-QĐ/TW"
    assert normalise("43-HD/BTCTW") == "43-HD/BTCTW"

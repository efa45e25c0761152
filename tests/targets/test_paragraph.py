from decimal import Decimal

import pytest

from kiemdiem.targets import (
    Assigner,
    BasicKind,
    Target,
    TargetSettings,
    YearFigures,
    classify_all,
    data_checks,
    rank,
    read_target_sheet,
    results_paragraph,
)

from .builders import target

LABELS = {Assigner.SUPERIOR: "thành phố giao", Assigner.OWN: "huyện giao"}


def budget(*years: YearFigures) -> Target:
    return Target(
        code="NS",
        indicator="Thu ngân sách nhà nước trên địa bàn",
        unit="tỷ đồng",
        assigner=Assigner.SUPERIOR,
        basic=BasicKind.BUDGET_REVENUE,
        years=years,
    )


def test_thuong_tin_2023_states_budget_revenue_its_share_growth_and_rank(thuong_tin_sheet):
    # given
    sheet = read_target_sheet(thuong_tin_sheet)
    # when
    text = results_paragraph(sheet.targets, 2023, assigner_labels=sheet.assigner_labels)
    # then
    assert (
        "Thu ngân sách nhà nước trên địa bàn đạt 1.756,292 tỷ đồng, bằng 151,85% dự toán, tăng 57,77% so với "
        "cùng kỳ (số công bố; tính từ số liệu 2022 và 2023 trong bảng là tăng 55,06%), cao nhất trong 2 năm có số "
        "liệu (2022–2023)." in text
    )
    assert text.startswith(
        "Năm 2023, 2/2 chỉ tiêu thành phố giao hoàn thành và hoàn thành vượt kế hoạch (2 vượt kế hoạch)."
    )


def test_thuong_tin_2023_growth_mismatch_is_flagged(thuong_tin_sheet):
    # given
    sheet = read_target_sheet(thuong_tin_sheet)
    # when
    checks = data_checks(classify_all(sheet.targets, 2023))
    # then
    mismatches = [c for c in checks if c.kind == "growth_mismatch"]
    assert [(c.code, c.message) for c in mismatches] == [
        (
            "TT-04",
            "TT-04 (Thu ngân sách nhà nước trên địa bàn): mức tăng công bố năm 2023 là 57,77%, "
            "nhưng tính từ số liệu 2022 và 2023 trong bảng là 55,06%",
        )
    ]
    assert [c.code for c in checks if c.kind == "not_judged"] == ["TT-01", "TT-02", "TT-03"]


def test_targets_without_plan_still_report_their_published_figures(thuong_tin_sheet):
    # given
    sheet = read_target_sheet(thuong_tin_sheet)
    # when
    text = results_paragraph(sheet.targets, 2023, assigner_labels=sheet.assigner_labels)
    # then
    assert (
        "3 chỉ tiêu chưa đủ số liệu nên chưa đánh giá: Giá trị sản xuất công nghiệp – xây dựng đạt 26.465 tỷ đồng, "
        "tăng 17,4% so với cùng kỳ (chưa có kế hoạch);" in text
    )


def test_thanh_van_2021_counts_by_assigning_level(thanh_van_sheet):
    # given
    sheet = read_target_sheet(thanh_van_sheet)
    # when
    text = results_paragraph(sheet.targets, 2021, assigner_labels=sheet.assigner_labels)
    # then
    assert text.startswith(
        "Năm 2021, 13/15 chỉ tiêu thành phố giao hoàn thành và hoàn thành vượt kế hoạch (9 vượt kế hoạch, "
        "4 hoàn thành, 1 cơ bản hoàn thành, 1 không hoàn thành); 15/19 chỉ tiêu huyện giao hoàn thành và hoàn "
        "thành vượt kế hoạch (10 vượt kế hoạch, 5 hoàn thành, 2 cơ bản hoàn thành, 2 không hoàn thành). "
        "2/34 chỉ tiêu được đánh giá theo số ước thực hiện."
    )
    assert "Không hoàn thành: Tỷ lệ sinh con thứ ba trở lên (3,45%, kế hoạch 3,1%);" in text
    assert "cao nhất trong 3 năm có số liệu (2019–2021)." in text
    assert text.endswith(f"Ghi chú: {TargetSettings().describe()}.")


def test_highest_is_said_only_when_the_history_shows_it():
    # given: 2021 is below 2020
    subject = budget(
        YearFigures(2019, plan=Decimal(800), actual=Decimal(900)),
        YearFigures(2020, plan=Decimal(900), actual=Decimal(1200)),
        YearFigures(2021, plan=Decimal(1000), actual=Decimal(1100)),
    )
    # when
    text = results_paragraph([subject], 2021)
    # then
    assert "năm có số liệu" not in text
    assert "giảm 8,33% so với năm 2020 (tính từ số liệu trong bảng)" in text
    assert rank(subject, 2021).position == 2


def test_a_single_recorded_year_is_never_the_highest():
    # given
    subject = budget(YearFigures(2021, plan=Decimal(1000), actual=Decimal(1100)))
    # when
    text = results_paragraph([subject], 2021)
    # then
    assert text.endswith("Thu ngân sách nhà nước trên địa bàn đạt 1.100 tỷ đồng, bằng 110,00% dự toán.")


def test_the_tolerance_note_appears_only_with_a_mostly_met_target():
    # given
    met = [target("A", plan="10", actual="10")]
    mostly = [target("A", plan="10", actual="9.6")]
    # when
    plain, noted = results_paragraph(met, 2021), results_paragraph(mostly, 2021)
    # then
    assert "Ghi chú" not in plain
    assert noted == (
        "Năm 2021, 0/1 chỉ tiêu đơn vị tự giao hoàn thành và hoàn thành vượt kế hoạch (1 cơ bản hoàn thành). "
        "Cơ bản hoàn thành: Chỉ tiêu A (đạt 96,00% kế hoạch). "
        f"Ghi chú: {TargetSettings().describe()}."
    )


def test_no_figures_for_the_year_is_refused():
    # when / then
    with pytest.raises(ValueError, match="không có chỉ tiêu nào có số liệu năm 2030"):
        results_paragraph([target("A", plan="1", actual="1")], 2030, assigner_labels=LABELS)


def test_a_year_with_nothing_to_judge_says_so():
    # given
    unplanned = [target("A", plan=None, actual="26465", indicator="Giá trị sản xuất công nghiệp")]
    # when
    text = results_paragraph(unplanned, 2021)
    # then
    assert text == (
        "Năm 2021, chưa có chỉ tiêu nào đủ số liệu để đánh giá. 1 chỉ tiêu chưa đủ số liệu nên chưa đánh giá: "
        "Giá trị sản xuất công nghiệp đạt 26.465 tỷ đồng (chưa có kế hoạch)."
    )

import datetime as dt
from decimal import Decimal

from kiemdiem.targets import Assigner, Target, YearFigures, change, classify_all, data_checks, rank

from .builders import target


def revenue(*years: YearFigures) -> Target:
    return Target(code="NS", indicator="Thu ngân sách", unit="tỷ đồng", assigner=Assigner.SUPERIOR, years=years)


def test_change_is_year_on_year_and_needs_both_years():
    # given
    subject = revenue(
        YearFigures(2019, actual=Decimal(800)),
        YearFigures(2021, actual=Decimal(1000)),
        YearFigures(2022, plan=Decimal(900), estimate=Decimal(1100), published_growth=Decimal("0.1")),
    )
    # when
    moved = change(subject, 2022)
    # then
    assert (moved.previous, moved.current, moved.computed, moved.published) == (
        Decimal(1000),
        Decimal(1100),
        Decimal("0.1"),
        Decimal("0.1"),
    )
    assert change(subject, 2021) is None  # 2020 not recorded: no year-on-year change


def test_rank_uses_only_years_up_to_the_report_and_knows_lower_is_better():
    # given
    subject = revenue(
        YearFigures(2020, actual=Decimal(5)),
        YearFigures(2021, actual=Decimal(3)),
        YearFigures(2022, actual=Decimal(9)),
    )
    # when
    higher = rank(subject, 2021)
    lower = rank(subject, 2021, lower_is_better=True)
    # then
    assert (higher.position, higher.count, higher.first_year, higher.last_year) == (2, 2, 2020, 2021)
    assert (lower.position, lower.is_best) == (1, True)
    assert rank(subject, 2023) is None


def test_a_published_share_of_plan_the_figures_contradict_is_flagged():
    # given: 120 / 100 is 120%, the sheet says 125%
    subject = target("A", plan="100", actual="120", published_share_of_plan=Decimal("1.25"))
    agreeing = target("B", plan="100", actual="120", published_share_of_plan=Decimal("1.2"))
    # when
    checks = data_checks(classify_all([subject, agreeing], 2021))
    # then
    assert [(c.code, c.kind, c.message) for c in checks] == [
        (
            "A",
            "share_of_plan_mismatch",
            "A (Chỉ tiêu A): tỷ lệ so với kế hoạch công bố năm 2021 là 125%, nhưng tính từ số liệu trong bảng "
            "là 120,00%",
        )
    ]


def test_an_unknown_date_before_an_early_deadline_is_flagged():
    # given
    subject = target("A", plan="60", actual="60", deadline=dt.date(2021, 6, 30))
    # when
    checks = data_checks(classify_all([subject], 2021))
    # then
    assert [(c.kind, c.message) for c in checks] == [
        ("on_time_unknown", "A (Chỉ tiêu A): có hạn trước cuối năm nhưng không ghi ngày đạt; tính là không đúng hạn")
    ]

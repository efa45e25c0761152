import datetime as dt
from decimal import Decimal

import pytest

from kiemdiem.targets import Direction, Status, TargetSettings, classify

from .builders import target


@pytest.mark.parametrize(
    ("_case", "plan", "actual", "status"),
    [
        ("one unit above plan", "100", "101", Status.EXCEEDED),
        ("exactly at plan", "100", "100", Status.MET),
        ("one unit below plan, inside the tolerance", "100", "99", Status.MOSTLY_MET),
        ("at the tolerance boundary (95%)", "100", "95", Status.MOSTLY_MET),
        ("just under the boundary", "100", "94.99", Status.MISSED),
        ("far below", "250", "212", Status.MISSED),
    ],
)
def test_higher_is_better_statuses_at_each_threshold(_case, plan, actual, status):
    # given
    subject = target(plan=plan, actual=actual)
    # when
    result = classify(subject, 2021)
    # then
    assert result.status is status
    assert result.share_of_plan == Decimal(actual) / Decimal(plan)


@pytest.mark.parametrize(
    ("_case", "plan", "actual", "status"),
    [
        ("below plan is better", "3.1", "3.0", Status.EXCEEDED),
        ("exactly at plan", "3.1", "3.1", Status.MET),
        ("at the tolerance boundary (105%)", "40", "42", Status.MOSTLY_MET),
        ("just over the boundary", "40", "42.01", Status.MISSED),
        ("zero plan, zero actual", "0", "0", Status.MET),
        ("zero plan, one case", "0", "1", Status.MISSED),
    ],
)
def test_lower_is_better_statuses_at_each_threshold(_case, plan, actual, status):
    # given
    subject = target(plan=plan, actual=actual, direction=Direction.LOWER, unit="%")
    # when
    result = classify(subject, 2021)
    # then
    assert result.status is status
    assert result.share_of_plan is None


def test_yes_no_and_criteria_targets_are_never_exceeded():
    # given
    election = target("D14", plan="1", actual="1", direction=Direction.YES_NO)
    failed = target("D15", plan="1", actual="0", direction=Direction.YES_NO)
    all_criteria = target("D16", plan="9", actual="10", direction=Direction.CRITERIA)
    one_short = target("D17", plan="19", actual="18", direction=Direction.CRITERIA)
    # when
    statuses = [classify(t, 2021).status for t in (election, failed, all_criteria, one_short)]
    # then
    assert statuses == [Status.MET, Status.MISSED, Status.MET, Status.MISSED]


def test_the_tolerance_is_a_setting_and_is_described_as_unconfirmed():
    # given
    subject = target(plan="100", actual="91")
    wide = TargetSettings(mostly_met_tolerance=Decimal("0.1"))
    # when
    default_status = classify(subject, 2021).status
    wide_status = classify(subject, 2021, wide).status
    # then
    assert default_status is Status.MISSED
    assert wide_status is Status.MOSTLY_MET
    assert wide.confirmed is False
    assert TargetSettings().describe() == (
        "“cơ bản hoàn thành” là đạt từ 95% đến dưới 100% kế hoạch "
        "(ngưỡng do đơn vị đặt, chưa có văn bản nào quy định; chưa xác nhận)"
    )


def test_a_tolerance_outside_zero_to_one_is_refused():
    # when / then
    with pytest.raises(ValueError, match="phải từ 0 đến dưới 100%, gặp 100,00%"):
        TargetSettings(mostly_met_tolerance=Decimal(1))


@pytest.mark.parametrize(
    ("_case", "deadline", "achieved_on", "on_time"),
    [
        ("no dates: judged at the year's end", None, None, True),
        ("reached on the deadline", dt.date(2021, 9, 30), dt.date(2021, 9, 30), True),
        ("reached a day late", dt.date(2021, 6, 30), dt.date(2021, 7, 1), False),
        ("early deadline without a date of achievement", dt.date(2021, 6, 30), None, None),
    ],
)
def test_on_time_is_judged_from_recorded_dates_never_from_today(_case, deadline, achieved_on, on_time):
    # given
    subject = target(plan="60", actual="60", deadline=deadline, achieved_on=achieved_on)
    # when
    result = classify(subject, 2021)
    # then
    assert result.on_time is on_time


def test_a_target_without_plan_is_not_judged_and_says_why():
    # given
    subject = target(plan=None, actual="26465")
    # when
    result = classify(subject, 2021)
    # then
    assert (result.status, result.on_time, result.missing) == (None, None, "chưa có kế hoạch")


def test_the_estimate_is_used_when_there_is_no_actual():
    # given
    subject = target(plan="10500", actual=None, estimate="10212")
    # when
    result = classify(subject, 2021)
    # then
    assert result.figures.basis == "estimate"
    assert result.status is Status.MOSTLY_MET

import datetime as dt

import pytest

from kiemdiem.targets import BasicKind, Direction, NoJudgedTargetsError, classify_all, subject_facts

from .builders import target


def test_facts_have_exactly_the_case_format_shape():
    # given: 5 targets: exceeded, met late, mostly met, missed key, missed basic (lower is better)
    targets = [
        target("A", plan="100", actual="120"),
        target("B", plan="60", actual="60", deadline=dt.date(2021, 6, 30), achieved_on=dt.date(2021, 8, 15)),
        target("C", plan="100", actual="96"),
        target("D", plan="2", actual="1", key=True),
        target("E", plan="1.2", actual="1.5", direction=Direction.LOWER, basic=BasicKind.POVERTY_REDUCTION),
    ]
    # when
    facts = subject_facts(classify_all(targets, 2021))
    # then
    assert facts == {
        "tasks": {"assigned": 5, "completed": 2, "on_time": 1, "exceeded": 1, "late_or_low_quality": 2},
        "led_units": {
            "targets_completed_share": 2 / 5,
            "on_time_share": 1 / 5,
            "exceeded_share": 1 / 5,
            "key_targets_missed": True,
            "basic_targets_missed": True,
        },
    }


def test_a_mostly_met_key_target_is_not_missed():
    # given
    targets = [target("A", plan="100", actual="97", key=True, basic=BasicKind.GROWTH)]
    # when
    led = subject_facts(classify_all(targets, 2021))["led_units"]
    # then
    assert (led["key_targets_missed"], led["basic_targets_missed"], led["targets_completed_share"]) == (
        False,
        False,
        0.0,
    )


def test_targets_without_figures_are_left_out_of_the_counts():
    # given
    targets = [target("A", plan="100", actual="100"), target("B", plan=None, actual="5")]
    # when
    tasks = subject_facts(classify_all(targets, 2021))["tasks"]
    # then
    assert tasks == {"assigned": 1, "completed": 1, "on_time": 1, "exceeded": 0, "late_or_low_quality": 0}


def test_no_judged_target_gives_no_share():
    # given
    targets = [target("B", plan=None, actual="5")]
    # when / then
    with pytest.raises(NoJudgedTargetsError) as caught:
        subject_facts(classify_all(targets, 2021))
    assert str(caught.value) == "không có chỉ tiêu nào đủ số liệu để đánh giá (năm [2021])"

"""rate_subjects / rate_frame: statuses, ranges, reasons, missing facts and assumptions."""

import polars as pl
import pytest

from kiemdiem.rules import Level, Reason, rate_frame, rate_subjects
from kiemdiem.rules.facts import facts_frame

EXCELLENT_2021 = {
    "kind": "party_member",
    "criteria": {
        "political_ideology": "tot",
        "ethics_lifestyle": "tot",
        "discipline": "tot",
        "working_style": "tot",
        "task_results": "xuat_sac",
    },
    "tasks": {"assigned": 10, "completed": 10},
}


def test_rated_member_gets_level_reasons_and_assumptions():
    # when
    [result] = rate_subjects([EXCELLENT_2021], "2021")

    # then
    assert (result.status, result.rating, result.min_rating, result.max_rating) == (
        "rated",
        Level.HTXSNV,
        Level.HTXSNV,
        Level.HTXSNV,
    )
    assert result.rulebook_code == "party-132-21hd"
    assert result.rulebook_name == "132-QĐ/TW + 21-HD/BTCTW"
    assert (
        Reason(
            "r132.m.x.criteria",
            "21-HD/BTCTW, mục II.B.2",
            "Tiêu chí kết quả thực hiện nhiệm vụ đạt Xuất sắc, các tiêu chí khác đạt Tốt trở lên.",
            True,
        )
        in result.reasons
    )
    assert "Không khai kỷ luật (discipline): coi như không bị kỷ luật trong kỳ." in result.assumptions
    assert result.missing == []


def test_missing_positive_facts_give_needs_facts_with_the_keys_that_matter():
    # given
    subject = {"kind": "party_member", "criteria": {"task_results": "xuat_sac"}}

    # when
    [result] = rate_subjects([subject], 2021)

    # then
    assert result.status == "needs_facts"
    assert result.rating is None
    assert (result.min_rating, result.max_rating) == (Level.KHTNV, Level.HTXSNV)
    assert result.missing == [
        "tasks.completed",
        "tasks.assigned",
        "criteria.political_ideology",
        "criteria.ethics_lifestyle",
        "criteria.discipline",
        "criteria.working_style",
    ]


def test_discipline_with_unknown_decision_date_is_not_assumed_away():
    # given
    subject = {**EXCELLENT_2021, "discipline": [{"form": "khien_trach", "track": "party"}]}

    # when
    [result] = rate_subjects([subject], 2021)

    # then
    assert result.status == "needs_facts"
    assert (result.min_rating, result.max_rating) == (Level.KHTNV, Level.HTXSNV)
    assert result.missing == ["discipline.decided_in_period"]


def test_unconfirmed_condition_is_marked_in_its_reason():
    # given: HTTNV wording of 21-HD is not confirmed (rules-confirmations.md §(4))
    subject = {**EXCELLENT_2021, "criteria": {**EXCELLENT_2021["criteria"], "task_results": "tot"}}

    # when
    [result] = rate_subjects([subject], 2021)

    # then
    assert result.rating == Level.HTTNV
    [reason] = [r for r in result.reasons if r.rule == "r132.m.t.criteria"]
    assert reason.confirmed is False


def test_rate_frame_keeps_row_order_across_kinds_and_rulebooks():
    # given
    subjects = [
        {"kind": "civil_servant", "months_worked": 4},
        EXCELLENT_2021,
        {"kind": "public_employee", "tasks": {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 5}},
        {"kind": "collective", "collective_disciplined": True},
    ]

    # when
    out = rate_frame(facts_frame(subjects), "2021", explain=False)

    # then
    assert out["kind"].to_list() == ["civil_servant", "party_member", "public_employee", "collective"]
    assert out["status"].to_list() == ["review_only", "rated", "rated", "rated"]
    assert out["rating"].to_list() == [None, "HTXSNV", "HTXSNV", "KHTNV"]
    assert out["rulebook_code"].to_list() == ["state-nd90", "party-132-21hd", "state-nd90", "party-132-21hd"]


def test_rate_frame_accepts_a_frame_with_only_some_fact_columns():
    # given
    frame = pl.DataFrame({"kind": ["civil_servant", "civil_servant"], "score.total": [90.0, 49.5]})

    # when
    out = rate_frame(frame, 2026)

    # then
    assert out["rating"].to_list() == ["HTXSNV", "KHTNV"]
    assert out["c:r335.k.score"].to_list() == [False, True]


def test_one_row_and_many_rows_give_the_same_decision():
    # given
    subject = {
        "kind": "party_member",
        "score": {"total": 92},
        "tasks": {"assigned": 10, "completed": 10, "on_time": 10},
    }

    # when
    one = rate_frame(facts_frame([subject]), 2025, explain=False)
    many = rate_frame(facts_frame([subject] * 1000), 2025, explain=False)

    # then
    assert one.row(0) == many.row(999)


@pytest.mark.parametrize(
    ("_case", "state_rating", "expected"),
    [
        ("state excellent", "HTXSNV", Level.HTXSNV),
        ("state good", "HTTNV", Level.HTTNV),
        ("state failed", "KHTNV", Level.KHTNV),
    ],
)
def test_state_rating_bounds_party_rating_under_21hd(_case, state_rating, expected):
    # when
    [result] = rate_subjects([{**EXCELLENT_2021, "state_rating": state_rating}], 2021)

    # then
    assert result.rating == expected


def test_cadre_trigger_at_exactly_half_is_false_but_level_conditions_fail():
    # given
    subject = {"kind": "cadre", "led_units": {"targets_completed_share": 0.5}}

    # when
    out = rate_frame(facts_frame([subject]), 2021)

    # then
    assert out["c:rnd90.k.led_units"].to_list() == [False]
    assert out["rating"].to_list() == ["KHTNV"]

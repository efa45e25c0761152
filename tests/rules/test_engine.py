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


LATE_30 = {"assigned": 10, "completed": 10, "on_time": 7, "exceeded": 0, "late_or_low_quality": 3}


def test_khtnv_in_the_gap_between_the_listed_cases_is_flagged_unconfirmed():
    # given a civil servant 30% late (NĐ 90: HTNV needs ≤ 20%, Điều 11 lists > 50%) and a 2025
    # member with 60 points and 30% late (366: HTNV needs ≤ 20% late, no listed KHTNV case holds)
    subjects = [{"kind": "civil_servant", "holds_leadership": False, "months_worked": 12, "tasks": LATE_30}]
    member = {"kind": "party_member", "holds_leadership": False, "score": {"total": 60}, "tasks": LATE_30}

    # when
    [servant] = rate_subjects(subjects, 2021)
    [party] = rate_subjects([member], 2025)

    # then
    for result, cites in ((servant, "90/2020/NĐ-CP, Điều 11"), (party, "366-QĐ/TW, Điều 11 khoản 4")):
        assert result.rating.value == "KHTNV"
        gap = result.reasons[-1]
        assert (gap.rule, gap.cites, gap.confirmed) == ("floor.gap", cites, False)
        assert gap.text.startswith("Không đạt mức hoàn thành nhiệm vụ nhưng cũng không thuộc trường hợp")


def test_no_gap_reason_when_a_listed_case_holds_or_the_text_closes_the_gap():
    # given a 2025 member under 50 points (a listed case) and a 2021 member with a Kém criterion
    # (21-HD: below HTNV is KHTNV)
    low = {"kind": "party_member", "holds_leadership": False, "score": {"total": 40}, "tasks": LATE_30}
    kem = {
        "kind": "party_member",
        "criteria": {
            "political_ideology": "kem",
            "ethics_lifestyle": "tot",
            "discipline": "tot",
            "working_style": "tot",
            "task_results": "tot",
        },
        "tasks": {"assigned": 10, "completed": 10},
    }

    # when
    [listed] = rate_subjects([low], 2025)
    [closed] = rate_subjects([kem], 2021)

    # then
    assert (listed.rating.value, closed.rating.value) == ("KHTNV", "KHTNV")
    assert "floor.gap" not in [r.rule for r in listed.reasons + closed.reasons]


def test_a_reason_is_not_repeated_when_a_trigger_and_a_level_say_the_same():
    # given a civil servant with 60 points (NĐ 335: the "< 50" trigger fails, the "≥ 50" level holds)
    subject = {"kind": "civil_servant", "score": {"total": 60}}

    # when
    [result] = rate_subjects([subject], 2026)

    # then
    texts = [reason.text for reason in result.reasons]
    assert result.rating == Level.HTNV
    assert texts.count("Đạt từ 50 điểm trở lên.") == 1
    assert "Chưa đạt 70 điểm." in texts


def test_exactly_six_months_of_leave_under_nd90_is_flagged_as_a_reading():
    # given NĐ 90 Điều 2 k3: worked under 6 months is not rated, 3 to under 6 months of leave caps at
    # HTNV; a viên chức on leave exactly 6 months (worked 6) falls under neither clause
    tasks = {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 6, "late_or_low_quality": 0}
    base = {"kind": "public_employee", "holds_leadership": False, "tasks": tasks}
    six = {**base, "months_worked": 6, "leave": [{"kind": "personal", "months": 6}]}
    five = {**base, "months_worked": 7, "leave": [{"kind": "personal", "months": 5}]}

    # when
    at_six, at_five = rate_subjects([six, five], 2024)

    # then
    assert (at_six.rating, at_five.rating) == (Level.HTXSNV, Level.HTNV)
    [note] = [r for r in at_six.reasons if r.rule == "rnd90.note.absent_boundary"]
    assert (note.cites, note.confirmed) == ("90/2020/NĐ-CP, Điều 2 khoản 3", False)
    assert "rnd90.note.absent_boundary" not in [r.rule for r in at_five.reasons]

"""A small 2021 cycle rated end to end through the real rulebooks and the cross-subject constraints."""

import pytest

from kiemdiem.rules import rate_cycle_with_rules
from kiemdiem.rules.constraints import Subject, SubjectError
from kiemdiem.rules.levels import Level
from kiemdiem.rules.levels import SubjectKind as Kind

ON_TIME = {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 2, "late_or_low_quality": 0}


def _cell_2021() -> list[Subject]:
    return [
        Subject(id="ubnd", name="UBND xã", kind=Kind.COLLECTIVE, side="state", facts={"collective_disciplined": True}),
        Subject(
            id="ct",
            name="Chủ tịch UBND xã",
            kind=Kind.PUBLIC_EMPLOYEE,
            side="state",
            heads="ubnd",
            facts={"holds_leadership": False, "tasks": ON_TIME},
        ),
        Subject(
            id="dv-a",
            name="Đảng viên A",
            kind=Kind.PARTY_MEMBER,
            side="party",
            party_organization="cb1",
            facts={
                "party": {"status": "official"},
                "discipline": [{"form": "khien_trach", "track": "party", "decided_in_period": True}],
            },
        ),
        Subject(
            id="dv-b",
            name="Đảng viên B",
            kind=Kind.PARTY_MEMBER,
            side="party",
            party_organization="cb1",
            facts={"party": {"status": "probationary", "months_since_admission": 4}},
        ),
        Subject(id="cb1", name="Chi bộ 1", kind=Kind.PARTY_ORGANIZATION, side="party", facts={}),
    ]


def test_cycle_rates_in_order_and_caps_the_head_by_its_collective():
    # given a 2021 cell whose people's committee was disciplined and whose head is otherwise HTTNV
    subjects = _cell_2021()

    # when
    result = rate_cycle_with_rules(subjects, "2021")

    # then the collective comes before its head, members before their chi bộ
    assert result.layers == [["ubnd", "dv-a", "dv-b"], ["ct", "cb1"]]
    outcomes = result.outcomes
    assert (outcomes["ubnd"].final_rating, outcomes["ubnd"].rulebook) == (Level.KHTNV, "party-132-21hd")
    assert outcomes["ct"].engine_rating == Level.HTTNV
    assert outcomes["ct"].final_rating == Level.KHTNV
    (cap,) = outcomes["ct"].adjustments
    assert (cap.rule, cap.cites, cap.confirmed) == ("rnd90.h.cap", "NĐ 90/2020/NĐ-CP", False)
    assert outcomes["dv-a"].final_rating == Level.KHTNV
    assert outcomes["dv-b"].status == "review_only"
    assert outcomes["cb1"].final_rating == Level.KHTNV
    assert [reason.rule for reason in outcomes["cb1"].reasons] == ["r132.o.k.members_disciplined"]


def test_needs_facts_conflict_names_the_missing_keys():
    # given a cán bộ with no task facts
    subjects = [Subject(id="cb", name="Cán bộ X", kind=Kind.CADRE, side="state", facts={})]

    # when
    result = rate_cycle_with_rules(subjects, "2021")

    # then
    (conflict,) = result.conflicts
    assert conflict.kind == "needs_facts"
    assert conflict.text.startswith("Cán bộ X (cb): chưa xếp loại được — thiếu dữ kiện: ")
    assert "tasks" in conflict.text


def _leadership_2025(discipline: list[dict], not_counted: dict[str, str] | None = None) -> list[Subject]:
    tasks = {"assigned": 10, "completed": 10, "on_time": 10, "exceeded": 1}
    return [
        Subject(
            id="btv",
            name="Ban thường vụ Đảng ủy xã Tân Lập",
            kind=Kind.COLLECTIVE,
            side="party",
            facts={"score": {"total": 80}, "tasks": tasks},
        ),
        Subject(
            id="dv1",
            name="Nguyễn Văn Bình",
            kind=Kind.PARTY_MEMBER,
            side="party",
            member_of=("btv",),
            discipline_not_counted_for=not_counted or {},
            facts={"score": {"total": 80}, "tasks": tasks, "holds_leadership": False, "discipline": discipline},
        ),
    ]


KHIEN_TRACH = {"form": "khien_trach", "track": "party", "decided_in_period": True}


def test_366_collective_not_khtnv_for_a_members_discipline_outside_public_duty():
    # given a leadership collective (80 points, tasks on time) whose member was reprimanded for a
    # violation not related to public duty
    subjects = _leadership_2025([{**KHIEN_TRACH, "in_public_duty": False}])

    # when
    outcome = rate_cycle_with_rules(subjects, "2025").outcomes["btv"]

    # then 366 Điều 11 k4 does not apply: HTTNV (k1 already rules out HTXSNV)
    assert (outcome.engine_rating, outcome.final_rating) == (Level.HTTNV, Level.HTTNV)
    assert "r366.c.k.member_disciplined" not in [reason.rule for reason in outcome.reasons]


def test_366_collective_not_khtnv_for_a_violation_at_the_members_previous_unit():
    # given the member's duty-related violation happened at their previous unit
    subjects = _leadership_2025([{**KHIEN_TRACH, "in_public_duty": True}], {"btv": "previous_unit"})

    # when
    outcome = rate_cycle_with_rules(subjects, "2025").outcomes["btv"]

    # then
    assert (outcome.engine_rating, outcome.final_rating) == (Level.HTTNV, Level.HTTNV)
    assert outcome.adjustments == ()


def test_366_collective_khtnv_for_a_members_duty_related_discipline():
    # given the member was reprimanded for a duty-related violation in this collective
    subjects = _leadership_2025([{**KHIEN_TRACH, "in_public_duty": True}])

    # when
    outcome = rate_cycle_with_rules(subjects, "2025").outcomes["btv"]

    # then the constraint step lowers it, citing Điều 11 k4
    assert outcome.final_rating == Level.KHTNV
    (cap,) = outcome.adjustments
    assert (cap.rule, cap.cites, cap.confirmed) == ("r366.k.c", "366-QĐ/TW, Điều 11 k4", True)
    assert "Nguyễn Văn Bình (dv1)" in cap.text


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        (
            {"score": {"total": 200}},
            "Trần Thị Lan (dv-9): khóa 'facts.score.total': giá trị 200 nằm ngoài khoảng cho phép (từ 0 đến 100)",
        ),
        ({"scor": 1}, "Trần Thị Lan (dv-9): khóa 'facts.scor': khóa không có trong định dạng"),
        ([1], "Trần Thị Lan (dv-9): khóa 'facts' cần một bảng khóa–giá trị, nhận [1]."),
        (
            {"months_worked": 13},
            "Trần Thị Lan (dv-9): khóa 'facts.months_worked': 13 tháng, dài hơn kỳ đánh giá (12 tháng)",
        ),
        (
            {"kind": "collective"},
            "Trần Thị Lan (dv-9): khóa 'facts.kind' là 'collective', khác loại của chủ thể (party_member).",
        ),
    ],
)
def test_bad_facts_in_a_cycle_name_the_subject_and_the_key(facts, message):
    # given one valid subject and one with bad facts
    subjects = [
        Subject(id="dv-1", name="Lê Văn An", kind=Kind.PARTY_MEMBER, side="party", facts={}),
        Subject(id="dv-9", name="Trần Thị Lan", kind=Kind.PARTY_MEMBER, side="party", facts=facts),
    ]

    # when
    with pytest.raises(SubjectError) as error:
        rate_cycle_with_rules(subjects, "2025")

    # then
    assert str(error.value).startswith(message)

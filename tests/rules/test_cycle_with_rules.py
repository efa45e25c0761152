"""A small 2021 cycle rated end to end through the real rulebooks and the cross-subject constraints."""

from kiemdiem.rules import rate_cycle_with_rules
from kiemdiem.rules.constraints import Subject
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

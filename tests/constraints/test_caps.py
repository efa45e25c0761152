"""Caps applied by the cycle runner: head, chi bộ member shares, member and sub-unit discipline."""

from __future__ import annotations

import pytest

from kiemdiem.rules.constraints import load_params, rate_cycle
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.reasons import Reason
from tests.constraints.conftest import FakeEngine, person

K = SubjectKind


def unit_and_head(unit_level: str, head_level: str, rulebook: str, kind: SubjectKind = K.PUBLIC_EMPLOYEE) -> list:
    side = "state" if rulebook.startswith("state") else "party"
    return [
        person("tt-yt", "Trung tâm Y tế huyện Hòa Bình", K.COLLECTIVE, unit_level, side=side, rulebook=rulebook),
        person("gd-yt", "Lý Minh Khoa (Giám đốc)", kind, head_level, side=side, rulebook=rulebook, heads="tt-yt"),
    ]


@pytest.mark.parametrize(
    ("_case", "unit_level", "head_level", "final"),
    [("equal_allowed", "HTTNV", "HTTNV", Level.HTTNV), ("below_kept", "HTTNV", "HTNV", Level.HTNV)],
)
def test_head_at_or_below_the_unit_keeps_the_engine_level(
    engine: FakeEngine, _case: str, unit_level: str, head_level: str, final: Level
) -> None:
    # given
    subjects = unit_and_head(unit_level, head_level, "state-nd233")

    # when
    result = rate_cycle(subjects, engine, "2026")

    # then
    outcome = result.outcomes["gd-yt"]
    assert (outcome.engine_rating, outcome.final_rating, outcome.adjustments) == (Level(head_level), final, ())


def test_head_above_the_unit_is_capped_with_the_citation_under_nd233(engine: FakeEngine) -> None:
    # given
    subjects = unit_and_head("HTTNV", "HTXSNV", "state-nd233")

    # when
    result = rate_cycle(subjects, engine, "2026")

    # then
    outcome = result.outcomes["gd-yt"]
    assert (outcome.engine_rating, outcome.final_rating) == (Level.HTXSNV, Level.HTTNV)
    assert outcome.adjustments == (
        Reason(
            rule="r233.h.cap",
            cites="NĐ 233/2026/NĐ-CP, Điều 12 k7",
            text="Người đứng đầu không được xếp loại cao hơn Trung tâm Y tế huyện Hòa Bình (HTTNV); "
            "hạ từ HTXSNV xuống HTTNV.",
            confirmed=True,
        ),
    )
    assert engine.facts_of("gd-yt")["collective_rating"] == Level.HTTNV
    assert engine.facts_of("gd-yt")["is_head"] is True


def test_party_secretary_above_the_standing_committee_is_capped_under_21hd(engine: FakeEngine) -> None:
    # given: the party side of the same rule (21-HD: head's level ≤ the collective headed)
    subjects = [
        person(
            "btv", "Ban Thường vụ Huyện ủy Hòa Bình", K.COLLECTIVE, "HTTNV", side="party", rulebook="party-132-21hd"
        ),
        person(
            "bt",
            "Huỳnh Thị Ngọc (Bí thư Huyện ủy)",
            K.CADRE,
            "HTXSNV",
            side="party",
            rulebook="party-132-21hd",
            heads="btv",
        ),
    ]

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert result.outcomes["bt"].final_rating == Level.HTTNV
    assert [(r.rule, r.cites, r.confirmed) for r in result.outcomes["bt"].adjustments] == [
        ("r132.h.cap", "21-HD/BTCTW, tiết 4 điểm B mục II", True)
    ]


def test_head_cap_under_366_is_applied_but_marked_unconfirmed(engine: FakeEngine) -> None:
    # given
    subjects = unit_and_head("HTNV", "HTTNV", "party-366-43hd", kind=K.PARTY_MEMBER)

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    (reason,) = result.outcomes["gd-yt"].adjustments
    assert (reason.rule, reason.cites, reason.confirmed) == ("r366.h.cap", "366-QĐ/TW, Điều 3 k2; Điều 12 k2", False)
    assert result.outcomes["gd-yt"].final_rating == Level.HTNV


def test_head_cap_can_be_switched_off_for_124_by_an_override(engine: FakeEngine) -> None:
    # given
    params = load_params({"rulebooks": {"party-124-25hd": {"head_cap": {"enabled": False}}}})
    subjects = unit_and_head("HTNV", "HTTNV", "party-124-25hd", kind=K.PARTY_MEMBER)

    # when
    result = rate_cycle(subjects, engine, "2024", params=params)

    # then
    assert (result.outcomes["gd-yt"].final_rating, result.outcomes["gd-yt"].adjustments) == (Level.HTTNV, ())


def cell(reaching_httnv: int, total: int, cell_level: str = "HTXSNV") -> list:
    members = [
        person(
            f"dv-{i}",
            f"Đảng viên {i}",
            K.PARTY_MEMBER,
            "HTTNV" if i < reaching_httnv else "HTNV",
            rulebook="party-132-21hd",
            party_organization="cb-1",
        )
        for i in range(total)
    ]
    return [*members, person("cb-1", "Chi bộ thôn Đông", K.PARTY_ORGANIZATION, cell_level, rulebook="party-132-21hd")]


def test_chi_bo_with_exactly_80_percent_httnv_or_above_keeps_htxsnv(engine: FakeEngine) -> None:
    # given: 8 of 10 members HTTNV, 2 HTNV
    subjects = cell(8, 10)

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert (result.outcomes["cb-1"].final_rating, result.outcomes["cb-1"].adjustments) == (Level.HTXSNV, ())
    assert engine.facts_of("cb-1")["members"] == {
        "total": 10,
        "ratings": {"HTXSNV": 0, "HTTNV": 8, "HTNV": 2, "KHTNV": 0},
        "disciplined": 0,
        "disciplined_canh_cao_or_above": 0,
    }


def test_chi_bo_just_below_80_percent_is_capped_at_httnv(engine: FakeEngine) -> None:
    # given: 7 of 9 members HTTNV (77,78%)
    subjects = cell(7, 9)

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert result.outcomes["cb-1"].final_rating == Level.HTTNV
    assert result.outcomes["cb-1"].adjustments == (
        Reason(
            rule="r132.o.x",
            cites="21-HD/BTCTW, phần II.B mục 1 tiểu mục 1.3",
            text="Chỉ 7/9 đảng viên (77,78%) đạt HTTNV trở lên, chưa đủ 80% để xếp loại HTXSNV; "
            "hạ từ HTXSNV xuống HTTNV.",
            confirmed=True,
        ),
    )


def collective_with(discipline: dict, rulebook: str, not_counted: dict | None = None) -> list:
    return [
        person("ld", "Tập thể lãnh đạo Sở Tài chính", K.COLLECTIVE, "HTXSNV", side="party", rulebook=rulebook),
        person(
            "pgd",
            "Đỗ Thị Mai (Phó Giám đốc)",
            K.PARTY_MEMBER,
            "HTNV",
            rulebook=rulebook,
            member_of=("ld",),
            facts={"discipline": [{"decided_in_period": True, **discipline}]},
            discipline_not_counted_for=not_counted or {},
        ),
    ]


def test_21hd_collective_with_a_member_warned_falls_to_khtnv(engine: FakeEngine) -> None:
    # given
    subjects = collective_with({"form": "canh_cao", "track": "party"}, "party-132-21hd")

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert result.outcomes["ld"].final_rating == Level.KHTNV
    assert [r.rule for r in result.outcomes["ld"].adjustments] == ["r132.c.k"]
    assert result.outcomes["ld"].adjustments[0].text == (
        "Tập thể có thành viên bị kỷ luật từ cảnh cáo trở lên trong kỳ: Đỗ Thị Mai (Phó Giám đốc) (pgd); "
        "hạ từ HTXSNV xuống KHTNV."
    )


def test_21hd_collective_with_a_member_only_reprimanded_is_not_capped(engine: FakeEngine) -> None:
    # given
    subjects = collective_with({"form": "khien_trach", "track": "party"}, "party-132-21hd")

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert (result.outcomes["ld"].final_rating, result.outcomes["ld"].adjustments) == (Level.HTXSNV, ())


def test_366_duty_reprimand_makes_the_collective_khtnv(engine: FakeEngine) -> None:
    # given
    subjects = collective_with({"form": "khien_trach", "track": "party", "in_public_duty": True}, "party-366-43hd")

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    assert result.outcomes["ld"].final_rating == Level.KHTNV
    assert [r.rule for r in result.outcomes["ld"].adjustments] == ["r366.x.c", "r366.k.c"]


def test_366_reprimand_for_a_violation_at_the_previous_unit_only_bars_htxsnv(engine: FakeEngine) -> None:
    # given: the exception of 366 Điều 11 k4 (violation at the member's previous unit)
    subjects = collective_with(
        {"form": "khien_trach", "track": "party", "in_public_duty": True},
        "party-366-43hd",
        not_counted={"ld": "previous_unit"},
    )

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    assert result.outcomes["ld"].final_rating == Level.HTTNV
    assert [r.rule for r in result.outcomes["ld"].adjustments] == ["r366.x.c"]


@pytest.mark.parametrize(
    ("_case", "disciplined", "final"), [("one_of_five", 1, Level.HTTNV), ("two_of_five", 2, Level.KHTNV)]
)
def test_124_more_than_20_percent_of_sub_units_disciplined_is_khtnv(
    engine: FakeEngine, _case: str, disciplined: int, final: Level
) -> None:
    # given: 1 of 5 (20%) only bars HTXSNV; 2 of 5 (40%) is over 20%
    units = [
        person(
            f"p-{i}",
            f"Phòng {i}",
            K.COLLECTIVE,
            "HTTNV",
            side="party",
            rulebook="party-124-25hd",
            parent_unit="so",
            facts={"collective_disciplined": i < disciplined},
        )
        for i in range(5)
    ]
    subjects = [*units, person("so", "Sở Xây dựng", K.COLLECTIVE, "HTXSNV", side="party", rulebook="party-124-25hd")]

    # when
    result = rate_cycle(subjects, engine, "2024")

    # then
    assert result.outcomes["so"].final_rating == final
    assert engine.facts_of("so")["led_units"] == {
        "total": 5,
        "ratings": {"HTXSNV": 0, "HTTNV": 5, "HTNV": 0, "KHTNV": 0},
        "disciplined": disciplined,
    }

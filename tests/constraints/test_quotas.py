"""HTXSNV quotas: floor, drop proposal order, scope, exceptions, the NĐ 48 party rate."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemdiem.rules.constraints import (
    QuotaException,
    QuotaInputError,
    Subject,
    load_params,
    quota_frame,
    quota_report,
    rate_cycle,
)
from kiemdiem.rules.levels import Level, SubjectKind
from tests.constraints.conftest import FakeEngine, person

K = SubjectKind


def group_of(httnv: int, htxsnv: list[tuple[str, float, int]], rulebook: str = "party-366-43hd") -> list[Subject]:
    """``httnv`` members rated HTTNV and the HTXSNV ones given as (id, score, HTXSNV votes)."""
    kind = K.PARTY_MEMBER if rulebook.startswith("party") else K.CIVIL_SERVANT
    extra = {"parent_unit": "phong-tc"} if rulebook.startswith("state") else {}
    unit = (
        [person("phong-tc", "Phòng Tài chính", K.COLLECTIVE, "HTTNV", side="state", rulebook=rulebook)] if extra else []
    )
    good = [
        person(
            f"t-{i}", f"Người tốt {i}", kind, "HTTNV", rulebook=rulebook, quota_group="chuyên viên", score=80, **extra
        )
        for i in range(httnv)
    ]
    best = [
        person(
            sid,
            f"Người xuất sắc {sid}",
            kind,
            "HTXSNV",
            rulebook=rulebook,
            quota_group="chuyên viên",
            score=score,
            votes={Level.HTXSNV: votes, Level.HTTNV: 10 - votes},
            **extra,
        )
        for sid, score, votes in htxsnv
    ]
    return [*unit, *good, *best]


def excess_conflicts(result) -> list:
    return [c for c in result.conflicts if c.kind == "quota_excess"]


def test_five_httnv_and_one_htxsnv_is_within_quota(engine: FakeEngine) -> None:
    # given
    subjects = group_of(5, [("x-1", 95, 9)])

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    assert excess_conflicts(result) == []
    assert result.quotas.groups.select("rule", "group", "base", "htxsnv", "allowed", "excess").rows() == [
        ("r366.q", "chuyên viên", 5, 1, 1, 0)
    ]


def test_five_httnv_and_two_htxsnv_exceed_by_one_and_the_lower_votes_drop_first(engine: FakeEngine) -> None:
    # given: equal scores, so the HTXSNV votes decide
    subjects = group_of(5, [("x-1", 92, 8), ("x-2", 92, 6)])

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    (conflict,) = excess_conflicts(result)
    group = conflict.quota
    assert (group.base, group.htxsnv, group.allowed, group.excess, group.drop_count) == (5, 2, 1, 1, 1)
    assert (group.candidates, group.proposed_drop) == (("x-2", "x-1"), ("x-2",))
    assert (group.cites, group.confirmed, group.ratio) == ("366-QĐ/TW, Điều 11 k1", True, Fraction(1, 5))
    assert conflict.text == (
        "Nhóm chuyên viên (366-QĐ/TW, Điều 11 k1): 2 HTXSNV so với 5 HTTNV; tối đa 1 (không vượt quá 20% số HTTNV, "
        "làm tròn xuống); vượt 1. Đề nghị chuyển xuống HTTNV 1 người/tập thể: Người xuất sắc x-2 (x-2). "
        "Cần cấp có thẩm quyền xác nhận."
    )
    # nothing is lowered by the report itself
    assert [result.outcomes[i].final_rating for i in ("x-1", "x-2")] == [Level.HTXSNV, Level.HTXSNV]


def test_candidates_are_ranked_by_score_then_votes_then_id(engine: FakeEngine) -> None:
    # given: 10 HTTNV allow 2; four HTXSNV
    subjects = group_of(10, [("x-d", 91, 5), ("x-c", 91, 3), ("x-b", 95, 1), ("x-a", 91, 3)])

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    (conflict,) = excess_conflicts(result)
    assert conflict.quota.candidates == ("x-a", "x-c", "x-d", "x-b")
    assert (conflict.quota.excess, conflict.quota.drop_count, conflict.quota.proposed_drop) == (2, 2, ("x-a", "x-c"))


def test_three_httnv_and_one_htxsnv_is_an_excess_because_the_quota_rounds_down(engine: FakeEngine) -> None:
    # given: 20% of 3 is 0,6; "không vượt quá" allows 0 (pitfalls.md #4)
    subjects = group_of(3, [("x-1", 95, 9)])

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    (conflict,) = excess_conflicts(result)
    assert (conflict.quota.allowed, conflict.quota.excess, conflict.quota.proposed_drop) == (0, 1, ("x-1",))


def test_21hd_member_quota_is_pooled_per_grassroots_organisation_not_per_cell(engine: FakeEngine) -> None:
    # given: a cell of 4 (1 HTXSNV, 3 HTTNV) inside a grassroots party committee of 30 members
    book = "party-132-21hd"
    subjects = [person("dbx", "Đảng bộ xã Phú Mỹ", K.PARTY_ORGANIZATION, "HTTNV", rulebook=book, grassroots=True)]
    subjects += [
        person(
            f"cb-{c}",
            f"Chi bộ ấp {c}",
            K.PARTY_ORGANIZATION,
            "HTTNV",
            rulebook=book,
            party_organization="dbx",
            quota_group="chi bộ",
        )
        for c in range(3)
    ]
    sizes = {0: 4, 1: 13, 2: 13}
    for c, size in sizes.items():
        for i in range(size):
            level = "HTXSNV" if (c, i) == (0, 0) else "HTTNV"
            subjects.append(
                person(
                    f"dv-{c}-{i}",
                    f"Đảng viên {c}-{i}",
                    K.PARTY_MEMBER,
                    level,
                    rulebook=book,
                    party_organization=f"cb-{c}",
                )
            )

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert excess_conflicts(result) == []
    members = result.quotas.groups.filter(rule="r132.m.q")
    assert members.select("unit", "base", "htxsnv", "allowed", "excess").rows() == [("dbx", 29, 1, 5, 0)]


def test_366_exception_allows_25_percent_only_when_the_competent_level_grants_it(engine: FakeEngine) -> None:
    # given: 8 HTTNV and 2 HTXSNV: 20% allows 1, 25% allows 2
    subjects = group_of(8, [("x-1", 95, 9), ("x-2", 93, 9)])
    granted = {"chuyên viên": QuotaException(decided_by="Ban Thường vụ Tỉnh ủy", note="đơn vị tiêu biểu")}

    # when
    without = rate_cycle(subjects, engine, "2025")
    with_exception = rate_cycle(subjects, engine, "2025", quota_exceptions=granted)

    # then
    assert [c.quota.allowed for c in excess_conflicts(without)] == [1]
    assert excess_conflicts(with_exception) == []
    assert with_exception.quotas.groups.select("allowed", "excess").rows() == [(2, 0)]


@pytest.mark.parametrize(("_case", "unit_level", "excess"), [("unit_htxsnv", "HTXSNV", 0), ("unit_httnv", "HTTNV", 1)])
def test_nd233_exception_needs_the_unit_itself_rated_htxsnv(
    engine: FakeEngine, _case: str, unit_level: str, excess: int
) -> None:
    # given
    subjects = group_of(8, [("x-1", 95, 9), ("x-2", 93, 9)], rulebook="state-nd233")
    subjects[0] = person("phong-tc", "Phòng Tài chính", K.COLLECTIVE, unit_level, side="state", rulebook="state-nd233")
    granted = {"phong-tc": QuotaException(decided_by="Giám đốc Sở Nội vụ")}

    # when
    result = rate_cycle(subjects, engine, "2026", quota_exceptions=granted)

    # then
    assert [c.quota.excess for c in excess_conflicts(result)] == ([excess] if excess else [])
    notes = [c.text for c in result.conflicts if c.kind == "quota_exception_not_applied"]
    assert notes == (
        []
        if excess == 0
        else [
            "Ngoại lệ tỷ lệ cho phong-tc không áp dụng: NĐ 233/2026/NĐ-CP, Điều 12 k6 chỉ cho phép khi chính đơn vị "
            "được xếp loại HTXSNV."
        ]
    )


def test_an_exception_above_the_instrument_rate_is_refused(engine: FakeEngine) -> None:
    # given
    subjects = group_of(8, [("x-1", 95, 9)])
    granted = {"chuyên viên": QuotaException(decided_by="Ban Thường vụ Tỉnh ủy", ratio=Fraction(3, 10))}

    # when
    with pytest.raises(QuotaInputError) as caught:
        rate_cycle(subjects, engine, "2025", quota_exceptions=granted)

    # then
    assert str(caught.value) == "Ngoại lệ tỷ lệ 'chuyên viên': 30% vượt mức tối đa 25% của 366-QĐ/TW, Điều 11 k1."


def test_an_exception_for_an_unknown_group_is_refused(engine: FakeEngine) -> None:
    # given
    subjects = group_of(5, [("x-1", 95, 9)])

    # when
    with pytest.raises(QuotaInputError) as caught:
        rate_cycle(subjects, engine, "2025", quota_exceptions={"chuyen vien": QuotaException("Tỉnh ủy")})

    # then
    assert str(caught.value) == (
        "Ngoại lệ tỷ lệ cho 'chuyen vien': không có nhóm so sánh nào mang mã này "
        "(cần mã đơn vị/tổ chức cơ sở đảng, hoặc tên nhóm quota_group)."
    )


def test_nd48_state_quota_follows_the_party_member_rate_in_force(engine: FakeEngine) -> None:
    # given: 2024 is under 124-QĐ/TW; its member ratio raised to 25% by an override
    subjects = group_of(8, [("x-1", 95, 9), ("x-2", 93, 9)], rulebook="state-nd90-48")
    raised = load_params({"rulebooks": {"party-124-25hd": {"quotas": {"r124.q.i": {"ratio": "0.25"}}}}})

    # when
    default = rate_cycle(subjects, engine, "2024")
    following = rate_cycle(subjects, engine, "2024", params=raised)

    # then
    (conflict,) = excess_conflicts(default)
    assert (conflict.quota.rule, conflict.quota.allowed, conflict.quota.confirmed) == ("rnd48.q", 1, False)
    assert excess_conflicts(following) == []


def test_a_subject_without_the_group_its_rule_needs_is_reported(engine: FakeEngine) -> None:
    # given
    subjects = [person("a", "Hồ Văn Tâm", K.PARTY_MEMBER, "HTXSNV", rulebook="party-366-43hd")]

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    assert [(c.kind, c.subject_ids, c.text) for c in result.conflicts] == [
        (
            "quota_group_missing",
            ("a",),
            "Chưa tính được tỷ lệ HTXSNV theo party-366-43hd/r366.q: thiếu nhóm so sánh (quota_group/đơn vị) "
            "của Hồ Văn Tâm (a).",
        )
    ]


@settings(max_examples=60, deadline=None)
@given(
    httnv=st.integers(min_value=0, max_value=40),
    htxsnv=st.integers(min_value=0, max_value=15),
    rulebook=st.sampled_from(["party-366-43hd", "party-124-25hd"]),
)
def test_adding_an_httnv_subject_never_increases_the_excess(httnv: int, htxsnv: int, rulebook: str) -> None:
    # given
    params = load_params()

    def excess(n_httnv: int) -> int:
        subjects = [
            Subject(f"s-{i}", f"Người {i}", K.PARTY_MEMBER, "party", rulebook=rulebook, quota_group="g")
            for i in range(n_httnv + htxsnv)
        ]
        levels = {s.id: Level.HTXSNV if i < htxsnv else Level.HTTNV for i, s in enumerate(subjects)}
        frame = quota_frame(subjects, levels, {s.id: rulebook for s in subjects})
        report = quota_report(frame, params, "2021")
        return sum(group.excess for group in report.excesses)

    # when
    before, after = excess(httnv), excess(httnv + 1)

    # then
    assert before == max(0, htxsnv - httnv // 5)
    assert after <= before


def test_fewer_drops_than_the_excess_are_explained(engine: FakeEngine) -> None:
    # given 19 HTTNV and 6 HTXSNV: allowed 3, excess 3, but 2 moved down make 4 of 21 (within quota)
    subjects = group_of(19, [(f"x-{i}", 90 + i, 9) for i in range(6)])

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    (conflict,) = excess_conflicts(result)
    group = conflict.quota
    assert (group.base, group.htxsnv, group.allowed, group.excess, group.drop_count) == (19, 6, 3, 3, 2)
    assert group.proposed_drop == ("x-0", "x-1")
    assert conflict.text.endswith(
        "vượt 3. Đề nghị chuyển xuống HTTNV 2 người/tập thể: Người xuất sắc x-0 (x-0), Người xuất sắc x-1 (x-1). "
        "(Người chuyển xuống được tính thêm vào số HTTNV nên chỉ cần chuyển 2.) Cần cấp có thẩm quyền xác nhận."
    )

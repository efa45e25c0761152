"""The cycle runner: derived facts, layer-at-a-time engine calls, conflicts for a human."""

from __future__ import annotations

import pytest

from kiemdiem.rules.constraints import EngineError, rate_cycle, voted_level
from kiemdiem.rules.constraints.parameters import load_params
from kiemdiem.rules.levels import Level, SubjectKind
from kiemdiem.rules.reasons import Reason
from tests.constraints.conftest import FakeEngine, FakeResult, district, person

K = SubjectKind


def test_the_engine_is_called_once_per_layer_with_the_derived_facts(engine: FakeEngine) -> None:
    # given
    subjects = district({"ubnd": "HTXSNV", "ubnd-ct": "HTXSNV", "cc-hoa": "HTNV"})

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert [len(call) for call, _ in engine.calls] == [3, 4, 3, 1, 1, 1]
    assert {period for _, period in engine.calls} == {"2021"}
    assert engine.facts_of("dv-dung")["state_rating"] == Level.HTXSNV
    assert engine.facts_of("dv-hoa")["state_rating"] == Level.HTNV
    assert engine.facts_of("ubnd-ct")["collective_rating"] == Level.HTXSNV
    assert engine.facts_of("cb-vp")["members"]["ratings"] == {"HTXSNV": 0, "HTTNV": 2, "HTNV": 0, "KHTNV": 0}
    assert engine.facts_of("hu")["led_units"] == {
        "total": 2,
        "ratings": {"HTXSNV": 0, "HTTNV": 2, "HTNV": 0, "KHTNV": 0},
        "disciplined": 0,
    }
    assert engine.facts_of("btv")["members"] == {"total": 1, "disciplined": 0, "disciplined_canh_cao_or_above": 0}
    assert result.layers[0] == ["btv", "ubnd", "dv-an"]
    assert result.outcomes["hu"].layer == 5


def test_a_self_proposed_level_above_the_final_level_is_a_conflict(engine: FakeEngine) -> None:
    # given
    subjects = [person("a", "Mai Văn Phúc", K.PUBLIC_EMPLOYEE, "HTTNV", rulebook="state-nd90", self_level=Level.HTXSNV)]

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert [(c.kind, c.text) for c in result.conflicts] == [
        (
            "self_level_above_final",
            "Mai Văn Phúc (a) tự đề xuất HTXSNV nhưng mức xếp loại cuối cùng là HTTNV: cần giải thích cho chủ thể.",
        )
    ]


def test_a_final_level_above_what_the_ballots_support_needs_an_explanation(engine: FakeEngine) -> None:
    # given: 1 HTXSNV / 9 HTTNV ballots, HTXSNV recorded (pitfalls.md #8)
    votes = {Level.HTXSNV: 1, Level.HTTNV: 9}
    subjects = [
        person(
            "a",
            "Mai Văn Phúc",
            K.PARTY_MEMBER,
            "HTXSNV",
            rulebook="party-366-43hd",
            votes=votes,
            quota_group="chuyên viên",
        )
    ]

    # when
    result = rate_cycle(subjects, engine, "2025")

    # then
    (conflict,) = [c for c in result.conflicts if c.kind == "final_above_voted_level"]
    assert conflict.text == (
        "Mai Văn Phúc (a): mức HTXSNV cao hơn mức được quá nửa số phiếu ủng hộ (HTTNV; HTXSNV: 1, HTTNV: 9, "
        "HTNV: 0, KHTNV: 0); cần giải trình."
    )
    assert conflict.reason == Reason(
        "vote.majority",
        "QĐ 24-QĐ/TW (2021), tiểu mục 9.3",
        "Mức được quá nửa số phiếu ủng hộ: HTTNV (HTXSNV: 1, HTTNV: 9, HTNV: 0, KHTNV: 0).",
        False,
    )


def test_a_voted_level_above_a_capped_level_is_a_conflict(engine: FakeEngine) -> None:
    # given: the head is voted HTXSNV but the unit is HTTNV
    subjects = [
        person("ub", "UBND xã Long Điền", K.COLLECTIVE, "HTTNV", side="state", rulebook="state-nd233"),
        person(
            "ct",
            "Tạ Thị Thu",
            K.PUBLIC_EMPLOYEE,
            "HTXSNV",
            rulebook="state-nd233",
            heads="ub",
            parent_unit="ub",
            quota_group="lãnh đạo",
            votes={Level.HTXSNV: 7, Level.HTTNV: 3},
        ),
    ]

    # when
    result = rate_cycle(subjects, engine, "2026")

    # then
    assert [(c.kind, c.subject_ids) for c in result.conflicts] == [("voted_level_above_final", ("ct",))]


@pytest.mark.parametrize(
    ("_case", "votes", "level"),
    [
        ("majority_top", {Level.HTXSNV: 6, Level.HTTNV: 4}, Level.HTXSNV),
        ("exactly_half_is_not_more_than_half", {Level.HTXSNV: 5, Level.HTTNV: 5}, Level.HTTNV),
        ("cumulative", {Level.HTXSNV: 3, Level.HTTNV: 3, Level.HTNV: 4}, Level.HTTNV),
        ("no_ballots", {}, None),
    ],
)
def test_voted_level_is_the_highest_level_more_than_half_put_at_or_above(
    _case: str, votes: dict[Level, int], level: Level | None
) -> None:
    # given
    rule = load_params().vote

    # when
    voted = voted_level(votes, rule)

    # then
    assert voted == level


def test_a_subject_the_engine_cannot_rate_is_reported_and_gets_no_level(engine: FakeEngine) -> None:
    # given
    subjects = [
        person(
            "a", "Lâm Văn Sơn", K.CIVIL_SERVANT, "HTTNV", rulebook="state-nd90", facts={"fake_status": "needs_facts"}
        )
    ]

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert (result.outcomes["a"].status, result.outcomes["a"].final_rating) == ("needs_facts", None)
    assert [c.kind for c in result.conflicts] == ["needs_facts"]


def test_without_a_rulebook_the_constraints_say_so_instead_of_guessing(engine: FakeEngine) -> None:
    # given
    subjects = [person("a", "Lâm Văn Sơn", K.CIVIL_SERVANT, "HTTNV")]

    # when
    result = rate_cycle(subjects, engine, "2021")

    # then
    assert [(c.kind, c.text) for c in result.conflicts] == [
        (
            "rulebook_unknown",
            "Lâm Văn Sơn (a): không xác định được bộ quy định nên chưa áp dụng ràng buộc giữa các chủ thể.",
        )
    ]


def test_default_rulebooks_by_side_are_used_when_the_subject_names_none(engine: FakeEngine) -> None:
    # given
    subjects = [
        person("ub", "UBND phường Tân Định", K.COLLECTIVE, "HTTNV", side="state"),
        person("ct", "Kha Văn Lộc", K.PUBLIC_EMPLOYEE, "HTXSNV", heads="ub"),
    ]

    # when
    result = rate_cycle(subjects, engine, "2026", default_rulebooks={"state": "state-nd233"})

    # then
    assert (result.outcomes["ct"].rulebook, result.outcomes["ct"].final_rating) == ("state-nd233", Level.HTTNV)


def test_an_engine_returning_the_wrong_number_of_results_is_an_error() -> None:
    # given
    subjects = [person("a", "Lâm Văn Sơn", K.CIVIL_SERVANT, "HTTNV", rulebook="state-nd90")]

    def broken(facts, period):
        return [FakeResult("rated", Level.HTTNV, None), FakeResult("rated", Level.HTTNV, None)]

    # when
    with pytest.raises(EngineError) as caught:
        rate_cycle(subjects, broken, "2021")

    # then
    assert str(caught.value) == "Bộ máy xếp loại trả về 2 kết quả cho 1 chủ thể ở lớp 0."


def test_discipline_without_the_period_flag_is_refused_by_name(engine: FakeEngine) -> None:
    # given
    subjects = [
        person(
            "a",
            "Lâm Văn Sơn",
            K.PARTY_MEMBER,
            "HTTNV",
            rulebook="party-366-43hd",
            facts={"discipline": [{"form": "khien_trach"}]},
        )
    ]

    # when
    with pytest.raises(ValueError, match=r"discipline\[0\]\.decided_in_period") as caught:
        rate_cycle(subjects, engine, "2025")

    # then
    assert str(caught.value) == (
        "Lâm Văn Sơn (a): khóa 'discipline[0].decided_in_period' cần true hoặc false, nhận None."
    )
    assert engine.calls == []


def test_level_codes_from_the_engine_are_read_as_levels_and_other_values_refused() -> None:
    # given
    subjects = [person("a", "Lâm Văn Sơn", K.CIVIL_SERVANT, "HTTNV", rulebook="state-nd90")]

    def as_text(facts, period):
        return [FakeResult("rated", "HTTNV", "HTNV")]  # type: ignore[arg-type]

    def wrong(facts, period):
        return [FakeResult("rated", "TOT", None)]  # type: ignore[arg-type]

    # when
    result = rate_cycle(subjects, as_text, "2021")
    with pytest.raises(EngineError) as caught:
        rate_cycle(subjects, wrong, "2021")

    # then
    assert (result.outcomes["a"].engine_rating, result.outcomes["a"].final_rating) == (Level.HTNV, Level.HTNV)
    assert str(caught.value) == ("Lâm Văn Sơn (a): bộ máy xếp loại trả về rating = 'TOT', không phải một mức xếp loại.")

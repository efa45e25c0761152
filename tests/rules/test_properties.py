"""Monotonicity (hypothesis): another exceeded task or a higher score never lowers a level;
another discipline never raises one. Checked on the level range [min_rating, max_rating]."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiemdiem.rules import rate_frame
from kiemdiem.rules.discipline import FORMS
from kiemdiem.rules.facts import facts_frame
from kiemdiem.rules.levels import Level

RANK = {lvl.value: lvl.rank for lvl in Level}
SETTINGS = settings(max_examples=40, deadline=None)
PERIOD_KINDS = [
    (2018, "party_member"),
    (2021, "party_member"),
    (2021, "public_employee"),
    (2022, "civil_servant"),
    (2024, "party_member"),
    (2024, "cadre"),
    (2025, "party_member"),
    (2025, "collective"),
    (2026, "civil_servant"),
    (2026, "public_employee"),
]
GRADES = st.sampled_from(["xuat_sac", "tot", "trung_binh", "kem"])


@st.composite
def subjects(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    assigned = draw(st.integers(2, 20))
    completed = draw(st.integers(1, assigned))
    on_time = draw(st.integers(0, completed))
    subject: dict[str, Any] = {
        "kind": kind,
        "holds_leadership": draw(st.booleans()),
        "tasks": {
            "assigned": assigned,
            "completed": completed,
            "on_time": on_time,
            "exceeded": draw(st.integers(0, completed - 1)),  # exceeded tasks are completed ones; room for one more
            "late_or_low_quality": draw(st.integers(0, assigned - on_time)),
        },
        "score": {"total": draw(st.integers(0, 99)) + draw(st.sampled_from([0.0, 0.5]))},
    }
    if kind == "party_member" or kind == "collective":
        ids = ["political_ideology", "ethics_lifestyle", "discipline", "working_style", "task_results"]
        if kind == "collective":
            ids = ["organization_building", "task_results"]
        subject["criteria"] = {i: draw(GRADES) for i in ids}
    if draw(st.booleans()):
        subject["led_units"] = {
            "targets_completed_share": draw(st.sampled_from([0.4, 0.5, 0.69, 0.7, 0.8, 1.0])),
            "on_time_share": draw(st.sampled_from([0.5, 0.8, 1.0])),
            "exceeded_share": draw(st.sampled_from([0.0, 0.3, 0.5])),
            "ratings": {
                "HTTNV": draw(st.integers(0, 5)),
                "HTNV": draw(st.integers(0, 5)),
                "KHTNV": draw(st.integers(0, 5)),
            },
        }
    return subject


DISCIPLINE = st.fixed_dictionaries(
    {"form": st.sampled_from(sorted(FORMS)), "track": st.sampled_from(["party", "state"])},
    optional={
        "decided_in_period": st.booleans(),
        "in_public_duty": st.booleans(),
        "self_detected_and_remedied": st.booleans(),
        "already_counted": st.booleans(),
    },
)


def _ranges(subjects: list[dict[str, Any]], period: int) -> list[tuple[str, int | None, int | None]]:
    out = rate_frame(facts_frame(subjects), period, explain=False)
    return [
        (s, RANK.get(lo) if lo else None, RANK.get(hi) if hi else None)
        for s, lo, hi in out.select("status", "min_rating", "max_rating").iter_rows()
    ]


def _pairs(data: st.DataObject) -> tuple[int, list[dict[str, Any]]]:
    period, kind = data.draw(st.sampled_from(PERIOD_KINDS))
    return period, data.draw(st.lists(subjects(kind), min_size=1, max_size=8))


@SETTINGS
@given(st.data())
def test_another_exceeded_task_never_lowers_a_level(data):
    # given
    period, before = _pairs(data)
    after = [{**s, "tasks": {**s["tasks"], "exceeded": s["tasks"]["exceeded"] + 1}} for s in before]

    # when
    old, new = _ranges(before, period), _ranges(after, period)

    # then
    for (s0, lo0, hi0), (s1, lo1, hi1) in zip(old, new, strict=True):
        assert s0 == s1 or {s0, s1} <= {"rated", "needs_facts"}
        if lo0 is not None:
            assert lo1 >= lo0
            assert hi1 >= hi0


@SETTINGS
@given(st.data())
def test_a_higher_score_never_lowers_a_level(data):
    # given
    period, before = _pairs(data)
    after = [{**s, "score": {"total": min(100.0, s["score"]["total"] + 10)}} for s in before]

    # when
    old, new = _ranges(before, period), _ranges(after, period)

    # then
    for (_, lo0, hi0), (_, lo1, hi1) in zip(old, new, strict=True):
        if lo0 is not None:
            assert lo1 >= lo0
            assert hi1 >= hi0


@SETTINGS
@given(st.data(), DISCIPLINE)
def test_another_discipline_never_raises_a_level(data, entry):
    # given
    period, before = _pairs(data)
    after = [{**s, "discipline": [*s.get("discipline", []), entry]} for s in before]

    # when
    old, new = _ranges(before, period), _ranges(after, period)

    # then
    for (_, lo0, hi0), (_, lo1, hi1) in zip(old, new, strict=True):
        if lo0 is not None:
            assert lo1 <= lo0
            assert hi1 <= hi0

"""Parameters: packaged defaults, overrides merged over them, errors naming the key path."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kiemdiem.rules.constraints import RULEBOOK_CODES, ParamsError, load_params


def test_every_rulebook_code_has_parameters_with_dates() -> None:
    # given / when
    params = load_params()

    # then
    assert tuple(params.rulebooks) == RULEBOOK_CODES
    assert str(params.rulebooks["state-nd233"].valid_from) == "2026-07-01"


def test_confirmed_flags_follow_the_research() -> None:
    # given / when
    books = load_params().rulebooks

    # then
    assert {code: (books[code].head_cap.enabled, books[code].head_cap.confirmed) for code in books} == {
        "party-132-16hd": (True, False),
        "party-132-21hd": (True, True),
        "party-124-25hd": (True, False),
        "party-366-43hd": (True, False),
        "state-nd56-88": (True, False),
        "state-nd90": (True, False),
        "state-nd90-48": (True, False),
        "state-nd335": (True, False),
        "state-nd233": (True, True),
    }
    (quota,) = books["party-366-43hd"].quotas
    assert (quota.ratio, quota.exception.ratio if quota.exception else None, quota.confirmed) == (
        Fraction(1, 5),
        Fraction(1, 4),
        True,
    )


def test_an_override_is_merged_over_the_defaults_key_by_key() -> None:
    # given
    overrides = {"rulebooks": {"state-nd335": {"head_cap": {"enabled": False}}}}

    # when
    params = load_params(overrides)

    # then
    cap = params.rulebooks["state-nd335"].head_cap
    assert (cap.enabled, cap.confirmed, cap.rule) == (False, False, "r335.h.cap")
    assert load_params().rulebooks["state-nd335"].head_cap.enabled is True


@pytest.mark.parametrize(
    ("_case", "overrides", "message"),
    [
        (
            "ratio_above_one",
            {"rulebooks": {"party-366-43hd": {"quotas": {"r366.q": {"ratio": "1.5"}}}}},
            'rulebooks.party-366-43hd.quotas.r366.q.ratio: cần một tỉ lệ từ 0 đến 1 (như "0.20" hoặc "1/2"), '
            "nhận '1.5'.",
        ),
        (
            "unknown_level",
            {"rulebooks": {"party-132-21hd": {"member_shares": {"cap": "TOT"}}}},
            "rulebooks.party-132-21hd.member_shares.cap: cần một mức HTXSNV, HTTNV, HTNV hoặc KHTNV, nhận 'TOT'.",
        ),
        (
            "unknown_scope",
            {"rulebooks": {"state-nd233": {"quotas": {"r233.q": {"scope": "province"}}}}},
            "rulebooks.state-nd233.quotas.r233.q.scope: cần một trong grassroots_party_organization, group, "
            "unit_and_group, nhận 'province'.",
        ),
    ],
)
def test_a_wrong_override_names_its_key_path(_case: str, overrides: dict, message: str) -> None:
    # given / when
    with pytest.raises(ParamsError) as caught:
        load_params(overrides)

    # then
    assert str(caught.value) == message

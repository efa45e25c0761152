"""Dated parameters, user overrides (thresholds, switched-off conditions), and their errors."""

from datetime import date

import pytest

from kiemdiem.rules import ParamsError, rate_subjects
from kiemdiem.rules.params import PARAMS_DIR, Params, load_param_file, parse_overrides
from kiemdiem.rules.registry import RULEBOOKS

SICK_3 = {"kind": "party_member", "leave": [{"kind": "sick", "months": 3}]}


def test_every_rulebook_has_a_param_file_with_references():
    # when
    files = {book.code: load_param_file(book.module) for book in RULEBOOKS.values()}

    # then
    assert sorted(p.stem for p in PARAMS_DIR.glob("*.yaml")) == sorted(b.module for b in RULEBOOKS.values())
    for entries in files.values():
        for entry in entries.values():
            assert entry["reference"]
            assert isinstance(entry["confirmed"], bool)


def test_value_is_the_latest_starting_on_or_before_the_date():
    # given
    params = Params("party-132-21hd", "party_132_21hd", date(2021, 12, 31))

    # when / then
    assert params("sick_leave_cap_months") == 3
    with pytest.raises(ParamsError) as error:
        Params("party-132-21hd", "party_132_21hd", date(2019, 1, 31))("sick_leave_cap_months")
    assert str(error.value) == (
        "tham số 'sick_leave_cap_months' của bộ quy tắc party-132-21hd không có giá trị tại ngày 31/01/2019"
    )


def test_override_changes_a_threshold_and_says_so():
    # given
    overrides = parse_overrides(
        {"rulebooks": {"party-132-21hd": {"params": {"sick_leave_cap_months": 4}}}}, "thu-nghiem.yaml"
    )

    # when
    [default] = rate_subjects([SICK_3], 2021)
    [changed] = rate_subjects([SICK_3], 2021, params=overrides)

    # then
    assert default.max_rating.value == "HTNV"
    assert changed.max_rating.value == "HTXSNV"
    assert "Tham số sick_leave_cap_months = 4 theo cấu hình (thu-nghiem.yaml)." in changed.assumptions


def test_override_switches_an_unconfirmed_condition_off_and_says_so():
    # given: 16-HD rules are unconfirmed; a user may switch one off
    subject = {"kind": "party_member", "discipline": [{"form": "khien_trach", "decided_in_period": True}]}
    overrides = parse_overrides({"rulebooks": {"party-132-16hd": {"disable": ["r132.m.k.discipline"]}}}, "cfg.yaml")

    # when
    [default] = rate_subjects([subject], 2018)
    [changed] = rate_subjects([subject], 2018, params=overrides)

    # then
    assert default.rating.value == "KHTNV"
    assert default.reasons[0].confirmed is False
    assert changed.status == "needs_facts"
    assert "Điều kiện r132.m.k.discipline đã được tắt theo cấu hình (cfg.yaml)." in changed.assumptions


@pytest.mark.parametrize(
    ("_case", "data", "message"),
    [
        ("top key", {"rulebook": {}}, "f.yaml: khóa 'rulebook' không hợp lệ; các khóa hợp lệ: options, rulebooks"),
        (
            "code",
            {"rulebooks": {"party-999": {}}},
            "f.yaml: khóa 'rulebooks.party-999': không có bộ quy tắc này; có: party-132-16hd",
        ),
        (
            "param",
            {"rulebooks": {"state-nd335": {"params": {"score_top": 95}}}},
            "f.yaml: khóa 'rulebooks.state-nd335.params.score_top': bộ quy tắc không có tham số này",
        ),
        (
            "option value",
            {"options": {"cadre_after_nd90": "state-nd335"}},
            "f.yaml: khóa 'options.cadre_after_nd90': giá trị 'state-nd335'; cần một trong ('none', 'state-nd90-48')",
        ),
    ],
)
def test_invalid_override_names_the_key(_case, data, message):
    # when
    with pytest.raises(ParamsError) as error:
        parse_overrides(data, "f.yaml")

    # then
    assert str(error.value).startswith(message)

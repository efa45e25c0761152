"""Dated parameters, user overrides (thresholds, switched-off conditions), and their errors."""

from datetime import date

import pytest

from kiemdiem.rules import ParamsError, rate_subjects
from kiemdiem.rules.params import PARAMS_DIR, Params, load_overrides, load_param_file, parse_overrides
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
        (
            "value not a number",
            {"rulebooks": {"party-366-43hd": {"params": {"score_excellent": "abc"}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.score_excellent': cần một số (điểm), nhận được 'abc'",
        ),
        (
            "value null",
            {"rulebooks": {"party-366-43hd": {"params": {"score_excellent": None}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.score_excellent': cần một số (điểm), nhận được None",
        ),
        (
            "value boolean",
            {"rulebooks": {"party-366-43hd": {"params": {"score_good": True}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.score_good': cần một số (điểm), nhận được True",
        ),
        (
            "value not a number (nan)",
            {"rulebooks": {"party-366-43hd": {"params": {"score_good": float("nan")}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.score_good': cần một số (điểm), nhận được nan",
        ),
        (
            "share above 1",
            {"rulebooks": {"party-366-43hd": {"params": {"exceeded_min_share": 5}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.exceeded_min_share': giá trị 5 nằm ngoài khoảng cho "
            "phép (từ 0 đến 1)",
        ),
        (
            "negative points",
            {"rulebooks": {"party-366-43hd": {"params": {"score_excellent": -10}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.score_excellent': giá trị -10 nằm ngoài khoảng cho "
            "phép (từ 0 đến 100)",
        ),
        (
            "months as text",
            {"rulebooks": {"party-366-43hd": {"params": {"new_member_months": "six"}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.new_member_months': cần một số (tháng), nhận được 'six'",
        ),
        (
            "discipline form",
            {"rulebooks": {"party-366-43hd": {"params": {"min_discipline_form": "foo"}}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params.min_discipline_form': giá trị 'foo'; cần một hình thức "
            "kỷ luật: khien_trach, canh_cao,",
        ),
        (
            "params not a map",
            {"rulebooks": {"party-366-43hd": {"params": [1, 2]}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.params': cần một bảng khóa–giá trị, nhận được [1, 2]",
        ),
        (
            "rulebooks not a map",
            {"rulebooks": [1]},
            "f.yaml: khóa 'rulebooks': cần một bảng khóa–giá trị, nhận được [1]",
        ),
        ("options not a map", {"options": ["a"]}, "f.yaml: khóa 'options': cần một bảng khóa–giá trị, nhận được ['a']"),
        (
            "unknown condition",
            {"rulebooks": {"party-366-43hd": {"disable": ["r366.x.taks"]}}},
            "f.yaml: khóa 'rulebooks.party-366-43hd.disable': không có điều kiện 'r366.x.taks' trong bộ quy tắc này",
        ),
    ],
)
def test_invalid_override_names_the_key(_case, data, message):
    # when
    with pytest.raises(ParamsError) as error:
        parse_overrides(data, "f.yaml")

    # then
    assert str(error.value).startswith(message)


def test_valid_override_values_are_accepted():
    # given one value per unit, at the edges of its range
    data = {
        "rulebooks": {
            "party-366-43hd": {
                "params": {"score_excellent": 100, "exceeded_min_share": 0.0, "min_discipline_form": "canh_cao"},
                "disable": ["r366.x.tasks"],
            },
            "party-132-21hd": {"params": {"sick_leave_cap_months": 4.5}},
        }
    }

    # when
    overrides = parse_overrides(data, "f.yaml")

    # then
    assert overrides.params["party-366-43hd"]["min_discipline_form"] == "canh_cao"
    assert overrides.disabled["party-366-43hd"] == frozenset({"r366.x.tasks"})


def test_override_file_not_utf8_is_refused(tmp_path):
    # given
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xff\xfe")

    # when
    with pytest.raises(ParamsError) as error:
        load_overrides(path)

    # then
    assert str(error.value) == f"{path}: tệp tham số không phải UTF-8 (invalid start byte ở byte 0)"


def test_a_disabled_condition_is_echoed_only_for_the_kinds_that_have_it():
    # given a member-only condition switched off
    overrides = parse_overrides({"rulebooks": {"party-132-21hd": {"disable": ["r132.m.k.tasks"]}}}, "cfg.yaml")

    # when
    member, collective = rate_subjects([{"kind": "party_member"}, {"kind": "collective"}], 2021, params=overrides)

    # then
    notice = "Điều kiện r132.m.k.tasks đã được tắt theo cấu hình (cfg.yaml)."
    assert notice in member.assumptions
    assert notice not in collective.assumptions


def test_override_file_with_a_repeated_key_names_the_line(tmp_path):
    # given
    path = tmp_path / "p.yaml"
    path.write_text("rulebooks:\n  party-366-43hd: {}\n  party-366-43hd: {}\n", encoding="utf-8")

    # when
    with pytest.raises(ParamsError) as error:
        load_overrides(path)

    # then
    assert str(error.value) == (
        f"{path}: YAML không hợp lệ ở dòng 3, cột 3: khóa 'party-366-43hd' bị lặp lại trong cùng một bảng"
    )

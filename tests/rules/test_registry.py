"""Rulebook selection by period and subject kind, and its errors."""

import pytest

from kiemdiem.rules import NoRulebookError, PeriodError, select_rulebook
from kiemdiem.rules.params import parse_overrides


@pytest.mark.parametrize(
    ("period", "kind", "code"),
    [
        (2018, "party_member", "party-132-16hd"),
        (2019, "collective", "party-132-21hd"),
        ("2022", "party_organization", "party-132-21hd"),
        (2023, "party_member", "party-124-25hd"),
        (2024, "collective", "party-124-25hd"),
        (2025, "party_member", "party-366-43hd"),
        ("2025-Q2", "party_member", "party-366-43hd"),
        ("2026-Q1", "collective", "party-366-43hd"),
        ("2020-2025", "party_organization", "party-366-43hd"),
        (2019, "public_employee", "state-nd56-88"),
        (2020, "civil_servant", "state-nd90"),
        (2022, "cadre", "state-nd90"),
        (2023, "cadre", "state-nd90-48"),
        (2025, "public_employee", "state-nd90-48"),
        (2026, "civil_servant", "state-nd335"),
        (2026, "public_employee", "state-nd233"),
    ],
)
def test_rulebook_by_period_and_kind(period, kind, code):
    # when
    book = select_rulebook(period, kind)

    # then
    assert book.code == code


def test_no_rulebook_for_a_period_before_the_first_one():
    # when
    with pytest.raises(NoRulebookError) as error:
        select_rulebook(2017, "party_member")

    # then
    assert str(error.value) == (
        "Không có bộ quy tắc nào áp dụng cho đảng viên (party_member) kỳ 2017. Các bộ quy tắc có: "
        "party-132-16hd (2018); party-132-21hd (2019–2022); party-124-25hd (2023–2024); party-366-43hd (từ 2025)."
    )


def test_quarters_exist_only_under_366():
    # when
    with pytest.raises(NoRulebookError) as error:
        select_rulebook("2024-Q3", "civil_servant")

    # then
    assert "kỳ 2024-Q3 (đánh giá theo quý, nhiệm kỳ chỉ có từ Quy định 366-QĐ/TW)" in str(error.value)


def test_cadre_after_nd90_lapsed_is_an_explicit_error():
    # when
    with pytest.raises(NoRulebookError) as error:
        select_rulebook(2026, "cadre")

    # then
    assert str(error.value).startswith(
        "Chưa có bộ quy tắc cho cán bộ kỳ 2026: Nghị định 90/2020/NĐ-CP (sửa đổi bởi 48/2023/NĐ-CP) hết hiệu lực"
    )


def test_cadre_after_nd90_can_be_rated_by_explicit_configuration():
    # given
    overrides = parse_overrides({"options": {"cadre_after_nd90": "state-nd90-48"}})

    # when
    book = select_rulebook(2026, "cadre", overrides)

    # then
    assert book.code == "state-nd90-48"


def test_public_employee_2026_transition_option_selects_nd90_48():
    # given
    overrides = parse_overrides({"options": {"public_employee_2026": "nd90-48"}})

    # when
    book = select_rulebook(2026, "public_employee", overrides)

    # then
    assert book.code == "state-nd90-48"


@pytest.mark.parametrize("period", ["21", "2021-Q5", "2025-2020", "năm 2021", True])
def test_malformed_period_is_refused(period):
    # when
    with pytest.raises(PeriodError) as error:
        select_rulebook(period, "cadre")

    # then
    assert "cần một năm (2021), một quý (2025-Q2) hoặc một nhiệm kỳ (2020-2025)" in str(error.value)

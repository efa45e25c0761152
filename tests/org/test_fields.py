import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from kiemdiem.org.dataset.fields import Field, FieldError, boolean, choice, date, decimal, text
from kiemdiem.org.models import PartyMembershipStatus


def test_text_is_stored_in_composed_form():
    # given
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hạnh")
    # when
    value = text(120)(decomposed)
    # then
    assert value == "Nguyễn Thị Hạnh"
    assert unicodedata.is_normalized("NFC", value)


@pytest.mark.parametrize(
    ("_case", "raw", "expected"),
    [("vietnamese", "24/12/2021", dt.date(2021, 12, 24)), ("iso", "2021-12-24", dt.date(2021, 12, 24))],
)
def test_dates_are_read_the_vietnamese_way_or_iso(_case, raw, expected):
    # when / then
    assert date(raw) == expected


def test_impossible_date_says_what_is_expected():
    # when
    with pytest.raises(FieldError) as refused:
        date("31/02/2021")
    # then
    assert str(refused.value) == "“31/02/2021” không phải ngày hợp lệ (cần dạng 24/12/2021)"


@pytest.mark.parametrize(
    ("raw", "expected"), [("3,33", Decimal("3.33")), ("1.756,3", Decimal("1756.3")), ("4.40", Decimal("4.40"))]
)
def test_decimals_accept_the_vietnamese_comma(raw, expected):
    # when / then
    assert decimal(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [("có", True), ("Không", False), ("x", True), ("0", False)])
def test_yes_no(raw, expected):
    # when / then
    assert boolean(raw) is expected


def test_choice_by_code_or_by_vietnamese_label_and_error_lists_the_options():
    # given
    status = choice(PartyMembershipStatus)
    # when
    with pytest.raises(FieldError) as refused:
        status("tạm thời")
    # then
    assert (status("probationary"), status("Dự bị"), status("CHÍNH THỨC")) == (
        "probationary",
        "probationary",
        "official",
    )
    assert (
        str(refused.value)
        == "“tạm thời” không có trong danh mục; cần một trong: official (Chính thức), probationary (Dự bị)"
    )


def test_required_field_left_blank_is_refused():
    # when
    with pytest.raises(FieldError) as refused:
        Field("full_name", text(120), required=True).read("  ")
    # then
    assert str(refused.value) == "bắt buộc, đang để trống"


def test_choice_reads_vietnamese_labels_even_when_english_is_active():
    # given
    from django.utils import translation

    # when
    with translation.override("en"):
        value = choice(PartyMembershipStatus)("dự bị")
    # then
    assert value == "probationary"

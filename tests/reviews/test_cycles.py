import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from kiemdiem.reviews.models import AuditEntry, CycleStatus, ReviewCycle
from kiemdiem.reviews.periods import Period, PeriodKind
from kiemdiem.reviews.services import review_cycle_close, review_cycle_open
from tests.org import builders


@pytest.mark.django_db
def test_open_cycle_pins_the_rulebooks_of_2021():
    # given
    district = builders.organisation(valid_from=dt.date(1997, 1, 1), valid_to=dt.date(2025, 6, 30))
    # when
    cycle = review_cycle_open(scope=district, period="2021", actor=None, opened_on=dt.date(2021, 11, 15))
    # then
    assert (cycle.period, cycle.status, cycle.opened_on) == ("2021", CycleStatus.OPEN, dt.date(2021, 11, 15))
    assert (cycle.party_rulebook, cycle.state_rulebook) == ("party-132-21hd", "state-nd90")
    assert list(AuditEntry.objects.values_list("action", "cycle_id")) == [("review_cycle_open", cycle.pk)]


@pytest.mark.django_db
def test_second_open_cycle_for_same_scope_and_period_is_refused_and_nothing_written():
    # given
    district = builders.organisation(name="Đảng bộ huyện Thanh Vân")
    review_cycle_open(scope=district, period="2021", actor=None)
    # when
    with pytest.raises(ValidationError) as refused:
        review_cycle_open(scope=district, period=Period(kind=PeriodKind.YEAR, year=2021), actor=None)
    # then
    assert refused.value.messages == [
        "Đã có kỳ kiểm điểm 2021 của Đảng bộ huyện Thanh Vân chưa kết thúc (trạng thái: Đang tiến hành); "
        "kết thúc kỳ đó trước khi mở kỳ mới."
    ]
    assert ReviewCycle.objects.count() == 1
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db
def test_a_new_cycle_may_open_once_the_previous_one_is_closed():
    # given
    district = builders.organisation()
    first = review_cycle_open(scope=district, period="2021", actor=None)
    review_cycle_close(cycle=first, actor=None, closed_on=dt.date(2022, 1, 20))
    # when
    second = review_cycle_open(scope=district, period="2021", actor=None)
    # then
    assert list(ReviewCycle.objects.order_by("pk").values_list("status", flat=True)) == ["closed", "open"]
    assert second.pk != first.pk


@pytest.mark.django_db
def test_database_refuses_a_second_open_cycle_even_without_the_service():
    # given
    district = builders.organisation()
    fields = {"scope": district, "period_kind": "year", "year": 2021, "party_rulebook": "x", "state_rulebook": "y"}
    ReviewCycle.objects.create(status=CycleStatus.OPEN, **fields)
    # when / then
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewCycle.objects.create(status=CycleStatus.DRAFT, **fields)
    assert ReviewCycle.objects.count() == 1


@pytest.mark.django_db
def test_quarter_and_year_cycles_of_the_same_scope_coexist():
    # given
    commune = builders.organisation(name="Đảng bộ xã Vân Hòa", level="commune", valid_from=dt.date(2025, 7, 1))
    # when
    year = review_cycle_open(scope=commune, period="2025", actor=None)
    quarter = review_cycle_open(scope=commune, period="2025-Q3", actor=None)
    # then
    assert (year.period, quarter.period) == ("2025", "2025-Q3")
    assert (quarter.party_rulebook, quarter.state_rulebook) == ("party-366-43hd", "state-nd90-48")


@pytest.mark.django_db
def test_unit_abolished_on_30_6_2025_is_reviewable_for_2021_but_not_for_2026():
    # given
    district = builders.organisation(
        name="Đảng bộ huyện Thanh Vân", valid_from=dt.date(1997, 1, 1), valid_to=dt.date(2025, 6, 30)
    )
    # when
    cycle_2021 = review_cycle_open(scope=district, period="2021", actor=None)
    with pytest.raises(ValidationError) as refused:
        review_cycle_open(scope=district, period="2026", actor=None)
    # then
    assert cycle_2021.period == "2021"
    assert refused.value.messages == [
        "Đảng bộ huyện Thanh Vân không tồn tại trong kỳ 2026 (tồn tại từ 01/01/1997 đến 30/06/2025); "
        "không thể mở kỳ kiểm điểm."
    ]
    assert ReviewCycle.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "period", "message"),
    [
        ("no rulebook", "2016", "Chưa có bộ quy tắc của Đảng cho năm 2016: kiemdiem hỗ trợ từ năm 2018."),
        (
            "quarter before 366",
            "2021-Q2",
            "Không có kỳ đánh giá theo quý trước năm 2025 (Quy định 366-QĐ/TW, Điều 1 khoản 1).",
        ),
        (
            "fourth quarter",
            "2025-Q4",
            "Quý IV không đánh giá riêng mà gộp vào đánh giá cuối năm (Hướng dẫn 43-HD/BTCTW): mở kỳ theo năm.",
        ),
        (
            "unreadable",
            "năm 2021",
            'Kỳ \'năm 2021\' không đọc được: cần một năm ("2021"), một quý ("2025-Q2") '
            'hoặc một nhiệm kỳ ("2020-2025").',
        ),
    ],
)
def test_invalid_periods_are_refused_with_the_reason(_case, period, message):
    # given
    district = builders.organisation()
    # when
    with pytest.raises(ValidationError) as refused:
        review_cycle_open(scope=district, period=period, actor=None)
    # then
    assert refused.value.messages == [message]
    assert ReviewCycle.objects.count() == 0


@pytest.mark.django_db
def test_user_without_permission_cannot_open_a_cycle():
    # given
    district = builders.organisation()
    clerk = User.objects.create_user("vanthu", password="mat-khau-thu-nghiem-1")
    # when
    with pytest.raises(PermissionDenied) as refused:
        review_cycle_open(scope=district, period="2021", actor=clerk)
    # then
    assert str(refused.value) == "Tài khoản vanthu không có quyền mở kỳ kiểm điểm."
    assert ReviewCycle.objects.count() == 0

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kiemdiem.org.models import CollectiveKind, OrgKind, OrgLevel, PositionRole
from kiemdiem.reviews.models import AuditEntry, Review
from kiemdiem.reviews.services import review_create, review_cycle_close, review_cycle_open, review_cycle_populate
from tests.org import builders


@pytest.fixture
def district():
    return builders.organisation(name="Đảng bộ huyện Thanh Vân", valid_to=dt.date(2025, 6, 30))


@pytest.fixture
def cycle(district):
    return review_cycle_open(scope=district, period="2021", actor=None)


@pytest.mark.django_db
def test_duplicate_review_of_a_collective_is_refused_and_nothing_written(district, cycle):
    # given
    btv = builders.collective(district, name="Ban Thường vụ Huyện ủy Thanh Vân")
    review_create(cycle=cycle, subject=btv, actor=None)
    # when
    with pytest.raises(ValidationError) as refused:
        review_create(cycle=cycle, subject=btv, actor=None)
    # then
    assert refused.value.messages == [
        "Ban Thường vụ Huyện ủy Thanh Vân đã có bản kiểm điểm trong kỳ 2021 của Đảng bộ huyện Thanh Vân."
    ]
    assert Review.objects.count() == 1
    assert AuditEntry.objects.filter(action="review_create").count() == 1


@pytest.mark.django_db
def test_concurrent_post_gives_one_review_per_place_and_a_duplicate_place_is_refused(district, cycle):
    # given
    council = builders.organisation(name="HĐND huyện Thanh Vân", kind=OrgKind.PEOPLES_COUNCIL, parent=district)
    btv = builders.collective(district)
    deputy = builders.person(full_name="Hà Văn Khiêm")
    party_post = builders.position(deputy, collective=btv, role=PositionRole.DEPUTY, title="Phó Bí thư Thường trực")
    council_post = builders.position(
        deputy, organisation=council, role=PositionRole.HEAD, title="Chủ tịch HĐND huyện", is_concurrent=True
    )
    # when
    review_create(cycle=cycle, subject=deputy, place=party_post, actor=None)
    review_create(cycle=cycle, subject=deputy, place=council_post, actor=None)
    with pytest.raises(ValidationError) as refused:
        review_create(cycle=cycle, subject=deputy, place=council_post, actor=None)
    # then
    assert refused.value.messages == [
        "Hà Văn Khiêm đã có bản kiểm điểm tại “Chủ tịch HĐND huyện” trong kỳ 2021 của Đảng bộ huyện Thanh Vân."
    ]
    assert sorted(Review.objects.values_list("place__title", flat=True)) == [
        "Chủ tịch HĐND huyện",
        "Phó Bí thư Thường trực",
    ]


@pytest.mark.django_db
def test_database_refuses_duplicate_person_review_without_place(district, cycle):
    # given
    member = builders.person()
    Review.objects.create(cycle=cycle, subject_person=member)
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(cycle=cycle, subject_person=member)
    assert Review.objects.count() == 1


@pytest.mark.django_db
def test_database_refuses_a_review_with_two_subjects(district, cycle):
    # given
    member = builders.person()
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(cycle=cycle, subject_person=member, subject_organisation=district)
    assert Review.objects.count() == 0


@pytest.mark.django_db
def test_post_not_held_during_the_period_is_refused(district, cycle):
    # given
    btv = builders.collective(district)
    newcomer = builders.person(full_name="Mè Thị Sau")
    post = builders.position(newcomer, collective=btv, title="Ủy viên Ban Thường vụ", start_date=dt.date(2022, 3, 1))
    # when
    with pytest.raises(ValidationError) as refused:
        review_create(cycle=cycle, subject=newcomer, place=post, actor=None)
    # then
    assert refused.value.messages == ["Mè Thị Sau không giữ chức vụ “Ủy viên Ban Thường vụ” trong kỳ 2021."]
    assert Review.objects.count() == 0


@pytest.mark.django_db
def test_subject_outside_the_scope_is_refused(cycle):
    # given
    elsewhere = builders.organisation(name="Đảng bộ huyện Khác", symbol="HU")
    # when
    with pytest.raises(ValidationError) as refused:
        review_create(cycle=cycle, subject=elsewhere, actor=None)
    # then
    assert refused.value.messages == [
        "Đảng bộ huyện Khác không thuộc phạm vi Đảng bộ huyện Thanh Vân của kỳ kiểm điểm."
    ]
    assert Review.objects.count() == 0


@pytest.mark.django_db
def test_closed_cycle_takes_no_more_reviews(district, cycle):
    # given
    review_cycle_close(cycle=cycle, actor=None)
    # when
    with pytest.raises(ValidationError) as refused:
        review_create(cycle=cycle, subject=district, actor=None)
    # then
    assert refused.value.messages == [
        "Kỳ kiểm điểm 2021 của Đảng bộ huyện Thanh Vân đã kết thúc; không thể thêm hay sửa bản kiểm điểm."
    ]
    assert Review.objects.count() == 0


@pytest.mark.django_db
def test_populate_creates_each_subject_once_and_is_idempotent(district, cycle):
    # given
    cell = builders.organisation(
        name="Chi bộ thôn Đông", kind=OrgKind.PARTY_CELL, level=OrgLevel.GRASSROOTS, parent=district
    )
    builders.organisation(
        name="Chi bộ giải thể 2019", kind=OrgKind.PARTY_CELL, parent=district, valid_to=dt.date(2019, 12, 31)
    )
    bch = builders.collective(district, name="BCH Đảng bộ huyện", kind=CollectiveKind.BCH)
    btv = builders.collective(district)
    secretary = builders.person(full_name="Vi Văn Bình")
    builders.party_member(secretary, cell)
    builders.position(secretary, collective=bch, title="Ủy viên BCH", is_review_place=False)
    builders.position(secretary, collective=btv, role=PositionRole.HEAD, title="Bí thư Huyện ủy")
    late = builders.person(full_name="Lục Thị Hè")
    builders.party_member(late, cell, status="probationary", admission_date=dt.date(2022, 2, 3), official_date=None)
    # when
    first = review_cycle_populate(cycle=cycle, actor=None)
    again = review_cycle_populate(cycle=cycle, actor=None)
    # then
    assert (first.organisations, first.collectives, first.people_in_posts, first.party_members) == (2, 2, 1, 1)
    assert (again.created, again.already_present) == (0, 6)
    assert Review.objects.count() == 6


@pytest.mark.django_db
def test_model_validation_explains_a_duplicate_review_in_vietnamese(district, cycle):
    # given a review saved directly (as the admin form would validate before saving)
    member = builders.person()
    Review.objects.create(cycle=cycle, subject_person=member)
    # when
    with pytest.raises(ValidationError) as refused:
        Review(cycle=cycle, subject_person=member).full_clean()
    # then
    assert refused.value.messages == ["Cá nhân này đã có bản kiểm điểm (không gắn chức vụ) trong kỳ."]
    assert Review.objects.count() == 1

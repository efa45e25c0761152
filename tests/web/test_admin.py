import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from kiemdiem.reviews.models import ReviewCycle
from tests.org import builders

OUR_APPS = ("org", "reviews")


@pytest.fixture
def superuser_client(client):
    User.objects.create_superuser("quantri", "quantri@example.invalid", "mat-khau-quan-tri-1")
    client.login(username="quantri", password="mat-khau-quan-tri-1")
    return client


def _our_models():
    return sorted(
        (model._meta.app_label, model._meta.model_name)
        for model in admin.site._registry
        if model._meta.app_label in OUR_APPS
    )


def test_every_model_of_org_and_reviews_is_in_the_admin():
    # then
    assert _our_models() == [
        ("org", "collective"),
        ("org", "discipline"),
        ("org", "leave"),
        ("org", "organisation"),
        ("org", "organisationsuccession"),
        ("org", "partymembership"),
        ("org", "partystatuschange"),
        ("org", "partytransfer"),
        ("org", "person"),
        ("org", "position"),
        ("org", "stateemployment"),
        ("reviews", "auditentry"),
        ("reviews", "review"),
        ("reviews", "reviewcycle"),
        ("reviews", "reviewoutcome"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("app", "model"), _our_models())
def test_changelist_answers_200_for_a_superuser_with_filters_and_search(superuser_client, app, model):
    # given
    district = builders.organisation(name="Đảng bộ huyện Thanh Vân")
    member = builders.person(full_name="Nông Văn Tám")
    builders.position(member, organisation=district, title="Bí thư Huyện ủy", role="head")
    # when
    plain = superuser_client.get(reverse(f"admin:{app}_{model}_changelist"))
    searched = superuser_client.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "Tám"})
    # then
    assert (plain.status_code, searched.status_code) == (200, 200)


@pytest.mark.django_db
def test_admin_pages_speak_vietnamese_by_default(superuser_client):
    # when
    page = superuser_client.get(reverse("admin:org_organisation_changelist"))
    # then
    assert "Chọn tổ chức, đơn vị để thay đổi" in page.content.decode()


@pytest.mark.django_db
def test_admin_opens_a_cycle_through_the_service_and_shows_its_refusal(superuser_client):
    # given
    district = builders.organisation(name="Đảng bộ huyện Thanh Vân", valid_to=dt.date(2025, 6, 30))
    form = {"scope": district.pk, "period_kind": "year", "year": "2021"}
    # when
    opened = superuser_client.post(reverse("admin:reviews_reviewcycle_add"), form)
    refused = superuser_client.post(reverse("admin:reviews_reviewcycle_add"), form)
    # then
    assert opened.status_code == 302
    cycle = ReviewCycle.objects.get()
    assert (cycle.period, cycle.party_rulebook, cycle.status) == ("2021", "party-132-21hd", "open")
    assert refused.status_code == 200
    assert "Đã có kỳ kiểm điểm 2021 của Đảng bộ huyện Thanh Vân chưa kết thúc" in refused.content.decode()
    assert ReviewCycle.objects.count() == 1


@pytest.mark.django_db
def test_change_pages_of_the_example_answer_200_and_filters_work(superuser_client):
    # given
    from kiemdiem.cli.example import DEFAULT_FOLDER
    from kiemdiem.org.models import Organisation, Person
    from kiemdiem.reviews.loading import example_load
    from kiemdiem.reviews.models import Review

    example_load(folder=DEFAULT_FOLDER, actor=None)
    deputy = Person.objects.get(external_code="H002")
    district = Organisation.objects.get(external_code="H-TV")
    cell = Organisation.objects.get(external_code="X-VC-DB")
    # when
    pages = [
        superuser_client.get(reverse("admin:org_person_change", args=[deputy.pk])),
        superuser_client.get(reverse("admin:org_organisation_change", args=[district.pk])),
        superuser_client.get(reverse("admin:reviews_review_change", args=[Review.objects.first().pk])),
        superuser_client.get(reverse("admin:reviews_reviewcycle_change", args=[ReviewCycle.objects.get().pk])),
    ]
    probationary = superuser_client.get(
        reverse("admin:org_person_changelist"),
        {"party_membership__status__exact": "probationary", "party_membership__party_cell__parent__id__exact": cell.pk},
    )
    # then
    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert probationary.status_code == 200
    assert list(probationary.context["cl"].queryset.values_list("external_code", flat=True)) == ["VC027"]

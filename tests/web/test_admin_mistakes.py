"""User mistakes in the admin get a form error, never a 500 or a broken tree."""

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db.models import CheckConstraint
from django.urls import reverse

from kiemdiem.org.models import Organisation, Position
from kiemdiem.org.models.units import PARENT_LOOP
from kiemdiem.org.selectors import organisation_tree
from tests.org import builders

INLINES = ("collectives", "succession_in", "succession_out")


@pytest.fixture
def superuser_client(client):
    User.objects.create_superuser("quantri", "quantri@example.invalid", "mat-khau-quan-tri-1")
    client.login(username="quantri", password="mat-khau-quan-tri-1")
    return client


def _organisation_form(org: Organisation, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": org.name,
        "level": org.level,
        "kind": org.kind,
        "parent": org.parent_id or "",
        "external_code": org.external_code or "",
    }
    for prefix in INLINES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


@pytest.mark.django_db
def test_a_superior_below_the_unit_itself_is_refused_and_the_tree_is_kept(superuser_client):
    # given: city > district > commune
    city = builders.organisation(name="Đảng bộ tỉnh Thử", level="province", external_code="T")
    district = builders.organisation(name="Đảng bộ huyện Thử", parent=city, external_code="H")
    commune = builders.organisation(name="Đảng bộ xã Thử", level="commune", parent=district, external_code="X")
    url = reverse("admin:org_organisation_change", args=[city.pk])
    # when: the city is put under its own commune
    response = superuser_client.post(url, _organisation_form(city, parent=commune.pk))
    # then
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [
        PARENT_LOOP.format(chain="Đảng bộ tỉnh Thử → Đảng bộ xã Thử → Đảng bộ huyện Thử → Đảng bộ tỉnh Thử")
    ]
    city.refresh_from_db()
    assert city.parent is None
    assert [(org.external_code, depth) for org, depth in organisation_tree()] == [("T", 0), ("H", 1), ("X", 2)]


@pytest.mark.django_db
def test_a_unit_cannot_be_its_own_superior(superuser_client):
    # given
    district = builders.organisation(name="Đảng bộ huyện Thử", external_code="H")
    url = reverse("admin:org_organisation_change", args=[district.pk])
    # when
    response = superuser_client.post(url, _organisation_form(district, parent=district.pk))
    # then
    assert response.context["adminform"].form.errors["parent"] == [
        PARENT_LOOP.format(chain="Đảng bộ huyện Thử → Đảng bộ huyện Thử")
    ]
    district.refresh_from_db()
    assert district.parent is None


@pytest.mark.django_db
def test_a_post_without_its_place_gets_a_vietnamese_message_not_the_constraint_name(superuser_client):
    # given
    who = builders.person(full_name="Lò Thị Thử")
    url = reverse("admin:org_position_add")
    data = {"person": who.pk, "title": "Ủy viên", "role": "member", "start_date": "01/10/2020", "end_date": ""}
    # when
    response = superuser_client.post(url, data)
    # then
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "Chức vụ cần ghi thuộc tổ chức hoặc thuộc tập thể nào (ít nhất một)."
    ]
    assert not Position.objects.exists()


@pytest.mark.django_db
def test_every_check_constraint_of_org_and_targets_speaks_vietnamese():
    # given
    models = [*apps.get_app_config("org").get_models(), *apps.get_app_config("unit_targets").get_models()]
    # when
    default = [
        f"{model.__name__}.{constraint.name}"
        for model in models
        for constraint in model._meta.constraints
        if isinstance(constraint, CheckConstraint)
        and constraint.violation_error_message == constraint.default_violation_error_message
    ]
    # then
    assert default == []

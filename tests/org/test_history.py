import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from kiemdiem.org import selectors
from kiemdiem.org.models import Discipline, OrganisationSuccession, Position
from tests.org import builders


@pytest.fixture
def merged_communes():
    city = builders.organisation(name="Đảng bộ thành phố Hà Nội", level="province", symbol="TU")
    district = builders.organisation(name="Đảng bộ huyện Thanh Vân", parent=city, valid_to=dt.date(2025, 6, 30))
    old = [
        builders.organisation(name=name, level="commune", parent=district, valid_to=dt.date(2025, 6, 30))
        for name in ("Đảng bộ xã Vân Cát", "Đảng bộ xã Thịnh Hòa")
    ]
    new = builders.organisation(
        name="Đảng bộ xã Thanh Vân", level="commune", parent=city, valid_from=dt.date(2025, 7, 1)
    )
    for unit in old:
        OrganisationSuccession.objects.create(
            predecessor=unit, successor=new, kind="merge", changed_on=dt.date(2025, 7, 1)
        )
    return district, old, new


@pytest.mark.django_db
def test_units_exist_on_their_own_days_only(merged_communes):
    # given
    district, _old, _new = merged_communes
    # when
    on_30_june = {o.name for o in selectors.organisations_existing_on(day=dt.date(2025, 6, 30))}
    on_1_july = {o.name for o in selectors.organisations_existing_on(day=dt.date(2025, 7, 1))}
    # then
    assert on_30_june == {
        "Đảng bộ thành phố Hà Nội",
        "Đảng bộ huyện Thanh Vân",
        "Đảng bộ xã Vân Cát",
        "Đảng bộ xã Thịnh Hòa",
    }
    assert on_1_july == {"Đảng bộ thành phố Hà Nội", "Đảng bộ xã Thanh Vân"}
    assert (district.exists_on(dt.date(2021, 12, 31)), district.exists_on(dt.date(2025, 7, 1))) == (True, False)
    assert district.exists_during(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) is True


@pytest.mark.django_db
def test_history_of_a_merged_unit_names_its_predecessors(merged_communes):
    # given
    _district, _old, new = merged_communes
    # when
    history = selectors.organisation_history(organisation=new)
    # then
    assert [(h.predecessor.name, h.kind, h.changed_on) for h in history] == [
        ("Đảng bộ xã Vân Cát", "merge", dt.date(2025, 7, 1)),
        ("Đảng bộ xã Thịnh Hòa", "merge", dt.date(2025, 7, 1)),
    ]
    assert sorted(o.name for o in new.predecessors.all()) == ["Đảng bộ xã Thịnh Hòa", "Đảng bộ xã Vân Cát"]


@pytest.mark.django_db
def test_subtree_follows_parents_whatever_the_dates(merged_communes):
    # given
    district, old, _new = merged_communes
    # when
    ids = selectors.organisation_subtree_ids(root=district)
    # then
    assert ids == {district.pk, old[0].pk, old[1].pk}


@pytest.mark.django_db
def test_probationary_status_is_derived_from_the_dates():
    # given
    cell = builders.organisation(name="Chi bộ thôn Cát Thượng", kind="party_cell", level="grassroots")
    membership = builders.party_member(
        builders.person(),
        cell,
        status="official",
        admission_date=dt.date(2021, 9, 10),
        official_date=dt.date(2022, 9, 10),
    )
    # when / then
    assert [
        membership.status_on(day) for day in (dt.date(2021, 9, 9), dt.date(2021, 12, 31), dt.date(2022, 9, 10))
    ] == [
        None,
        "probationary",
        "official",
    ]


@pytest.mark.django_db
def test_database_refuses_a_post_nowhere_and_a_party_form_on_the_state_track():
    # given
    person = builders.person()
    # when / then
    with pytest.raises(IntegrityError), transaction.atomic():
        Position.objects.create(person=person, role="member", title="Ủy viên", start_date=dt.date(2021, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Discipline.objects.create(person=person, track="state", form="khai_tru", decided_on=dt.date(2021, 7, 20))
    assert (Position.objects.count(), Discipline.objects.count()) == (0, 0)

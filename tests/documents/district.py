"""A small fictitious district in the database, for the builder tests (invented names)."""

from __future__ import annotations

import datetime as dt

from kiemdiem.org.models import CollectiveKind, OrgKind, OrgLevel, PositionRole, StateCategory, StateEmployment
from kiemdiem.reviews.models import Review
from kiemdiem.reviews.services import review_cycle_open, review_cycle_populate
from tests.org import builders as b


def district_2021():
    """Province > Đảng bộ huyện Thanh Vân (HU) > Đảng bộ xã Tân An > Chi bộ thôn Đông; UBND huyện."""
    province = b.organisation(name="Đảng bộ tỉnh Hòa Lâm", level=OrgLevel.PROVINCE, symbol="TU")
    district = b.organisation(name="Đảng bộ huyện Thanh Vân", parent=province, place_name="Thanh Vân", symbol="HU")
    commune = b.organisation(name="Đảng bộ xã Tân An", parent=district, level=OrgLevel.COMMUNE, symbol="ĐU")
    cell = b.organisation(
        name="Chi bộ thôn Đông", parent=commune, level=OrgLevel.GRASSROOTS, kind=OrgKind.PARTY_CELL, symbol="CB"
    )
    ubnd = b.organisation(
        name="Ủy ban nhân dân huyện Thanh Vân", parent=district, kind=OrgKind.PEOPLES_COMMITTEE, symbol="UBND",
        place_name="Thanh Vân",
    )  # fmt: skip
    btv = b.collective(district, name="Ban Thường vụ Huyện ủy Thanh Vân", kind=CollectiveKind.BTV)
    secretary = b.person(full_name="Nguyễn Văn An", birth_date=dt.date(1970, 2, 3))
    deputy = b.person(full_name="Trần Thị Bích")
    member = b.person(full_name="Lê Văn Cường")
    chairman = b.person(full_name="Bùi Văn Long")
    b.position(secretary, collective=btv, role=PositionRole.HEAD, title="Bí thư Huyện ủy")
    b.position(deputy, collective=btv, role=PositionRole.DEPUTY, title="Phó Bí thư Huyện ủy")
    b.position(chairman, organisation=ubnd, role=PositionRole.HEAD, title="Chủ tịch Ủy ban nhân dân huyện")
    StateEmployment.objects.create(
        person=chairman, category=StateCategory.CAN_BO, organisation=ubnd, start_date=dt.date(2016, 6, 1)
    )
    for who in (secretary, deputy, member, chairman):
        b.party_member(who, cell)
    cycle = review_cycle_open(scope=district, period="2021", actor=None, opened_on=dt.date(2021, 11, 1))
    review_cycle_populate(cycle=cycle, actor=None)
    Review.objects.filter(cycle=cycle, subject_person=member, place__isnull=True).update(
        self_level="HTTNV", decided_level="HTTNV"
    )
    Review.objects.filter(cycle=cycle, subject_organisation=commune).update(decided_level="HTXSNV")
    return cycle

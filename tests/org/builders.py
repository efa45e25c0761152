"""Small builders of fictitious organisations and people for the org, reviews and web tests."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from kiemdiem.org.models import (
    Collective,
    CollectiveKind,
    Gender,
    Organisation,
    OrgKind,
    OrgLevel,
    PartyMembership,
    PartyMembershipStatus,
    Person,
    Position,
    PositionRole,
)

_codes = itertools.count(1)


def organisation(**fields: Any) -> Organisation:
    values: dict[str, Any] = {
        "name": "Đảng bộ huyện Thử Nghiệm",
        "level": OrgLevel.DISTRICT,
        "kind": OrgKind.PARTY_COMMITTEE,
        "symbol": "HU",
    }
    values.update(fields)
    return Organisation.objects.create(**values)


def collective(org: Organisation, **fields: Any) -> Collective:
    values: dict[str, Any] = {"name": f"Ban Thường vụ {org.name}", "kind": CollectiveKind.BTV, "organisation": org}
    values.update(fields)
    return Collective.objects.create(**values)


def person(**fields: Any) -> Person:
    values: dict[str, Any] = {"full_name": "Lò Văn Thử", "gender": Gender.MALE, "external_code": f"P{next(_codes):04d}"}
    values.update(fields)
    return Person.objects.create(**values)


def position(who: Person, **fields: Any) -> Position:
    values: dict[str, Any] = {
        "person": who,
        "role": PositionRole.MEMBER,
        "title": "Ủy viên",
        "start_date": dt.date(2020, 10, 1),
    }
    values.update(fields)
    return Position.objects.create(**values)


def party_member(who: Person, cell: Organisation, **fields: Any) -> PartyMembership:
    values: dict[str, Any] = {
        "person": who,
        "party_cell": cell,
        "status": PartyMembershipStatus.OFFICIAL,
        "admission_date": dt.date(2010, 5, 19),
        "official_date": dt.date(2011, 5, 19),
    }
    values.update(fields)
    return PartyMembership.objects.create(**values)

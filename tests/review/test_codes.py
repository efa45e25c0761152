"""The workbook's code tables stay equal to the choices of the Django models they are stored in."""

from __future__ import annotations

import pytest
from django.db import models

from kiemdiem.org.models import (
    CollectiveKind,
    DisciplineForm,
    Gender,
    OrgKind,
    OrgLevel,
    PartyMembershipStatus,
    PartyStatusChangeKind,
    PositionRole,
    StateCategory,
)
from kiemdiem.workbook import schema


@pytest.mark.parametrize(
    ("table", "choices"),
    [
        (schema.ORG_LEVELS, OrgLevel),
        (schema.ORG_KINDS, OrgKind),
        (schema.COLLECTIVE_KINDS, CollectiveKind),
        (schema.GENDERS, Gender),
        (schema.PARTY_STATUSES, PartyMembershipStatus),
        (schema.STATE_CATEGORIES, StateCategory),
        (schema.ROLES, PositionRole),
        (schema.DISCIPLINE_FORMS, DisciplineForm),
    ],
)
def test_code_tables_match_the_models(table: tuple[tuple[str, str], ...], choices: type[models.TextChoices]) -> None:
    # given / when
    codes = sorted(code for code, _ in table)
    # then
    assert codes == sorted(choices.values)


def test_exemptions_match_the_party_status_changes() -> None:
    # given / when
    codes = sorted(code for code, _ in schema.EXEMPTIONS if code != "none")
    # then
    assert codes == sorted(PartyStatusChangeKind.values)

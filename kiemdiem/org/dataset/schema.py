"""The data files of an organisation dataset (e.g. ``examples/district2021``) and their columns/keys.

Every row that others refer to has a stable ``id`` (the ``external_code`` in the database); rows refer
to people, organisations and collectives by those ids, never by names.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiemdiem.org.dataset.fields import Field, boolean, choice, date, decimal, integer, text
from kiemdiem.org.models import (
    CollectiveKind,
    DisciplineForm,
    DisciplineTrack,
    Gender,
    LeaveKind,
    OrgKind,
    OrgLevel,
    PartyMembershipStatus,
    PartyStatusChangeKind,
    PositionRole,
    StateCategory,
    SuccessionKind,
)

ID = Field("id", text(64), required=True)


def ref(name: str, *, required: bool = False) -> Field:
    return Field(name, text(64), required=required, default="")


@dataclass(frozen=True, eq=False)  # identity: specs key dicts
class FileSpec:
    """A data file: its name, the YAML key holding its list (None for CSV), its fields."""

    name: str
    key: str | None
    fields: list[Field]


ORGANISATIONS = FileSpec(
    "organisations.yaml",
    "organisations",
    [
        ID,
        Field("name", text(255), required=True),
        Field("short_name", text(120), default=""),
        Field("symbol", text(20), default=""),
        Field("level", choice(OrgLevel), required=True),
        Field("kind", choice(OrgKind), required=True),
        ref("parent"),
        Field("place_name", text(120), default=""),
        Field("valid_from", date),
        Field("valid_to", date),
    ],
)
SUCCESSIONS = FileSpec(
    "successions.yaml",
    "successions",
    [
        ref("predecessor", required=True),
        ref("successor", required=True),
        Field("kind", choice(SuccessionKind), required=True),
        Field("changed_on", date, required=True),
        Field("decision", text(255), default=""),
    ],
)
COLLECTIVES = FileSpec(
    "collectives.yaml",
    "collectives",
    [
        ID,
        Field("name", text(255), required=True),
        Field("kind", choice(CollectiveKind), required=True),
        ref("organisation", required=True),
        Field("is_leadership", boolean, default=True),
        Field("valid_from", date),
        Field("valid_to", date),
    ],
)
PEOPLE = FileSpec(
    "people.csv",
    None,
    [
        ID,
        Field("full_name", text(120), required=True),
        Field("birth_date", date),
        Field("gender", choice(Gender), required=True),
        Field("ethnicity", text(60), default=""),
    ],
)
POSITIONS = FileSpec(
    "positions.csv",
    None,
    [
        ID,
        ref("person", required=True),
        Field("title", text(255), required=True),
        Field("role", choice(PositionRole), required=True),
        ref("organisation"),
        ref("collective"),
        Field("start_date", date, required=True),
        Field("end_date", date),
        Field("is_concurrent", boolean, default=False),
        Field("is_review_place", boolean, default=True),
    ],
)
PARTY_MEMBERS = FileSpec(
    "party_members.csv",
    None,
    [
        ref("person", required=True),
        Field("status", choice(PartyMembershipStatus), required=True),
        Field("admission_date", date, required=True),
        Field("official_date", date),
        ref("party_cell", required=True),
        Field("card_number", text(30), default=""),
    ],
)
STATE_EMPLOYMENT = FileSpec(
    "state_employment.csv",
    None,
    [
        ref("person", required=True),
        Field("category", choice(StateCategory), required=True),
        ref("organisation", required=True),
        Field("rank", text(120), default=""),
        Field("salary_step", integer),
        Field("salary_coefficient", decimal),
        Field("start_date", date, required=True),
        Field("end_date", date),
    ],
)
LEAVES = FileSpec(
    "events.yaml",
    "leaves",
    [
        ref("person", required=True),
        Field("kind", choice(LeaveKind), required=True),
        Field("start_date", date, required=True),
        Field("end_date", date, required=True),
    ],
)
DISCIPLINES = FileSpec(
    "events.yaml",
    "disciplines",
    [
        ref("person", required=True),
        Field("track", choice(DisciplineTrack), required=True),
        Field("form", choice(DisciplineForm), required=True),
        Field("decided_on", date, required=True),
        Field("violation_on", date),
        Field("in_public_duty", boolean, default=False),
        Field("self_detected_and_remedied", boolean, default=False),
        Field("decided_by", text(255), default=""),
    ],
)
PARTY_STATUS_CHANGES = FileSpec(
    "events.yaml",
    "party_status_changes",
    [
        ref("person", required=True),
        Field("kind", choice(PartyStatusChangeKind), required=True),
        Field("start_date", date, required=True),
        Field("end_date", date),
        Field("decision", text(255), default=""),
    ],
)
PARTY_TRANSFERS = FileSpec(
    "events.yaml",
    "party_transfers",
    [
        ref("person", required=True),
        ref("from_cell", required=True),
        ref("to_cell", required=True),
        Field("transferred_on", date, required=True),
    ],
)

# Pairs (earlier, later) that must be in order when both are given.
DATE_ORDER = (
    ("valid_from", "valid_to"),
    ("start_date", "end_date"),
    ("admission_date", "official_date"),
    ("violation_on", "decided_on"),
)

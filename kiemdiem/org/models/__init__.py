"""Models of org: the organisation tree, collectives, people and their posts.

Split in two modules behind this surface: :mod:`.units` (organisations, their successions,
collectives) and :mod:`.people` (persons, positions, party membership, state employment, leave,
discipline). Import from ``kiemdiem.org.models``.
"""

from kiemdiem.org.models.people import (
    PARTY_FORMS,
    STATE_FORMS,
    Discipline,
    DisciplineForm,
    DisciplineTrack,
    Gender,
    Leave,
    LeaveKind,
    PartyMembership,
    PartyMembershipStatus,
    PartyStatusChange,
    PartyStatusChangeKind,
    PartyTransfer,
    Person,
    Position,
    PositionRole,
    StateCategory,
    StateEmployment,
)
from kiemdiem.org.models.units import (
    Collective,
    CollectiveKind,
    Organisation,
    OrganisationSuccession,
    OrgKind,
    OrgLevel,
    SuccessionKind,
)

__all__ = [
    "PARTY_FORMS",
    "STATE_FORMS",
    "Collective",
    "CollectiveKind",
    "Discipline",
    "DisciplineForm",
    "DisciplineTrack",
    "Gender",
    "Leave",
    "LeaveKind",
    "OrgKind",
    "OrgLevel",
    "Organisation",
    "OrganisationSuccession",
    "PartyMembership",
    "PartyMembershipStatus",
    "PartyStatusChange",
    "PartyStatusChangeKind",
    "PartyTransfer",
    "Person",
    "Position",
    "PositionRole",
    "StateCategory",
    "StateEmployment",
    "SuccessionKind",
]

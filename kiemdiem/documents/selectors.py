"""Reads of what the documents of a review cycle print: subjects, their posts, heads, employment.

Everything is read as of the cycle's period (posts held during it), never as of today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from kiemdiem.org.models import (
    Collective,
    Organisation,
    OrgKind,
    OrgLevel,
    PartyMembership,
    PartyStatusChange,
    Person,
    Position,
    PositionRole,
    StateEmployment,
)
from kiemdiem.org.selectors import organisation_subtree_ids
from kiemdiem.reviews.models import Review, ReviewCycle
from kiemdiem.reviews.selectors import reviews_of_cycle

PARTY_KINDS = frozenset({OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_CELL, OrgKind.PARTY_ADVISORY})
STATE_KINDS = frozenset(
    {OrgKind.PEOPLES_COUNCIL, OrgKind.PEOPLES_COMMITTEE, OrgKind.SPECIALIST_AGENCY, OrgKind.PUBLIC_SERVICE_UNIT}
)


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """A person's posts held in the period, split by side, with their party cell and employment."""

    person: Person
    party_posts: tuple[Position, ...] = ()
    state_posts: tuple[Position, ...] = ()
    mass_posts: tuple[Position, ...] = ()
    membership: PartyMembership | None = None
    employment: StateEmployment | None = None
    exemptions: tuple[PartyStatusChange, ...] = field(default_factory=tuple)

    @property
    def is_leader(self) -> bool:
        return any(p.role in (PositionRole.HEAD, PositionRole.DEPUTY) for p in self.all_posts)

    @property
    def all_posts(self) -> tuple[Position, ...]:
        return self.party_posts + self.state_posts + self.mass_posts


def _held(start: dt.date, end: dt.date) -> Q:
    return Q(start_date__lte=end) & (Q(end_date__isnull=True) | Q(end_date__gte=start))


def cycle_reviews(cycle: ReviewCycle) -> list[Review]:
    """The cycle's reviews in a stable order (by id), subjects, places and stored outcomes loaded."""
    reviews = reviews_of_cycle(cycle=cycle).select_related("place__organisation", "place__collective", "outcome")
    return list(reviews.order_by("pk"))


def person_facts(person: Person, start: dt.date, end: dt.date) -> PersonFacts:
    """Posts, party membership, state employment and exemptions of ``person`` during ``start``..``end``."""
    posts = list(
        Position.objects.filter(_held(start, end), person=person)
        .select_related("organisation", "collective__organisation")
        .order_by("is_concurrent", "start_date", "pk")
    )

    def kind(post: Position) -> str:
        org = post.organisation or (post.collective.organisation if post.collective else None)
        return org.kind if org else OrgKind.OTHER

    membership = PartyMembership.objects.filter(person=person).select_related("party_cell").first()
    employment = StateEmployment.objects.filter(_held(start, end), person=person).select_related("organisation").first()
    exemptions = PartyStatusChange.objects.filter(_held(start, end), person=person)
    return PersonFacts(
        person=person,
        party_posts=tuple(p for p in posts if kind(p) in PARTY_KINDS),
        state_posts=tuple(p for p in posts if kind(p) in STATE_KINDS),
        mass_posts=tuple(p for p in posts if kind(p) == OrgKind.FRONT_AND_MASS),
        membership=membership,
        employment=employment,
        exemptions=tuple(exemptions),
    )


def head_of(
    *, start: dt.date, end: dt.date, collective: Collective | None = None, organisation: Organisation | None = None
) -> Position | None:
    """The head's post (role HEAD, not concurrent first) of a collective or organisation in the period."""
    posts = Position.objects.filter(_held(start, end), role=PositionRole.HEAD).select_related("person")
    if collective is not None:
        posts = posts.filter(collective=collective)
    else:  # the head of an organisation may hold the post in its collective (Chủ tịch in the UBND collective)
        posts = posts.filter(Q(organisation=organisation) | Q(collective__organisation=organisation))
    return posts.order_by("is_concurrent", "-start_date", "pk").first()


def members_of(collective: Collective, start: dt.date, end: dt.date) -> list[Position]:
    """Posts in ``collective`` held in the period: head first, then deputies, then members."""
    order = {PositionRole.HEAD: 0, PositionRole.DEPUTY: 1, PositionRole.MEMBER: 2}
    posts = list(Position.objects.filter(_held(start, end), collective=collective).select_related("person"))
    return sorted(posts, key=lambda p: (order.get(PositionRole(p.role), 3), p.person.full_name, p.pk))


_LEVEL_ORDER = {level: i for i, level in enumerate(OrgLevel.values)}


def top_organisation_of_kind(scope: Organisation, kind: OrgKind) -> Organisation | None:
    """The highest-level organisation of ``kind`` in ``scope``'s subtree (e.g. the district UBND)."""
    found = Organisation.objects.filter(pk__in=organisation_subtree_ids(root=scope), kind=kind)
    return min(found, key=lambda org: (_LEVEL_ORDER.get(org.level, 99), org.pk), default=None)


def organisation_named(scope: Organisation, kind: OrgKind, prefix: str) -> Organisation | None:
    """The first organisation of ``kind`` in ``scope``'s subtree whose name starts with ``prefix``
    ("Ban Tổ chức", "Phòng Nội vụ"), highest level first; None when the data has none."""
    found = Organisation.objects.filter(
        pk__in=organisation_subtree_ids(root=scope), kind=kind, name__istartswith=prefix
    )
    return min(found, key=lambda org: (_LEVEL_ORDER.get(org.level, 99), org.pk), default=None)

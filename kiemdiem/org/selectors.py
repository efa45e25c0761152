"""Reads of the organisation tree and people. Views, admin actions and services read through here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Case, Q, QuerySet, Value, When

from kiemdiem.org.models import (
    Collective,
    Organisation,
    OrganisationSuccession,
    OrgLevel,
    PartyMembership,
    Position,
)


def _overlapping(start: dt.date, end: dt.date, *, begin: str = "valid_from", finish: str = "valid_to") -> Q:
    return (Q(**{f"{begin}__isnull": True}) | Q(**{f"{begin}__lte": end})) & (
        Q(**{f"{finish}__isnull": True}) | Q(**{f"{finish}__gte": start})
    )


# From the top of the tree down; the codes themselves do not sort that way.
LEVEL_RANK = {
    OrgLevel.CENTRAL: 0,
    OrgLevel.PROVINCE: 1,
    OrgLevel.DISTRICT: 2,
    OrgLevel.COMMUNE: 3,
    OrgLevel.GRASSROOTS: 4,
}


def organisation_list() -> QuerySet[Organisation]:
    """Every organisation, with its parent, ordered from the top level down, then by name."""
    rank = Case(*(When(level=level, then=Value(order)) for level, order in LEVEL_RANK.items()), default=Value(9))
    return Organisation.objects.select_related("parent").order_by(rank, "name")


def organisations_existing_on(*, day: dt.date) -> QuerySet[Organisation]:
    """Organisations that existed on ``day`` (validity bounds inclusive)."""
    return organisation_list().filter(_overlapping(day, day))


def organisations_existing_during(*, start: dt.date, end: dt.date) -> QuerySet[Organisation]:
    """Organisations that existed on at least one day of ``start``..``end`` (inclusive)."""
    return organisation_list().filter(_overlapping(start, end))


def organisation_subtree_ids(*, root: Organisation) -> set[int]:
    """Ids of ``root`` and every organisation below it (whatever their validity dates)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Organisation.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found: set[int] = set()
    stack = [root.pk]
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.add(pk)
        stack.extend(children.get(pk, []))
    return found


def organisation_is_within(*, organisation: Organisation, root: Organisation) -> bool:
    """True when ``organisation`` is ``root`` or below it."""
    node: Organisation | None = organisation
    seen: set[int] = set()
    while node is not None and node.pk not in seen:
        if node.pk == root.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def organisation_history(*, organisation: Organisation) -> list[OrganisationSuccession]:
    """Every merge, split or rename reaching ``organisation`` or leaving it, in date order."""
    return list(
        OrganisationSuccession.objects.filter(Q(predecessor=organisation) | Q(successor=organisation))
        .select_related("predecessor", "successor")
        .order_by("changed_on", "pk")
    )


def collectives_during(*, organisation_ids: Iterable[int], start: dt.date, end: dt.date) -> QuerySet[Collective]:
    """Collectives of the given organisations that existed on at least one day of the period."""
    return (
        Collective.objects.filter(organisation_id__in=list(organisation_ids))
        .filter(_overlapping(start, end))
        .select_related("organisation")
    )


def positions_held_during(*, start: dt.date, end: dt.date) -> QuerySet[Position]:
    """Posts held on at least one day of ``start``..``end``, with person, organisation and collective."""
    return Position.objects.filter(_overlapping(start, end, begin="start_date", finish="end_date")).select_related(
        "person", "organisation", "collective", "collective__organisation"
    )


def party_members_admitted_by(*, day: dt.date, cell_ids: Iterable[int]) -> QuerySet[PartyMembership]:
    """Party memberships of the given cells with an admission on or before ``day``."""
    return PartyMembership.objects.filter(party_cell_id__in=list(cell_ids), admission_date__lte=day).select_related(
        "person", "party_cell"
    )


def organisation_tree() -> list[tuple[Organisation, int]]:
    """Every organisation with its depth, parents before children, siblings by level then name.

    Each organisation carries ``successor_list`` (the units it was merged, split or renamed into).
    """
    organisations = list(organisation_list().prefetch_related("successors"))
    children: dict[int | None, list[Organisation]] = {}
    for organisation in organisations:
        organisation.successor_list = list(organisation.successors.all())  # type: ignore[attr-defined]
        children.setdefault(organisation.parent_id, []).append(organisation)
    ordered: list[tuple[Organisation, int]] = []
    seen: set[int] = set()

    def walk(parent_id: int | None, depth: int) -> None:
        for organisation in children.get(parent_id, []):
            if organisation.pk in seen:
                continue
            seen.add(organisation.pk)
            ordered.append((organisation, depth))
            walk(organisation.pk, depth + 1)

    walk(None, 0)
    return ordered

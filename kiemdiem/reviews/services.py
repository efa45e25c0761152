"""Writes on review cycles and reviews. Every function is keyword-only, checks the actor's
permission (``actor=None`` is the system itself: loaders and commands run by an operator), validates
with ``full_clean()``, saves in one transaction and writes an :class:`AuditEntry`.

Refusals raise ``django.core.exceptions.ValidationError`` (message in Vietnamese, code below) or
``PermissionDenied``; nothing is written when a refusal is raised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from kiemdiem.org import selectors as org_selectors
from kiemdiem.org.models import Collective, Organisation, OrgKind, Person, Position
from kiemdiem.reviews.models import AuditEntry, CycleStatus, Review, ReviewCycle
from kiemdiem.reviews.periods import Period, PeriodError, PeriodKind, rulebooks_for

# Error messages (tests import them).
SECOND_OPEN_CYCLE = (
    "Đã có kỳ kiểm điểm {period} của {scope} chưa kết thúc (trạng thái: {status}); kết thúc kỳ đó trước khi mở kỳ mới."
)
SCOPE_NOT_IN_PERIOD = "{scope} không tồn tại trong kỳ {period} (tồn tại {validity}); không thể mở kỳ kiểm điểm."
CYCLE_CLOSED = "Kỳ kiểm điểm {period} của {scope} đã kết thúc; không thể thêm hay sửa bản kiểm điểm."
CYCLE_NOT_OPEN = "Kỳ kiểm điểm {period} của {scope} không ở trạng thái đang tiến hành."
DUPLICATE_REVIEW = "{subject} đã có bản kiểm điểm {place}trong kỳ {period} của {scope}."
SUBJECT_NOT_IN_PERIOD = "{subject} không tồn tại trong kỳ {period}; không thể kiểm điểm."
SUBJECT_OUTSIDE_SCOPE = "{subject} không thuộc phạm vi {scope} của kỳ kiểm điểm."
PLACE_OF_OTHER_PERSON = "Chức vụ “{place}” không phải của {person}."
PLACE_NOT_HELD = "{person} không giữ chức vụ “{place}” trong kỳ {period}."
PERSON_WITHOUT_PLACE_NOT_MEMBER = "{person} không phải đảng viên: cần chọn nơi kiểm điểm (chức vụ)."
NO_PERMISSION = "Tài khoản {actor} không có quyền {what}."


def _require(actor: Any, permission: str, what: str) -> None:
    if actor is not None and not actor.has_perm(permission):
        raise PermissionDenied(NO_PERMISSION.format(actor=actor, what=what))


def _audit(
    *, actor: Any, action: str, cycle: ReviewCycle | None = None, review: Review | None = None, **detail: Any
) -> None:
    AuditEntry.objects.create(actor=actor, action=action, cycle=cycle, review=review, detail=detail)


def _vi(label: Any) -> str:
    # The messages are Vietnamese sentences; keep the labels inside them Vietnamese too.
    with translation.override("vi"):
        return str(label)


def _validity(valid_from: dt.date | None, valid_to: dt.date | None) -> str:
    start = f"từ {valid_from:%d/%m/%Y}" if valid_from else "từ trước"
    end = f"đến {valid_to:%d/%m/%Y}" if valid_to else "đến nay"
    return f"{start} {end}"


def _same_period(period: Period) -> dict[str, Any]:
    if period.kind is PeriodKind.TERM:
        return {"term_start_year": period.term_start_year, "term_end_year": period.term_end_year}
    if period.kind is PeriodKind.QUARTER:
        return {"year": period.year, "quarter": period.quarter}
    return {"year": period.year}


def review_cycle_check_open(*, scope: Organisation, period: Period | str) -> tuple[Period, str, str]:
    """Check that a cycle may open for ``scope`` and ``period``; return (period, party code, state code).

    Raises ValidationError when the period is invalid or has no rulebook (code ``invalid_period``),
    when the scope did not exist during the period (``scope_not_in_period``), or when a cycle of the
    same scope and period is not closed (``second_open_cycle``). Writes nothing.
    """
    try:
        value = Period.parse(period) if isinstance(period, str) else period
        party_rulebook, state_rulebook = rulebooks_for(value)
    except PeriodError as error:
        raise ValidationError(str(error), code="invalid_period") from None
    if not scope.exists_during(value.start, value.end):
        raise ValidationError(
            SCOPE_NOT_IN_PERIOD.format(
                scope=scope, period=value.code, validity=_validity(scope.valid_from, scope.valid_to)
            ),
            code="scope_not_in_period",
        )
    existing = (
        ReviewCycle.objects.filter(scope=scope, period_kind=value.kind.value, **_same_period(value))
        .exclude(status=CycleStatus.CLOSED)
        .first()
    )
    if existing is not None:
        raise ValidationError(
            SECOND_OPEN_CYCLE.format(period=value.code, scope=scope, status=_vi(CycleStatus(existing.status).label)),
            code="second_open_cycle",
        )
    return value, party_rulebook, state_rulebook


@transaction.atomic
def review_cycle_open(
    *, scope: Organisation, period: Period | str, actor: Any, opened_on: dt.date | None = None
) -> ReviewCycle:
    """Open a cycle for ``scope`` (and everything under it) and ``period``, pinning its rulebooks.

    ``period`` is a :class:`Period` or its code ("2021", "2025-Q2", "2020-2025"); ``opened_on``
    defaults to today (it records when, not which period). Refusals: see :func:`review_cycle_check_open`;
    a concurrent opening that wins the race is refused the same way by the database constraint.
    """
    _require(actor, "reviews.add_reviewcycle", "mở kỳ kiểm điểm")
    value, party_rulebook, state_rulebook = review_cycle_check_open(scope=scope, period=period)
    cycle = ReviewCycle(
        scope=scope,
        period_kind=value.kind.value,
        year=value.year,
        quarter=value.quarter,
        term_start_year=value.term_start_year,
        term_end_year=value.term_end_year,
        party_rulebook=party_rulebook,
        state_rulebook=state_rulebook,
        status=CycleStatus.OPEN,
        opened_on=opened_on or timezone.localdate(),
    )
    cycle.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            cycle.save()
    except IntegrityError:  # a concurrent opening won the race
        raise ValidationError(
            SECOND_OPEN_CYCLE.format(period=value.code, scope=scope, status=_vi(CycleStatus.OPEN.label)),
            code="second_open_cycle",
        ) from None
    _audit(actor=actor, action="review_cycle_open", cycle=cycle, period=value.code, party_rulebook=party_rulebook)
    return cycle


@transaction.atomic
def review_cycle_close(*, cycle: ReviewCycle, actor: Any, closed_on: dt.date | None = None) -> ReviewCycle:
    """Close an open cycle; refused (code ``cycle_not_open``) when it is not open."""
    _require(actor, "reviews.change_reviewcycle", "kết thúc kỳ kiểm điểm")
    cycle = ReviewCycle.objects.select_for_update().select_related("scope").get(pk=cycle.pk)
    if cycle.status != CycleStatus.OPEN:
        raise ValidationError(CYCLE_NOT_OPEN.format(period=cycle.period, scope=cycle.scope), code="cycle_not_open")
    cycle.status = CycleStatus.CLOSED
    cycle.closed_on = closed_on or timezone.localdate()
    cycle.full_clean(validate_constraints=False)
    cycle.save(update_fields=["status", "closed_on", "updated_at"])
    _audit(actor=actor, action="review_cycle_close", cycle=cycle)
    return cycle


Subject = Collective | Organisation | Person


def _check_subject(*, cycle: ReviewCycle, subject: Subject, place: Position | None) -> Organisation:
    """Validate subject and place against the cycle; return the organisation that puts it in scope."""
    period = cycle.period_value
    if isinstance(subject, Person):
        if place is not None:
            if place.person_id != subject.pk:
                raise ValidationError(PLACE_OF_OTHER_PERSON.format(place=place.title, person=subject), code="bad_place")
            if not (place.start_date <= period.end and (place.end_date is None or place.end_date >= period.start)):
                raise ValidationError(
                    PLACE_NOT_HELD.format(person=subject, place=place.title, period=period.code), code="place_not_held"
                )
            return place.organisation or place.collective.organisation  # type: ignore[union-attr]
        membership = getattr(subject, "party_membership", None)
        if membership is None:
            raise ValidationError(PERSON_WITHOUT_PLACE_NOT_MEMBER.format(person=subject), code="no_place")
        return membership.party_cell
    if not subject.exists_during(period.start, period.end):
        raise ValidationError(SUBJECT_NOT_IN_PERIOD.format(subject=subject, period=period.code), code="not_in_period")
    return subject.organisation if isinstance(subject, Collective) else subject


@transaction.atomic
def review_create(*, cycle: ReviewCycle, subject: Subject, place: Position | None = None, actor: Any) -> Review:
    """Create the review of ``subject`` (in ``place`` for a person) in ``cycle``.

    Refused (ValidationError) when the cycle is closed, the subject is outside the cycle's scope or
    period, the place is not the person's post during the period, or the subject already has a
    review in that place in the cycle (code ``duplicate_review``; pitfalls.md #10).
    """
    _require(actor, "reviews.add_review", "tạo bản kiểm điểm")
    cycle = ReviewCycle.objects.select_for_update().select_related("scope").get(pk=cycle.pk)
    if cycle.status == CycleStatus.CLOSED:
        raise ValidationError(CYCLE_CLOSED.format(period=cycle.period, scope=cycle.scope), code="cycle_closed")
    anchor = _check_subject(cycle=cycle, subject=subject, place=place)
    if not org_selectors.organisation_is_within(organisation=anchor, root=cycle.scope):
        raise ValidationError(SUBJECT_OUTSIDE_SCOPE.format(subject=subject, scope=cycle.scope), code="outside_scope")
    review = Review(cycle=cycle, place=place)
    if isinstance(subject, Person):
        review.subject_person = subject
    elif isinstance(subject, Collective):
        review.subject_collective = subject
    else:
        review.subject_organisation = subject
    duplicate = DUPLICATE_REVIEW.format(
        subject=subject, place=f"tại “{place.title}” " if place else "", period=cycle.period, scope=cycle.scope
    )
    existing = Review.objects.filter(
        cycle=cycle,
        subject_person=review.subject_person,
        subject_collective=review.subject_collective,
        subject_organisation=review.subject_organisation,
        place=place,
    )
    if existing.exists():
        raise ValidationError(duplicate, code="duplicate_review")
    review.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError:
        raise ValidationError(duplicate, code="duplicate_review") from None
    _audit(actor=actor, action="review_create", cycle=cycle, review=review, subject=str(subject))
    return review


@dataclass(frozen=True)
class PopulateResult:
    """How many reviews :func:`review_cycle_populate` created, per subject kind, and how many existed."""

    organisations: int
    collectives: int
    people_in_posts: int
    party_members: int
    already_present: int

    @property
    def created(self) -> int:
        return self.organisations + self.collectives + self.people_in_posts + self.party_members


PARTY_ORGANISATION_KINDS = (OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_CELL)


@transaction.atomic
def review_cycle_populate(*, cycle: ReviewCycle, actor: Any) -> PopulateResult:
    """Create the missing reviews of every subject in the cycle's scope and period (idempotent).

    Subjects: party organisations (đảng bộ, chi bộ) and collectives that existed during the period;
    each person in each post marked as a review place and held during the period; each party member
    of a chi bộ in scope admitted by the end of the period (reviewed in their chi bộ, no place).
    Who is then excluded from rating is for the rulebook to say, not for this list.
    """
    _require(actor, "reviews.add_review", "tạo bản kiểm điểm")
    cycle = ReviewCycle.objects.select_for_update().select_related("scope").get(pk=cycle.pk)
    if cycle.status == CycleStatus.CLOSED:
        raise ValidationError(CYCLE_CLOSED.format(period=cycle.period, scope=cycle.scope), code="cycle_closed")
    period = cycle.period_value
    in_scope = org_selectors.organisation_subtree_ids(root=cycle.scope)
    Key = tuple[int | None, int | None, int | None, int | None]
    existing: set[Key] = set(
        Review.objects.filter(cycle=cycle).values_list(
            "subject_organisation_id", "subject_collective_id", "subject_person_id", "place_id"
        )
    )
    new: list[Review] = []
    counts = {"organisations": 0, "collectives": 0, "people_in_posts": 0, "party_members": 0}
    present = 0

    def add(kind: str, key: Key, review: Review) -> None:
        nonlocal present
        if key in existing:
            present += 1
            return
        existing.add(key)
        new.append(review)
        counts[kind] += 1

    organisations = org_selectors.organisations_existing_during(start=period.start, end=period.end).filter(
        pk__in=in_scope, kind__in=PARTY_ORGANISATION_KINDS
    )
    for organisation in organisations:
        add(
            "organisations", (organisation.pk, None, None, None), Review(cycle=cycle, subject_organisation=organisation)
        )
    for collective in org_selectors.collectives_during(organisation_ids=in_scope, start=period.start, end=period.end):
        add("collectives", (None, collective.pk, None, None), Review(cycle=cycle, subject_collective=collective))
    for position in org_selectors.positions_held_during(start=period.start, end=period.end).filter(
        is_review_place=True
    ):
        anchor = position.organisation or position.collective.organisation  # type: ignore[union-attr]
        if anchor.pk in in_scope:
            add(
                "people_in_posts",
                (None, None, position.person_id, position.pk),
                Review(cycle=cycle, subject_person=position.person, place=position),
            )
    for membership in org_selectors.party_members_admitted_by(day=period.end, cell_ids=in_scope):
        add(
            "party_members",
            (None, None, membership.person_id, None),
            Review(cycle=cycle, subject_person=membership.person),
        )
    Review.objects.bulk_create(new)
    result = PopulateResult(already_present=present, **counts)
    _audit(actor=actor, action="review_cycle_populate", cycle=cycle, created=result.created, present=present)
    return result

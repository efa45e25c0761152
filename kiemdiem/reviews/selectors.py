"""Reads of review cycles and reviews."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from kiemdiem.org.models import Organisation
from kiemdiem.reviews.models import CycleStatus, Review, ReviewCycle
from kiemdiem.reviews.periods import Period, PeriodKind


def review_cycle_list() -> QuerySet[ReviewCycle]:
    """Every cycle with its scope and its number of reviews (``review_count``), newest period first."""
    return ReviewCycle.objects.select_related("scope").annotate(review_count=Count("reviews"))


def review_cycle_find_open(*, scope: Organisation, period: Period) -> ReviewCycle | None:
    """The cycle of ``scope`` for ``period`` that is not closed, or None."""
    cycles = ReviewCycle.objects.filter(scope=scope, period_kind=period.kind.value).exclude(status=CycleStatus.CLOSED)
    if period.kind is PeriodKind.TERM:
        cycles = cycles.filter(term_start_year=period.term_start_year, term_end_year=period.term_end_year)
    else:
        cycles = cycles.filter(year=period.year, quarter=period.quarter)
    return cycles.first()


def reviews_of_cycle(*, cycle: ReviewCycle) -> QuerySet[Review]:
    """The reviews of ``cycle`` with their subjects and places loaded."""
    return Review.objects.filter(cycle=cycle).select_related(
        "subject_person", "subject_collective", "subject_organisation", "place"
    )

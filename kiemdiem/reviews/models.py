"""Review cycles and the one review per subject, place and cycle.

The database enforces what the workflow relies on: one non-closed cycle per scope and period, and
one review per subject (a collective, an organisation, or a person in one place) per cycle
(pitfalls.md #10). SQL treats NULLs as distinct in unique constraints, so each period kind and each
subject kind has its own conditional constraint over non-null columns only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kiemdiem.org.models import Collective, Organisation, Person, Position
from kiemdiem.reviews.periods import Period, PeriodKind
from kiemdiem.rules.levels import LEVELS_DESCENDING


class PeriodKindChoices(models.TextChoices):
    YEAR = PeriodKind.YEAR.value, _("Năm")
    QUARTER = PeriodKind.QUARTER.value, _("Quý")
    TERM = PeriodKind.TERM.value, _("Nhiệm kỳ")


class CycleStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    OPEN = "open", _("Đang tiến hành")
    CLOSED = "closed", _("Đã kết thúc")


LEVEL_CHOICES = [(level.value, f"{level.value} — {level.label}") for level in LEVELS_DESCENDING]


class ReviewCycle(models.Model):
    """A review cycle: a scope organisation (and everything under it) and an explicit period.

    The rulebook codes are pinned when the cycle opens and never recomputed afterwards.
    """

    scope = models.ForeignKey(
        Organisation, verbose_name=_("phạm vi (tổ chức)"), on_delete=models.PROTECT, related_name="review_cycles"
    )
    period_kind = models.CharField(_("loại kỳ"), max_length=10, choices=PeriodKindChoices.choices)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True)
    term_start_year = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"), null=True, blank=True)
    term_end_year = models.PositiveSmallIntegerField(_("nhiệm kỳ đến năm"), null=True, blank=True)
    party_rulebook = models.CharField(_("bộ quy tắc của Đảng"), max_length=40)
    state_rulebook = models.CharField(_("bộ quy tắc của Nhà nước"), max_length=40)
    status = models.CharField(_("trạng thái"), max_length=10, choices=CycleStatus.choices, default=CycleStatus.DRAFT)
    opened_on = models.DateField(_("ngày mở"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("kỳ kiểm điểm")
        verbose_name_plural = _("kỳ kiểm điểm")
        ordering = ("-year", "-term_end_year", "-quarter", "scope__name")
        constraints = (
            models.CheckConstraint(
                condition=Q(
                    period_kind=PeriodKind.YEAR.value,
                    year__isnull=False,
                    quarter__isnull=True,
                    term_start_year__isnull=True,
                    term_end_year__isnull=True,
                )
                | Q(
                    period_kind=PeriodKind.QUARTER.value,
                    year__isnull=False,
                    quarter__gte=1,
                    quarter__lte=4,
                    term_start_year__isnull=True,
                    term_end_year__isnull=True,
                )
                | Q(
                    period_kind=PeriodKind.TERM.value,
                    year__isnull=True,
                    quarter__isnull=True,
                    term_start_year__isnull=False,
                    term_end_year__isnull=False,
                ),
                name="reviews_cycle_period_fields_match_kind",
                violation_error_message=_(
                    "Kỳ theo năm cần năm; theo quý cần năm và quý (1–4); theo nhiệm kỳ cần năm đầu và năm cuối."
                ),
            ),
            models.UniqueConstraint(
                fields=["scope", "year"],
                condition=Q(period_kind=PeriodKind.YEAR.value) & ~Q(status=CycleStatus.CLOSED),
                name="reviews_one_open_cycle_per_scope_year",
                violation_error_message=_("Phạm vi này đã có một kỳ kiểm điểm năm này chưa kết thúc."),
            ),
            models.UniqueConstraint(
                fields=["scope", "year", "quarter"],
                condition=Q(period_kind=PeriodKind.QUARTER.value) & ~Q(status=CycleStatus.CLOSED),
                name="reviews_one_open_cycle_per_scope_quarter",
                violation_error_message=_("Phạm vi này đã có một kỳ kiểm điểm quý này chưa kết thúc."),
            ),
            models.UniqueConstraint(
                fields=["scope", "term_start_year", "term_end_year"],
                condition=Q(period_kind=PeriodKind.TERM.value) & ~Q(status=CycleStatus.CLOSED),
                name="reviews_one_open_cycle_per_scope_term",
                violation_error_message=_("Phạm vi này đã có một kỳ kiểm điểm nhiệm kỳ này chưa kết thúc."),
            ),
        )

    def __str__(self) -> str:
        return f"{self.scope} — {self.period}"

    @property
    def period_value(self) -> Period:
        """The cycle's period as a :class:`Period` (raises ``PeriodError`` if the row is inconsistent)."""
        return Period(
            kind=PeriodKind(self.period_kind),
            year=self.year,
            quarter=self.quarter,
            term_start_year=self.term_start_year,
            term_end_year=self.term_end_year,
        )

    @property
    def period(self) -> str:
        """ "2021", "2025-Q2" or "2020-2025"."""
        return self.period_value.code


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Chưa tự kiểm điểm")
    SELF_ASSESSED = "self_assessed", _("Đã tự kiểm điểm")
    CONFERENCED = "conferenced", _("Đã kiểm điểm tại hội nghị")
    PROPOSED = "proposed", _("Đã đề xuất")
    DECIDED = "decided", _("Đã quyết định")
    PUBLISHED = "published", _("Đã công khai")


class Review(models.Model):
    """The review of one subject in one cycle.

    Exactly one of ``subject_collective``, ``subject_organisation``, ``subject_person``. For a person,
    ``place`` is the post in which they are reviewed (a kiêm nhiệm person has one review per post);
    a person reviewed only as a party member in their chi bộ has no place.
    """

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("kỳ kiểm điểm"), on_delete=models.PROTECT, related_name="reviews"
    )
    subject_collective = models.ForeignKey(
        Collective, verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    subject_organisation = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức"), null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    subject_person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    place = models.ForeignKey(
        Position,
        verbose_name=_("nơi kiểm điểm (chức vụ)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    status = models.CharField(_("trạng thái"), max_length=15, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    self_level = models.CharField(_("tự xếp loại"), max_length=6, choices=LEVEL_CHOICES, null=True, blank=True)
    proposed_level = models.CharField(_("mức đề xuất"), max_length=6, choices=LEVEL_CHOICES, null=True, blank=True)
    decided_level = models.CharField(_("mức quyết định"), max_length=6, choices=LEVEL_CHOICES, null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("bản kiểm điểm")
        verbose_name_plural = _("bản kiểm điểm")
        ordering = ("cycle", "id")
        constraints = (
            models.CheckConstraint(
                condition=Q(
                    subject_collective__isnull=False, subject_organisation__isnull=True, subject_person__isnull=True
                )
                | Q(subject_collective__isnull=True, subject_organisation__isnull=False, subject_person__isnull=True)
                | Q(subject_collective__isnull=True, subject_organisation__isnull=True, subject_person__isnull=False),
                name="reviews_review_exactly_one_subject",
                violation_error_message=_(
                    "Bản kiểm điểm cần đúng một chủ thể: một tập thể, một tổ chức hoặc một cá nhân."
                ),
            ),
            models.CheckConstraint(
                condition=Q(place__isnull=True) | Q(subject_person__isnull=False),
                name="reviews_review_place_only_for_person",
                violation_error_message=_("Chỉ bản kiểm điểm của cá nhân mới ghi chức vụ (nơi kiểm điểm)."),
            ),
            models.UniqueConstraint(
                fields=["cycle", "subject_collective"],
                condition=Q(subject_collective__isnull=False),
                name="reviews_one_review_per_collective",
                violation_error_message=_("Tập thể này đã có bản kiểm điểm trong kỳ."),
            ),
            models.UniqueConstraint(
                fields=["cycle", "subject_organisation"],
                condition=Q(subject_organisation__isnull=False),
                name="reviews_one_review_per_organisation",
                violation_error_message=_("Tổ chức này đã có bản kiểm điểm trong kỳ."),
            ),
            models.UniqueConstraint(
                fields=["cycle", "subject_person", "place"],
                condition=Q(subject_person__isnull=False, place__isnull=False),
                name="reviews_one_review_per_person_place",
                violation_error_message=_("Cá nhân này đã có bản kiểm điểm ở chức vụ này trong kỳ."),
            ),
            models.UniqueConstraint(
                fields=["cycle", "subject_person"],
                condition=Q(subject_person__isnull=False, place__isnull=True),
                name="reviews_one_review_per_person_without_place",
                violation_error_message=_("Cá nhân này đã có bản kiểm điểm (không gắn chức vụ) trong kỳ."),
            ),
        )

    def __str__(self) -> str:
        subject = self.subject_collective or self.subject_organisation or self.subject_person
        if self.place is not None:
            return f"{subject} ({self.place.title}) — {self.cycle.period}"
        return f"{subject} — {self.cycle.period}"


class AuditEntry(models.Model):
    """One row per write made through the reviews services: who, when, what, on which cycle/review."""

    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=60)
    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("kỳ kiểm điểm"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    review = models.ForeignKey(
        Review, verbose_name=_("bản kiểm điểm"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    detail = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action}"


class OutcomeStatus(models.TextChoices):
    RATED = "rated", _("Đã xếp loại")
    NOT_RATED = "not_rated", _("Không xếp loại")
    REVIEW_ONLY = "review_only", _("Chỉ kiểm điểm, không xếp loại")
    NEEDS_FACTS = "needs_facts", _("Thiếu dữ kiện, chưa xếp loại")


class ReviewOutcome(models.Model):
    """Why a review got its level: what the rules and the cycle's constraints said when the cycle
    was rated (``kiemdiem review``), kept beside the review so the site can show it.

    ``reasons``: list of ``{rule, cites, text, confirmed}`` (engine's, then constraints');
    ``items``: things needing a human decision, list of ``{kind, label, text, cites, proposal}``;
    ``votes``: the conference's ballot from the workbook's "Phiếu" sheet, ``{level: count}`` over
    the four levels (None when the sheet has no row for the subject), with ``voters_present`` and
    ``ballots_valid`` (the ballots that chose a level: the sum of the votes). Recomputed when the
    workbook is loaded again; the decided level stays on the review.
    """

    review = models.OneToOneField(
        Review, verbose_name=_("bản kiểm điểm"), on_delete=models.CASCADE, related_name="outcome"
    )
    status = models.CharField(_("trạng thái xếp loại"), max_length=15, choices=OutcomeStatus.choices)
    rulebook = models.CharField(_("bộ quy định"), max_length=120, blank=True)
    engine_level = models.CharField(_("mức theo quy định"), max_length=6, choices=LEVEL_CHOICES, blank=True)
    final_level = models.CharField(_("mức sau ràng buộc"), max_length=6, choices=LEVEL_CHOICES, blank=True)
    main_reason = models.TextField(_("lý do chính"), blank=True)
    main_cites = models.CharField(_("căn cứ"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(_("có quy định chưa xác nhận"), default=False)
    reasons = models.JSONField(_("các lý do"), default=list, blank=True)
    items = models.JSONField(_("cần quyết định"), default=list, blank=True)
    votes = models.JSONField(_("số phiếu theo mức"), null=True, blank=True)
    voters_present = models.PositiveIntegerField(_("số người dự bỏ phiếu"), null=True, blank=True)
    ballots_valid = models.PositiveIntegerField(_("số phiếu hợp lệ"), null=True, blank=True)
    source = models.CharField(_("sổ nguồn"), max_length=255, blank=True)
    computed_at = models.DateTimeField(_("tính lúc"), auto_now=True)

    class Meta:
        verbose_name = _("kết quả xếp loại")
        verbose_name_plural = _("kết quả xếp loại")
        ordering = ("review__cycle", "review_id")

    def __str__(self) -> str:
        return f"{self.review} — {self.final_level or self.status}"

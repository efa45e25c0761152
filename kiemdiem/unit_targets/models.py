"""Stored targets (chỉ tiêu) of an organisation and their figures by year.

The pure logic (statuses, facts, paragraph) lives in :mod:`kiemdiem.targets`;
:mod:`kiemdiem.unit_targets.selectors` turns these rows back into :class:`kiemdiem.targets.Target`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kiemdiem.targets.model import ASSIGNER_LABELS, BASIC_KIND_LABELS, DIRECTION_LABELS, Assigner, BasicKind, Direction

# Quantities from sheets: up to 10^14 with 6 decimals (money in tỷ đồng, counts, rates).
AMOUNT_DIGITS, AMOUNT_PLACES = 20, 6
# Shares (0..1, may exceed 1: 151,85% is 1.5185).
SHARE_DIGITS, SHARE_PLACES = 12, 6


class UnitTarget(models.Model):
    """One target of one organisation; ``code`` is the unit's own stable code, unique per organisation."""

    organisation = models.ForeignKey(
        "org.Organisation", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="targets"
    )
    code = models.CharField(_("mã"), max_length=40)
    indicator = models.CharField(_("chỉ tiêu"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    assigner = models.CharField(_("cấp giao"), max_length=20, choices=[(a.value, ASSIGNER_LABELS[a]) for a in Assigner])
    assigner_label = models.CharField(
        _("tên cấp giao trong báo cáo"), max_length=60, blank=True, help_text=_("Ví dụ: thành phố giao, huyện giao.")
    )
    direction = models.CharField(
        _("chiều đánh giá"), max_length=20, choices=[(d.value, DIRECTION_LABELS[d]) for d in Direction]
    )
    is_key = models.BooleanField(_("chỉ tiêu trọng tâm"), default=False)
    basic_kind = models.CharField(
        _("chỉ tiêu cơ bản (366-QĐ/TW)"),
        max_length=30,
        blank=True,
        choices=[(b.value, BASIC_KIND_LABELS[b]) for b in BasicKind],
    )
    note = models.TextField(_("ghi chú"), blank=True)
    source = models.TextField(_("nguồn"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ("organisation", "code")
        constraints = (models.UniqueConstraint(fields=("organisation", "code"), name="unit_targets_code_per_unit"),)

    def __str__(self) -> str:
        return f"{self.code} — {self.indicator}"


class TargetYear(models.Model):
    """A target's figures for one year (one row per target and year)."""

    target = models.ForeignKey(UnitTarget, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("năm"))
    plan = models.DecimalField(
        _("kế hoạch"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    estimate = models.DecimalField(
        _("ước thực hiện"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    actual = models.DecimalField(
        _("thực hiện"), max_digits=AMOUNT_DIGITS, decimal_places=AMOUNT_PLACES, null=True, blank=True
    )
    deadline = models.DateField(_("hạn"), null=True, blank=True)
    achieved_on = models.DateField(_("ngày đạt"), null=True, blank=True)
    published_share_of_plan = models.DecimalField(
        _("% kế hoạch (công bố)"), max_digits=SHARE_DIGITS, decimal_places=SHARE_PLACES, null=True, blank=True
    )
    published_growth = models.DecimalField(
        _("tăng so với cùng kỳ (công bố)"), max_digits=SHARE_DIGITS, decimal_places=SHARE_PLACES, null=True, blank=True
    )

    class Meta:
        verbose_name = _("số liệu năm")
        verbose_name_plural = _("số liệu theo năm")
        ordering = ("target", "year")
        constraints = (
            models.UniqueConstraint(fields=("target", "year"), name="unit_targets_one_row_per_year"),
            models.CheckConstraint(
                condition=Q(year__gte=1945) & Q(year__lte=2100),
                name="unit_targets_year_range",
                violation_error_message=_("Năm phải từ 1945 đến 2100."),
            ),
        )

    def __str__(self) -> str:
        return f"{self.target.code} {self.year}"

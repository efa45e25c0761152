"""Organisations (with validity dates and successions) and the collectives rated as a whole.

The 2025 reorganisation (two-tier local government from 1/7/2025: districts abolished, communes
merged) means a unit may no longer exist today yet must stay reviewable for the periods it existed;
``valid_from``/``valid_to`` and :class:`OrganisationSuccession` keep that history.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class OrgLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh, thành phố")
    # Cấp huyện existed until 30/6/2025 (two-tier local government from 1/7/2025).
    DISTRICT = "district", _("Huyện, quận, thị xã (đến 30/6/2025)")
    COMMUNE = "commune", _("Xã, phường, thị trấn")
    GRASSROOTS = "grassroots", _("Cơ sở")


class OrgKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Đảng bộ")
    PARTY_CELL = "party_cell", _("Chi bộ")
    PARTY_ADVISORY = "party_advisory", _("Cơ quan tham mưu, giúp việc cấp ủy")
    PEOPLES_COUNCIL = "peoples_council", _("Hội đồng nhân dân")
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    SPECIALIST_AGENCY = "specialist_agency", _("Cơ quan chuyên môn")
    FRONT_AND_MASS = "front_and_mass", _("Mặt trận Tổ quốc và đoàn thể")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Đơn vị sự nghiệp công lập")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    OTHER = "other", _("Khác")


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("Sáp nhập, hợp nhất")
    SPLIT = "split", _("Chia, tách")
    RENAME = "rename", _("Đổi tên")


class Organisation(models.Model):
    """A unit of the political system (party organisation, council, committee, agency …).

    ``valid_from``/``valid_to`` are inclusive dates; ``valid_from`` null means "before our data
    begins", ``valid_to`` null means "still exists". ``symbol`` is the abbreviation used in document
    numbers ("HU", "UBND", "ĐU", "CB" …); ``place_name`` the địa danh printed before document dates.
    """

    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    symbol = models.CharField(_("ký hiệu trên văn bản"), max_length=20, blank=True)
    level = models.CharField(_("cấp"), max_length=20, choices=OrgLevel.choices)
    kind = models.CharField(_("loại"), max_length=30, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    place_name = models.CharField(_("địa danh"), max_length=120, blank=True)
    valid_from = models.DateField(_("có hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True, help_text=_("Để trống nếu còn tồn tại."))
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        through="OrganisationSuccession",
        through_fields=("predecessor", "successor"),
        symmetrical=False,
        related_name="predecessors",
        blank=True,
    )
    external_code = models.CharField(
        _("mã định danh"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Mã ổn định từ dữ liệu nguồn."),
    )

    class Meta:
        verbose_name = _("tổ chức, đơn vị")
        verbose_name_plural = _("tổ chức, đơn vị")
        ordering = ("name",)
        constraints = (
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="org_organisation_valid_range",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def exists_on(self, day: dt.date) -> bool:
        """True when the unit existed on ``day`` (bounds inclusive)."""
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_to is None or day <= self.valid_to)

    def exists_during(self, start: dt.date, end: dt.date) -> bool:
        """True when the unit existed on at least one day of ``start``..``end`` (inclusive)."""
        started = self.valid_from is None or self.valid_from <= end
        return started and (self.valid_to is None or start <= self.valid_to)


class OrganisationSuccession(models.Model):
    """``predecessor`` was merged, split or renamed into ``successor`` on ``changed_on``."""

    predecessor = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="succession_out"
    )
    successor = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị kế thừa"), on_delete=models.CASCADE, related_name="succession_in"
    )
    kind = models.CharField(_("hình thức"), max_length=10, choices=SuccessionKind.choices)
    changed_on = models.DateField(_("ngày thay đổi"))
    decision = models.CharField(_("căn cứ (nghị quyết, quyết định)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sáp nhập, chia tách, đổi tên")
        verbose_name_plural = _("sáp nhập, chia tách, đổi tên")
        ordering = ("changed_on",)
        constraints = (
            models.UniqueConstraint(fields=["predecessor", "successor"], name="org_succession_unique_pair"),
            models.CheckConstraint(condition=~Q(predecessor=F("successor")), name="org_succession_not_self"),
        )

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.changed_on:%d/%m/%Y})"


class CollectiveKind(models.TextChoices):
    BCH = "bch", _("Ban Chấp hành")
    BTV = "btv", _("Ban Thường vụ")
    THUONG_TRUC_CAP_UY = "thuong_truc_cap_uy", _("Thường trực cấp ủy")
    UY_BAN_KIEM_TRA = "uy_ban_kiem_tra", _("Ủy ban Kiểm tra")
    THUONG_TRUC_HDND = "thuong_truc_hdnd", _("Thường trực HĐND")
    UBND = "ubnd", _("Ủy ban nhân dân")
    TAP_THE_LANH_DAO = "tap_the_lanh_dao", _("Tập thể lãnh đạo, quản lý")
    DANG_UY = "dang_uy", _("Đảng ủy")
    CHI_UY = "chi_uy", _("Chi ủy")
    DANG_DOAN_BAN_CAN_SU = "dang_doan_ban_can_su", _("Đảng đoàn, Ban cán sự đảng")
    OTHER = "other", _("Khác")


class Collective(models.Model):
    """A body rated as a whole (BCH, BTV, Thường trực HĐND, UBND, tập thể lãnh đạo, chi ủy …)."""

    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=30, choices=CollectiveKind.choices)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("thuộc tổ chức"), on_delete=models.PROTECT, related_name="collectives"
    )
    is_leadership = models.BooleanField(_("là tập thể lãnh đạo, quản lý"), default=True)
    valid_from = models.DateField(_("có hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    external_code = models.CharField(_("mã định danh"), max_length=64, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("tập thể")
        verbose_name_plural = _("tập thể")
        ordering = ("organisation__name", "name")
        constraints = (
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="org_collective_valid_range",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def exists_during(self, start: dt.date, end: dt.date) -> bool:
        """True when the collective existed on at least one day of ``start``..``end`` (inclusive)."""
        started = self.valid_from is None or self.valid_from <= end
        return started and (self.valid_to is None or start <= self.valid_to)

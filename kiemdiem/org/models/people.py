"""People and the facts about them a rating needs: posts, party membership, state employment,
leave and discipline. A person is identified by ``external_code`` (or the primary key), never by
name (pitfalls.md #12). Every fact carries its own dates so that any period can be reviewed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kiemdiem.org.models.units import Collective, Organisation, OrgKind

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


def _date_range_check(
    name: str, start: str = "start_date", end: str = "end_date", message: _StrOrPromise | None = None
) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=message or _("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."),
    )


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Person(models.Model):
    """A person; ``external_code`` is the stable id from the source data (unique)."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices)
    ethnicity = models.CharField(_("dân tộc"), max_length=60, blank=True)
    external_code = models.CharField(_("mã định danh"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ("full_name", "external_code")

    def __str__(self) -> str:
        return self.full_name


class PositionRole(models.TextChoices):
    HEAD = "head", _("Người đứng đầu")
    DEPUTY = "deputy", _("Cấp phó")
    MEMBER = "member", _("Thành viên")


class Position(models.Model):
    """A post held by a person in an organisation and/or a collective, between two dates.

    A person holding several posts at once (kiêm nhiệm) has one row per post, each with
    ``is_concurrent`` set on the additional ones; each post is a place of review.
    """

    person = models.ForeignKey(Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="positions")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("tổ chức, đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    collective = models.ForeignKey(
        Collective, verbose_name=_("tập thể"), null=True, blank=True, on_delete=models.PROTECT, related_name="positions"
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=PositionRole.choices)
    title = models.CharField(_("chức danh"), max_length=255)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    is_concurrent = models.BooleanField(_("kiêm nhiệm"), default=False)
    # Membership of a Ban Chấp hành is usually not where its member is reviewed (they are reviewed in
    # the standing committee or their workplace leadership); the data says so per post.
    is_review_place = models.BooleanField(
        _("kiểm điểm tại đây"), default=True, help_text=_("Cá nhân được kiểm điểm, xếp loại tại chức vụ này.")
    )
    external_code = models.CharField(_("mã định danh"), max_length=64, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ("person__full_name", "start_date")
        constraints = (
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(collective__isnull=False),
                name="org_position_has_place",
                violation_error_message=_("Chức vụ cần ghi thuộc tổ chức hoặc thuộc tập thể nào (ít nhất một)."),
            ),
            _date_range_check("org_position_date_range"),
        )

    def __str__(self) -> str:
        return f"{self.person} — {self.title}"

    def held_on(self, day: dt.date) -> bool:
        """True when the post was held on ``day`` (bounds inclusive)."""
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class PartyMembershipStatus(models.TextChoices):
    OFFICIAL = "official", _("Chính thức")
    PROBATIONARY = "probationary", _("Dự bị")


class PartyMembership(models.Model):
    """Party membership of a person: admission date, official date (null while probationary), cell.

    ``status`` is the status as recorded; for a given day use :meth:`status_on`, which reads the
    dates (a member admitted on 15/9/2021 is probationary on 31/12/2021).
    """

    person = models.OneToOneField(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="party_membership"
    )
    status = models.CharField(_("trạng thái"), max_length=15, choices=PartyMembershipStatus.choices)
    admission_date = models.DateField(_("ngày vào Đảng"))
    official_date = models.DateField(_("ngày chính thức"), null=True, blank=True)
    party_cell = models.ForeignKey(
        Organisation,
        verbose_name=_("chi bộ sinh hoạt"),
        on_delete=models.PROTECT,
        related_name="party_members",
        limit_choices_to={"kind": OrgKind.PARTY_CELL},
    )
    card_number = models.CharField(_("số thẻ đảng viên"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("đảng viên")
        verbose_name_plural = _("đảng viên")
        ordering = ("person__full_name",)
        constraints = (
            _date_range_check(
                "org_party_membership_dates",
                start="admission_date",
                end="official_date",
                message=_("Ngày chính thức phải sau hoặc trùng ngày kết nạp."),
            ),
            models.CheckConstraint(
                condition=Q(status=PartyMembershipStatus.PROBATIONARY, official_date__isnull=True)
                | Q(status=PartyMembershipStatus.OFFICIAL, official_date__isnull=False),
                name="org_party_membership_status_matches_official_date",
                violation_error_message=_(
                    "Đảng viên chính thức cần ngày chính thức; đảng viên dự bị để trống ngày chính thức."
                ),
            ),
        )

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"

    def status_on(self, day: dt.date) -> PartyMembershipStatus | None:
        """Status on ``day``: None before admission, official from ``official_date``, else probationary."""
        if day < self.admission_date:
            return None
        if self.official_date is not None and self.official_date <= day:
            return PartyMembershipStatus.OFFICIAL
        return PartyMembershipStatus.PROBATIONARY


class PartyStatusChangeKind(models.TextChoices):
    EXEMPT_WORK_AND_ACTIVITY = "exempt_work_and_activity", _("Miễn công tác và sinh hoạt đảng")
    SUSPENDED_PARTY_ACTIVITY = "suspended_party_activity", _("Đình chỉ sinh hoạt đảng")
    SUSPENDED_COMMITTEE_ACTIVITY = "suspended_committee_activity", _("Đình chỉ sinh hoạt cấp ủy")


class PartyStatusChange(models.Model):
    """An exemption or suspension of a party member between two dates (end null = still running)."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="party_status_changes"
    )
    kind = models.CharField(_("loại"), max_length=30, choices=PartyStatusChangeKind.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    decision = models.CharField(_("căn cứ (quyết định)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("miễn, đình chỉ sinh hoạt")
        verbose_name_plural = _("miễn, đình chỉ sinh hoạt")
        ordering = ("start_date",)
        constraints = (_date_range_check("org_party_status_change_dates"),)

    def __str__(self) -> str:
        return f"{self.person} — {self.get_kind_display()}"


class PartyTransfer(models.Model):
    """A party member's move from one chi bộ to another (chuyển sinh hoạt đảng) on ``transferred_on``."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="party_transfers"
    )
    from_cell = models.ForeignKey(
        Organisation, verbose_name=_("từ chi bộ"), on_delete=models.PROTECT, related_name="transfers_out"
    )
    to_cell = models.ForeignKey(
        Organisation, verbose_name=_("đến chi bộ"), on_delete=models.PROTECT, related_name="transfers_in"
    )
    transferred_on = models.DateField(_("ngày chuyển"))

    class Meta:
        verbose_name = _("chuyển sinh hoạt đảng")
        verbose_name_plural = _("chuyển sinh hoạt đảng")
        ordering = ("transferred_on",)
        constraints = (
            models.CheckConstraint(
                condition=~Q(from_cell=F("to_cell")),
                name="org_party_transfer_moves",
                violation_error_message=_("Chi bộ chuyển đến phải khác chi bộ chuyển đi."),
            ),
        )

    def __str__(self) -> str:
        return f"{self.person}: {self.from_cell} → {self.to_cell} ({self.transferred_on:%d/%m/%Y})"


class StateCategory(models.TextChoices):
    CAN_BO = "can_bo", _("Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")


class StateEmployment(models.Model):
    """State-side status: cán bộ / công chức / viên chức in an organisation, with rank and pay step."""

    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="state_employments"
    )
    category = models.CharField(_("loại"), max_length=10, choices=StateCategory.choices)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="state_employees"
    )
    rank = models.CharField(_("ngạch, hạng"), max_length=120, blank=True)
    salary_step = models.PositiveSmallIntegerField(_("bậc lương"), null=True, blank=True)
    salary_coefficient = models.DecimalField(_("hệ số lương"), max_digits=4, decimal_places=2, null=True, blank=True)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("cán bộ, công chức, viên chức")
        verbose_name_plural = _("cán bộ, công chức, viên chức")
        ordering = ("person__full_name", "start_date")
        constraints = (_date_range_check("org_state_employment_dates"),)

    def __str__(self) -> str:
        return f"{self.person} — {self.get_category_display()}, {self.organisation}"


class LeaveKind(models.TextChoices):
    SICK = "sick", _("Nghỉ ốm")
    MATERNITY = "maternity", _("Nghỉ thai sản")
    PERSONAL = "personal", _("Nghỉ việc riêng")
    STUDY = "study", _("Đi học")
    OTHER = "other", _("Khác")


class Leave(models.Model):
    """Leave between two dates (inclusive); rulebooks decide what a leave changes."""

    person = models.ForeignKey(Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="leaves")
    kind = models.CharField(_("loại"), max_length=10, choices=LeaveKind.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))

    class Meta:
        verbose_name = _("nghỉ")
        verbose_name_plural = _("nghỉ")
        ordering = ("start_date",)
        constraints = (_date_range_check("org_leave_dates"),)

    def __str__(self) -> str:
        return f"{self.person} — {self.get_kind_display()}"


class DisciplineTrack(models.TextChoices):
    PARTY = "party", _("Kỷ luật đảng")
    STATE = "state", _("Kỷ luật hành chính")


class DisciplineForm(models.TextChoices):
    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")
    KHAI_TRU = "khai_tru", _("Khai trừ")


# Forms each track knows: party discipline (Điều lệ Đảng, Điều 35) has no pay or dismissal forms;
# state discipline (Luật Cán bộ, công chức; Luật Viên chức) has no expulsion.
PARTY_FORMS: tuple[DisciplineForm, ...] = (
    DisciplineForm.KHIEN_TRACH,
    DisciplineForm.CANH_CAO,
    DisciplineForm.CACH_CHUC,
    DisciplineForm.KHAI_TRU,
)
STATE_FORMS: tuple[DisciplineForm, ...] = (
    DisciplineForm.KHIEN_TRACH,
    DisciplineForm.CANH_CAO,
    DisciplineForm.HA_BAC_LUONG,
    DisciplineForm.GIANG_CHUC,
    DisciplineForm.CACH_CHUC,
    DisciplineForm.BUOC_THOI_VIEC,
)


class Discipline(models.Model):
    """A disciplinary decision: track (party/state), form, dates and the facts rulebooks test."""

    person = models.ForeignKey(Person, verbose_name=_("cá nhân"), on_delete=models.CASCADE, related_name="disciplines")
    track = models.CharField(_("loại kỷ luật"), max_length=10, choices=DisciplineTrack.choices)
    form = models.CharField(_("hình thức"), max_length=20, choices=DisciplineForm.choices)
    decided_on = models.DateField(_("ngày quyết định"))
    violation_on = models.DateField(_("ngày vi phạm"), null=True, blank=True)
    in_public_duty = models.BooleanField(_("vi phạm trong thực thi công vụ"), default=False)
    self_detected_and_remedied = models.BooleanField(_("tự phát hiện, chủ động khắc phục"), default=False)
    decided_by = models.CharField(_("cấp quyết định"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ("decided_on",)
        constraints = (
            models.CheckConstraint(
                condition=Q(track=DisciplineTrack.PARTY, form__in=[f.value for f in PARTY_FORMS])
                | Q(track=DisciplineTrack.STATE, form__in=[f.value for f in STATE_FORMS]),
                name="org_discipline_form_matches_track",
                violation_error_message=_(
                    "Hình thức kỷ luật không thuộc loại đã chọn (kỷ luật về Đảng hoặc hành chính)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(violation_on__isnull=True) | Q(violation_on__lte=F("decided_on")),
                name="org_discipline_violation_before_decision",
                violation_error_message=_("Ngày vi phạm phải trước hoặc trùng ngày quyết định kỷ luật."),
            ),
        )

    def __str__(self) -> str:
        return f"{self.person} — {self.get_form_display()} ({self.decided_on:%d/%m/%Y})"

"""Admin for review cycles and reviews. Cycles are opened, closed and populated through the services
(so the same refusals apply as on the command line); rulebook codes are read-only once pinned."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kiemdiem.reviews.models import AuditEntry, CycleStatus, Review, ReviewCycle, ReviewOutcome
from kiemdiem.reviews.periods import Period, PeriodError, PeriodKind
from kiemdiem.reviews.services import (
    review_cycle_check_open,
    review_cycle_close,
    review_cycle_open,
    review_cycle_populate,
)


class ReviewCycleOpenForm(forms.ModelForm):
    """Form of a new cycle: the service's own checks decide, and their refusal shows on the form."""

    class Meta:
        model = ReviewCycle
        fields = ("scope", "period_kind", "year", "quarter", "term_start_year", "term_end_year")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            period = Period(
                kind=PeriodKind(data["period_kind"]),
                year=data.get("year"),
                quarter=data.get("quarter"),
                term_start_year=data.get("term_start_year"),
                term_end_year=data.get("term_end_year"),
            )
        except PeriodError as error:
            raise ValidationError(str(error)) from None
        data["period"], _party, _state = review_cycle_check_open(scope=data["scope"], period=period)
        return data

    def validate_unique(self) -> None:
        # review_cycle_check_open already said it, in words an organiser understands.
        return None

    def _post_clean(self) -> None:
        # The pinned rulebook codes are set by the service, not by the form: skip model validation here.
        return None


@admin.register(ReviewCycle)
class ReviewCycleAdmin(admin.ModelAdmin):
    list_display = ("scope", "period", "status", "party_rulebook", "state_rulebook", "opened_on", "closed_on")
    list_filter = ("status", "period_kind", "year", "scope__level")
    search_fields = ("scope__name",)
    autocomplete_fields = ("scope",)
    readonly_fields = ("party_rulebook", "state_rulebook", "status", "opened_on", "closed_on")
    actions = ("populate", "close")

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = ReviewCycleOpenForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ()
        return (*self.readonly_fields, "scope", "period_kind", "year", "quarter", "term_start_year", "term_end_year")

    def save_model(self, request: HttpRequest, obj: ReviewCycle, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        cycle = review_cycle_open(scope=data["scope"], period=data["period"], actor=request.user)
        for field in ReviewCycle._meta.concrete_fields:
            setattr(obj, field.attname, getattr(cycle, field.attname))
        obj._state.adding = False

    @admin.action(description=_("Tạo bản kiểm điểm cho mọi đối tượng trong phạm vi"))
    def populate(self, request: HttpRequest, queryset: QuerySet[ReviewCycle]) -> None:
        for cycle in queryset:
            try:
                result = review_cycle_populate(cycle=cycle, actor=request.user)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
                continue
            self.message_user(
                request, _("%(cycle)s: tạo %(count)d bản kiểm điểm.") % {"cycle": cycle, "count": result.created}
            )

    @admin.action(description=_("Kết thúc kỳ kiểm điểm"))
    def close(self, request: HttpRequest, queryset: QuerySet[ReviewCycle]) -> None:
        for cycle in queryset.filter(status=CycleStatus.OPEN):
            try:
                review_cycle_close(cycle=cycle, actor=request.user)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("__str__", "cycle", "status", "self_level", "proposed_level", "decided_level")
    list_filter = ("cycle", "status", "decided_level", "subject_person__party_membership__status", "place__role")
    search_fields = (
        "subject_person__full_name",
        "subject_person__external_code",
        "subject_collective__name",
        "subject_organisation__name",
    )
    # Levels and statuses change only through the review workflow (with its reasons and audit rows),
    # never by editing a row here.
    readonly_fields = (
        "cycle",
        "subject_collective",
        "subject_organisation",
        "subject_person",
        "place",
        "status",
        "self_level",
        "proposed_level",
        "decided_level",
        "created_at",
        "updated_at",
    )
    list_select_related = (
        "cycle",
        "cycle__scope",
        "subject_person",
        "subject_collective",
        "subject_organisation",
        "place",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Reviews are created from a cycle (action "Tạo bản kiểm điểm …"), where scope and period are checked.
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "action", "cycle", "review")
    list_filter = ("action",)
    readonly_fields = ("at", "actor", "action", "cycle", "review", "detail")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReviewOutcome)
class ReviewOutcomeAdmin(admin.ModelAdmin):
    """The results of a rated cycle, read-only: computed by ``kiemdiem review``, never typed in."""

    list_display = ("review", "level", "reason", "decisions")
    list_filter = ("review__cycle", "final_level", "status", "unconfirmed")
    search_fields = ("review__subject_person__full_name", "review__subject_collective__name", "main_reason")
    list_select_related = (
        "review__cycle__scope",
        "review__subject_person",
        "review__subject_collective",
        "review__subject_organisation",
        "review__place",
    )
    readonly_fields = tuple(field.name for field in ReviewOutcome._meta.get_fields())

    @admin.display(description=_("mức"), ordering="final_level")
    def level(self, obj: ReviewOutcome) -> str:
        if obj.engine_level and obj.engine_level != obj.final_level:
            return f"{obj.final_level} (quy định: {obj.engine_level})"
        return obj.final_level or "—"

    @admin.display(description=_("lý do chính (căn cứ)"))
    def reason(self, obj: ReviewOutcome) -> str:
        text = obj.main_reason if len(obj.main_reason) <= 110 else obj.main_reason[:107].rstrip() + "…"
        flag = " — chưa xác nhận" if obj.unconfirmed else ""
        return f"{text} ({obj.main_cites}){flag}" if obj.main_cites else text

    @admin.display(description=_("cần quyết định"))
    def decisions(self, obj: ReviewOutcome) -> str:
        return "; ".join(item["label"] for item in obj.items)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

"""Admin for the organisation tree and people, with the search and filters an organiser needs."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kiemdiem.org.models import (
    Collective,
    Discipline,
    Leave,
    Organisation,
    OrganisationSuccession,
    PartyMembership,
    PartyStatusChange,
    PartyTransfer,
    Person,
    Position,
    StateEmployment,
)


class ExistsFilter(admin.SimpleListFilter):
    title = _("hiện trạng")
    parameter_name = "exists"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", str(_("Còn tồn tại"))), ("no", str(_("Đã giải thể, sáp nhập")))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(valid_to__isnull=True)
        if self.value() == "no":
            return queryset.filter(valid_to__isnull=False)
        return queryset


class SuccessionOutInline(admin.TabularInline):
    model = OrganisationSuccession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ("successor",)
    verbose_name = _("đơn vị kế thừa")
    verbose_name_plural = _("đơn vị kế thừa (sáp nhập, chia tách, đổi tên)")


class SuccessionInInline(admin.TabularInline):
    model = OrganisationSuccession
    fk_name = "successor"
    extra = 0
    autocomplete_fields = ("predecessor",)
    verbose_name = _("đơn vị tiền thân")
    verbose_name_plural = _("đơn vị tiền thân")


class CollectiveInline(admin.TabularInline):
    model = Collective
    extra = 0
    fields = ("name", "kind", "is_leadership", "valid_from", "valid_to")
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "symbol", "level", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("level", "kind", ExistsFilter)
    search_fields = ("name", "short_name", "external_code", "place_name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    inlines = (CollectiveInline, SuccessionInInline, SuccessionOutInline)


@admin.register(OrganisationSuccession)
class OrganisationSuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "changed_on", "decision")
    list_filter = ("kind", "changed_on")
    search_fields = ("predecessor__name", "successor__name", "decision")
    autocomplete_fields = ("predecessor", "successor")


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    fields = (
        "title",
        "role",
        "organisation",
        "collective",
        "start_date",
        "end_date",
        "is_concurrent",
        "is_review_place",
    )
    autocomplete_fields = ("organisation", "collective")


@admin.register(Collective)
class CollectiveAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "organisation", "is_leadership", "valid_from", "valid_to")
    list_filter = ("kind", "is_leadership", "organisation__level")
    search_fields = ("name", "organisation__name", "external_code")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation",)
    inlines = (PositionInline,)


class PartyMembershipInline(admin.StackedInline):
    model = PartyMembership
    extra = 0
    autocomplete_fields = ("party_cell",)


class StateEmploymentInline(admin.TabularInline):
    model = StateEmployment
    extra = 0
    autocomplete_fields = ("organisation",)


class LeaveInline(admin.TabularInline):
    model = Leave
    extra = 0


class DisciplineInline(admin.TabularInline):
    model = Discipline
    extra = 0


class PartyStatusChangeInline(admin.TabularInline):
    model = PartyStatusChange
    extra = 0


class PartyTransferInline(admin.TabularInline):
    model = PartyTransfer
    extra = 0
    autocomplete_fields = ("from_cell", "to_cell")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "external_code", "birth_date", "gender", "party_status")
    list_filter = (
        "party_membership__status",
        ("party_membership__party_cell__parent", admin.RelatedOnlyFieldListFilter),
        ("positions__organisation", admin.RelatedOnlyFieldListFilter),
        "positions__role",
        "state_employments__category",
        "gender",
    )
    search_fields = ("full_name", "external_code")
    inlines = (
        PositionInline,
        PartyMembershipInline,
        PartyTransferInline,
        PartyStatusChangeInline,
        StateEmploymentInline,
        LeaveInline,
        DisciplineInline,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Person]:
        return super().get_queryset(request).select_related("party_membership").distinct()

    @admin.display(description=_("đảng viên"))
    def party_status(self, person: Person) -> str:
        membership = getattr(person, "party_membership", None)
        return membership.get_status_display() if membership else "—"


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ("person", "title", "role", "organisation", "collective", "start_date", "end_date", "is_concurrent")
    list_filter = (
        "role",
        "is_concurrent",
        "is_review_place",
        "organisation__level",
        ("organisation", admin.RelatedOnlyFieldListFilter),
        "collective__kind",
    )
    search_fields = ("person__full_name", "person__external_code", "title", "organisation__name", "collective__name")
    autocomplete_fields = ("person", "organisation", "collective")
    list_select_related = ("person", "organisation", "collective")


@admin.register(PartyMembership)
class PartyMembershipAdmin(admin.ModelAdmin):
    list_display = ("person", "status", "admission_date", "official_date", "party_cell")
    list_filter = ("status", "party_cell__parent", "party_cell")
    search_fields = ("person__full_name", "person__external_code", "card_number")
    autocomplete_fields = ("person", "party_cell")
    list_select_related = ("person", "party_cell")


@admin.register(PartyStatusChange)
class PartyStatusChangeAdmin(admin.ModelAdmin):
    list_display = ("person", "kind", "start_date", "end_date")
    list_filter = ("kind",)
    search_fields = ("person__full_name", "person__external_code")
    autocomplete_fields = ("person",)


@admin.register(PartyTransfer)
class PartyTransferAdmin(admin.ModelAdmin):
    list_display = ("person", "from_cell", "to_cell", "transferred_on")
    search_fields = ("person__full_name", "person__external_code")
    autocomplete_fields = ("person", "from_cell", "to_cell")


@admin.register(StateEmployment)
class StateEmploymentAdmin(admin.ModelAdmin):
    list_display = ("person", "category", "organisation", "rank", "salary_step", "salary_coefficient", "start_date")
    list_filter = ("category", "organisation__level")
    search_fields = ("person__full_name", "person__external_code", "rank", "organisation__name")
    autocomplete_fields = ("person", "organisation")


@admin.register(Leave)
class LeaveAdmin(admin.ModelAdmin):
    list_display = ("person", "kind", "start_date", "end_date")
    list_filter = ("kind",)
    search_fields = ("person__full_name", "person__external_code")
    autocomplete_fields = ("person",)


@admin.register(Discipline)
class DisciplineAdmin(admin.ModelAdmin):
    list_display = ("person", "track", "form", "decided_on", "decided_by")
    list_filter = ("track", "form", "in_public_duty")
    search_fields = ("person__full_name", "person__external_code", "decided_by")
    autocomplete_fields = ("person",)

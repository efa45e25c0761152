"""Admin pages for stored targets: a target with its figures by year inline."""

from __future__ import annotations

from django.contrib import admin

from kiemdiem.unit_targets.models import TargetYear, UnitTarget


class TargetYearInline(admin.TabularInline):
    model = TargetYear
    extra = 0
    fields = (
        "year",
        "plan",
        "estimate",
        "actual",
        "deadline",
        "achieved_on",
        "published_share_of_plan",
        "published_growth",
    )


@admin.register(UnitTarget)
class UnitTargetAdmin(admin.ModelAdmin):
    list_display = ("code", "indicator", "organisation", "assigner", "direction", "is_key", "basic_kind")
    list_filter = ("assigner", "direction", "is_key", "basic_kind", "organisation")
    search_fields = ("code", "indicator", "organisation__name")
    list_select_related = ("organisation",)
    inlines = (TargetYearInline,)

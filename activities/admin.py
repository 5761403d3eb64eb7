from django.contrib import admin

from activities import services
from activities.models import (
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    SupportVisit,
)
from registry.admin import ScopedAdmin


class ActivityAdmin(ScopedAdmin):
    record_service = staticmethod(services.record_save)


@admin.register(CreditLine)
class CreditLineAdmin(ActivityAdmin):
    division_paths = ("enterprise__division",)
    list_display = ("enterprise", "bank", "product", "amount", "granted_on")
    list_filter = ("product", "enterprise__division")
    search_fields = ("enterprise__name", "enterprise__uscc", "bank", "product")
    list_select_related = ("enterprise",)
    autocomplete_fields = ("enterprise",)
    date_hierarchy = "granted_on"


@admin.register(SupportVisit)
class SupportVisitAdmin(ActivityAdmin):
    division_paths = ("enterprise__division",)
    list_display = ("enterprise", "kind", "visited_on")
    list_filter = ("kind", "enterprise__division")
    search_fields = ("enterprise__name", "enterprise__uscc", "notes")
    list_select_related = ("enterprise",)
    autocomplete_fields = ("enterprise",)
    date_hierarchy = "visited_on"


@admin.register(CharacteristicProduct)
class CharacteristicProductAdmin(ActivityAdmin):
    division_paths = ("division",)
    list_display = ("name", "kind", "enterprise", "division", "recognised_on")
    list_filter = ("kind", "division")
    search_fields = ("name", "enterprise__name")
    list_select_related = ("enterprise", "division")
    autocomplete_fields = ("enterprise",)
    date_hierarchy = "recognised_on"


@admin.register(Exhibition)
class ExhibitionAdmin(ActivityAdmin):
    division_paths = ("division",)
    list_display = ("title", "held_on", "venue", "division")
    list_filter = ("division",)
    search_fields = ("title", "venue")
    list_select_related = ("division",)
    date_hierarchy = "held_on"


@admin.register(EnforcementCase)
class EnforcementCaseAdmin(ActivityAdmin):
    division_paths = ("division",)
    list_display = ("case_number", "kind", "subject", "opened_on", "closed_on",
                    "ruling_issued_on", "division")
    list_filter = ("kind", "subject", "division")
    search_fields = ("case_number", "outcome")
    list_select_related = ("division",)
    date_hierarchy = "opened_on"

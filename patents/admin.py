from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.spreadsheets import SpreadsheetAdminMixin
from patents import resources, services
from patents.models import (
    Patent,
    PatentAward,
    PatentAwardSession,
    PatentPledge,
    PatentPool,
    PatentTransfer,
)
from registry.admin import ScopedAdmin


@admin.register(Patent)
class PatentAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    resource_classes = [resources.PatentResource]
    division_paths = ("holder_enterprises__division", "holder_persons__division")
    record_service = staticmethod(services.record_save)
    list_display = ("number", "type", "title", "granted_on", "status")
    list_filter = ("type", "status")
    search_fields = ("number", "title", "publication_number", "holder_enterprises__name")
    autocomplete_fields = ("holder_enterprises", "holder_persons")
    date_hierarchy = "granted_on"
    show_full_result_count = False


@admin.register(PatentAwardSession)
class PatentAwardSessionAdmin(SimpleHistoryAdmin):
    list_display = ("number", "decided_on", "document_number")
    search_fields = ("=number", "document_number")

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)


@admin.register(PatentAward)
class PatentAwardAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    resource_classes = [resources.PatentAwardResource]
    division_paths = ("enterprise__division", "person__division")
    record_service = staticmethod(services.record_save)
    list_display = ("session", "level", "patent", "enterprise", "person", "status")
    list_filter = ("session", "level", "status")
    search_fields = ("patent__number", "patent__title", "enterprise__name", "person__name")
    list_select_related = ("session", "patent", "enterprise", "person")
    autocomplete_fields = ("patent", "enterprise", "person")


@admin.register(PatentPledge)
class PatentPledgeAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    resource_classes = [resources.PatentPledgeResource]
    division_paths = ("pledgor__division",)
    record_service = staticmethod(services.record_save)
    list_display = ("registration_number", "pledgor", "pledgee", "amount", "registered_on",
                    "released_on")
    search_fields = ("registration_number", "pledgor__name", "pledgee")
    list_select_related = ("pledgor",)
    autocomplete_fields = ("pledgor", "patents")
    date_hierarchy = "registered_on"


@admin.register(PatentTransfer)
class PatentTransferAdmin(ScopedAdmin):
    division_paths = ("from_enterprise__division", "to_enterprise__division")
    record_service = staticmethod(services.record_save)
    list_display = ("patent", "kind", "from_enterprise", "from_name", "to_enterprise", "to_name",
                    "recorded_on")
    list_filter = ("kind",)
    search_fields = ("patent__number", "from_name", "to_name", "from_enterprise__name",
                     "to_enterprise__name")
    list_select_related = ("patent", "from_enterprise", "to_enterprise")
    autocomplete_fields = ("patent", "from_enterprise", "to_enterprise")


@admin.register(PatentPool)
class PatentPoolAdmin(ScopedAdmin):
    division_paths = ("lead_enterprise__division",)
    record_service = staticmethod(services.record_save)
    list_display = ("name", "sector", "lead_enterprise", "core_patent_count", "established_on")
    search_fields = ("name", "sector")
    autocomplete_fields = ("lead_enterprise", "members")

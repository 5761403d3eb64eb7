from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from awards import services
from awards.models import AwardProgram, AwardRecord, AwardSession
from awards.resources import AwardRecordResource
from core.spreadsheets import SpreadsheetAdminMixin
from registry.admin import ScopedAdmin


@admin.register(AwardProgram)
class AwardProgramAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_zh", "name_en", "level", "issuer")
    list_filter = ("level",)
    search_fields = ("code", "name_zh", "name_en")

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)


class AwardRecordInline(admin.TabularInline):
    model = AwardRecord
    extra = 0
    fields = ("tier", "enterprise", "person", "status", "source")
    autocomplete_fields = ("enterprise", "person")
    show_change_link = True


@admin.register(AwardSession)
class AwardSessionAdmin(SimpleHistoryAdmin):
    list_display = ("program", "number", "year", "announced_on", "document_number")
    list_filter = ("program", "year")
    search_fields = ("program__name_zh", "document_number")
    list_select_related = ("program",)
    date_hierarchy = "announced_on"
    inlines = [AwardRecordInline]

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)

    def save_formset(self, request, form, formset, change):
        # Inline rows go through the service too, so the subsidies engine hears of them.
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for instance in instances:
            services.record_save(instance=instance)
        formset.save_m2m()


@admin.register(AwardRecord)
class AwardRecordAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    resource_classes = [AwardRecordResource]
    division_paths = ("enterprise__division", "person__division")
    record_service = staticmethod(services.record_save)
    list_display = ("session", "tier", "enterprise", "person", "status")
    list_filter = ("session__program", "tier", "status", "session__year")
    search_fields = ("enterprise__name", "enterprise__uscc", "person__name", "citation")
    list_select_related = ("session__program", "enterprise", "person")
    autocomplete_fields = ("session", "enterprise", "person")

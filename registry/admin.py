from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import UserAdmin as CoreUserAdmin
from core.models import User
from core.spreadsheets import SpreadsheetAdminMixin
from core.validators import mask, normalize_uscc
from registry import resources, services
from registry.models import (
    Designation,
    DesignationList,
    Division,
    Enterprise,
    GIAuthorization,
    GIProduct,
    Industry,
    Person,
    ProvincialFigure,
    StaffProfile,
)
from registry.selectors import user_division_ids


class ScopedAdmin(SimpleHistoryAdmin):
    """Admin for records that belong to a division through their holder.

    `division_paths` are the lookups from the record to a Division ("division",
    "enterprise__division", ...). A district clerk sees only rows where one of them is in
    their division's subtree, is offered only such enterprises, persons and divisions in
    forms, and cannot save a row outside it. Everyone else sees everything."""

    division_paths: tuple[str, ...] = ("division",)
    record_service = staticmethod(services.record_save)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = user_division_ids(request.user)
        if allowed is None:
            return queryset
        condition = Q()
        for path in self.division_paths:
            condition |= Q(**{f"{path}__in": allowed})
        return queryset.filter(condition).distinct() if self._crosses_m2m() else \
            queryset.filter(condition)

    def _crosses_m2m(self):
        return any("divisions" in path or "holder" in path for path in self.division_paths)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = user_division_ids(request.user)
        if allowed is not None:
            model = db_field.related_model
            if model is Division:
                kwargs["queryset"] = Division.objects.filter(pk__in=allowed)
            elif model in (Enterprise, Person):
                kwargs["queryset"] = model.objects.filter(division__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        allowed = user_division_ids(request.user)
        if allowed is not None and db_field.related_model in (Enterprise, Person):
            kwargs["queryset"] = db_field.related_model.objects.filter(division__in=allowed)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        allowed = user_division_ids(request.user)
        if allowed is not None and not self._within(obj, allowed):
            # The form's choices already exclude other divisions; this guards hand-made posts.
            raise PermissionDenied(_("This record belongs to a division outside yours."))
        self.record_service(instance=obj)

    # A higher app may refuse a change or a deletion from its receivers (subsidies: a record
    # whose grant is paid cannot be revoked or deleted). Show the reason, not a server error;
    # the admin's own transaction has rolled back by then.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ProtectedError as error:
            self.message_user(request, error.args[0], messages.ERROR)
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[object_id]))

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except ProtectedError as error:
            self.message_user(request, error.args[0], messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def _within(self, obj, allowed) -> bool:
        for path in self.division_paths:
            if "divisions" in path or "holder" in path:
                return True  # many-to-many holders are checked on the form's choices
            value = obj
            for part in path.split("__"):
                value = getattr(value, part, None) if value is not None else None
            if value is not None and value.pk in allowed:
                return True
        return False


@admin.register(Division)
class DivisionAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_zh", "name_en", "level", "code_kind", "parent")
    list_filter = ("level", "code_kind")
    search_fields = ("code", "name_zh", "name_en")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)


@admin.register(Industry)
class IndustryAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_zh", "name_en", "parent")
    search_fields = ("code", "name_zh", "name_en")
    list_select_related = ("parent",)

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)


class IndustrySectionFilter(admin.SimpleListFilter):
    title = _("industry")
    parameter_name = "industry_section"

    def lookups(self, request, model_admin):
        return [(i.code, str(i)) for i in Industry.objects.filter(parent__isnull=True)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(Q(industry__code=self.value())
                                   | Q(industry__parent__code=self.value()))
        return queryset


class EnterpriseAdminForm(forms.ModelForm):
    # Accept the code as people type it (spaces, dashes, lower case); the model then checks
    # the normalised code, so the 18-character limit applies to what is stored.
    uscc = forms.CharField(label=_("unified social credit code"), max_length=40)

    class Meta:
        model = Enterprise
        fields = ["name", "uscc", "division", "industry", "address", "founded_on",
                  "legal_representative", "is_active", "contact_person", "contact_phone",
                  "source"]

    def clean_uscc(self):
        return normalize_uscc(self.cleaned_data["uscc"])


@admin.register(Enterprise)
class EnterpriseAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    form = EnterpriseAdminForm
    resource_classes = [resources.EnterpriseResource]
    list_display = ("name", "uscc", "division", "industry", "is_active", "updated_at")
    list_filter = ("division", IndustrySectionFilter, "is_active")
    search_fields = ("name", "uscc")
    list_select_related = ("division", "industry")
    autocomplete_fields = ("industry",)
    fieldsets = (
        (None, {"fields": ("name", "uscc", "division", "industry", "address", "founded_on",
                           "legal_representative", "is_active")}),
        (_("Private contact (never published)"), {"fields": ("contact_person", "contact_phone")}),
        (_("Source"), {"fields": ("source",)}),
    )


@admin.register(Person)
class PersonAdmin(ScopedAdmin):
    list_display = ("name", "employer", "division", "masked_id_number", "masked_phone")
    list_filter = ("division",)
    search_fields = ("name", "employer__name")
    list_select_related = ("division", "employer")
    autocomplete_fields = ("employer",)

    @admin.display(description=_("ID card number"))
    def masked_id_number(self, obj):
        return mask(obj.id_number)

    @admin.display(description=_("phone"))
    def masked_phone(self, obj):
        return mask(obj.phone)


@admin.register(DesignationList)
class DesignationListAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_zh", "name_en", "level", "issuer", "has_batches")
    search_fields = ("code", "name_zh", "name_en")

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)


@admin.register(Designation)
class DesignationAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    resource_classes = [resources.DesignationResource]
    division_paths = ("enterprise__division",)
    list_display = ("designation_list", "enterprise", "brand", "year", "batch", "entry_kind",
                    "status")
    list_filter = ("designation_list", "year", "entry_kind", "status",
                   ("enterprise__division", admin.RelatedOnlyFieldListFilter))
    search_fields = ("enterprise__name", "enterprise__uscc", "brand")
    list_select_related = ("designation_list", "enterprise")
    autocomplete_fields = ("enterprise",)
    date_hierarchy = "designated_on"


class GIAuthorizationInline(admin.TabularInline):
    model = GIAuthorization
    extra = 0
    autocomplete_fields = ("enterprise",)


@admin.register(GIProduct)
class GIProductAdmin(SpreadsheetAdminMixin, ScopedAdmin):
    resource_classes = [resources.GIProductResource]
    division_paths = ("divisions",)
    list_display = ("name", "system", "category", "approved_on", "announcement_number", "status")
    list_filter = ("system", "category", "status", "divisions")
    search_fields = ("name", "applicant", "announcement_number")
    filter_horizontal = ("divisions",)
    inlines = [GIAuthorizationInline]
    date_hierarchy = "approved_on"


@admin.register(ProvincialFigure)
class ProvincialFigureAdmin(SpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [resources.ProvincialFigureResource]
    list_display = ("key", "year", "division", "value", "source")
    list_filter = ("key", "year", "division")
    search_fields = ("key", "division__name_zh")
    list_select_related = ("division",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "division":
            kwargs["queryset"] = Division.objects.filter(level="city")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        services.record_save(instance=obj)


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name_plural = _("staff profile")


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(CoreUserAdmin):
    inlines = [StaffProfileInline]

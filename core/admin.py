from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.models import APIToken, User
from core.services import api_token_issue, api_token_revoke, model_save


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "email", "is_staff", "is_active")

admin.site.site_header = _("Quality-brand registry administration")
admin.site.site_title = _("Quality-brand registry")
admin.site.index_title = _("Records and settings")


@admin.register(APIToken)
class APITokenAdmin(admin.ModelAdmin):
    """Tokens for agencies' integrations. The secret is generated on creation, shown once in
    a message and stored only as a digest: a lost secret means a new token."""

    list_display = ("name", "agency", "owner", "scope", "prefix", "expires_at", "revoked_at",
                    "last_used_at", "last_used_ip")
    list_filter = ("scope",)
    search_fields = ("name", "agency", "prefix")
    list_select_related = ("owner",)
    readonly_fields = ("prefix", "revoked_at", "last_used_at", "last_used_ip", "created_at")
    fields = ("name", "agency", "owner", "scope", "allowed_networks", "expires_at",
              *readonly_fields)
    actions = ["revoke"]

    def get_changeform_initial_data(self, request):
        return {"owner": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        if change:
            model_save(obj)
            return
        secret = api_token_issue(token=obj)
        messages.warning(request, format_html(
            _("Copy the secret of {name} now; it will not be shown again: {secret}"),
            name=obj.name, secret=format_html("<code>{}</code>", secret)))

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset:
            api_token_revoke(token=token)
        messages.success(request, _("Revoked %(n)d token(s).") % {"n": queryset.count()})

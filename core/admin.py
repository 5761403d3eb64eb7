from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from core.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "email", "is_staff", "is_active")

admin.site.site_header = _("Quality-brand registry administration")
admin.site.site_title = _("Quality-brand registry")
admin.site.index_title = _("Records and settings")

"""The three staff groups and what each may do. Migrations call `sync_staff_groups` after
adding models, so a new model's permissions reach the groups without anyone clicking.

- city bureau: every permission on the registry's records (not on user accounts).
- district clerk: view, add and change the records that belong to a division (the admin then
  limits them to their own division); view the reference tables; delete nothing.
- auditor: view everything, change nothing.
"""

STAFF_APPS = ("registry", "awards", "patents", "activities", "subsidies", "import_export")

# Models a district clerk may add and change (their division is enforced by the admin).
CLERK_EDITABLE = {
    ("registry", "enterprise"), ("registry", "person"), ("registry", "designation"),
    ("registry", "giproduct"), ("registry", "giauthorization"),
    ("awards", "awardrecord"),
    ("patents", "patent"), ("patents", "patentaward"), ("patents", "patentpledge"),
    ("patents", "patenttransfer"),
    ("activities", "creditline"), ("activities", "supportvisit"),
    ("activities", "characteristicproduct"), ("activities", "exhibition"),
    ("activities", "enforcementcase"),
}
# Permissions kept for the city bureau alone whatever the model (approving and paying money).
BUREAU_ONLY_CODENAMES = {"approve_subsidygrant", "pay_subsidygrant"}


def sync_staff_groups(apps, schema_editor=None):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label__in=STAFF_APPS)
        .select_related("content_type")
    )

    bureau, _ = Group.objects.get_or_create(name="city bureau")
    bureau.permissions.set(permissions)

    clerk, _ = Group.objects.get_or_create(name="district clerk")
    clerk.permissions.set([
        p for p in permissions
        if p.codename not in BUREAU_ONLY_CODENAMES and (
            p.codename.startswith("view_")
            or ((p.content_type.app_label, p.content_type.model) in CLERK_EDITABLE
                and p.codename.split("_", 1)[0] in ("add", "change"))
        )
    ])

    auditor, _ = Group.objects.get_or_create(name="auditor")
    auditor.permissions.set([p for p in permissions if p.codename.startswith("view_")])

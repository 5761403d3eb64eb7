from django.db import migrations

from registry.groups import sync_staff_groups


class Migration(migrations.Migration):
    dependencies = [
        ("subsidies", "0001_initial"),
        ("awards", "0004_staff_groups"),
        ("patents", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(sync_staff_groups, migrations.RunPython.noop)]

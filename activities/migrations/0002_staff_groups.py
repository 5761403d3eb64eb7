from django.db import migrations

from registry.groups import sync_staff_groups


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial"), ("registry", "0003_staff_groups")]
    operations = [migrations.RunPython(sync_staff_groups, migrations.RunPython.noop)]

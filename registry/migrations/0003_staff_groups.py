from django.db import migrations

from registry.groups import sync_staff_groups


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_seed_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(sync_staff_groups, migrations.RunPython.noop)]

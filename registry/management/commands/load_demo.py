"""Load the deterministic demo data set: each installed app may have a `demo` module with a
`load(stdout)` function; they run in INSTALLED_APPS order, so lower apps' records exist before
higher apps' (awards need enterprises, grants need awards). Running it twice changes nothing."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the deterministic demo data set (idempotent)."

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

"""Run the subsidies engine over every qualifying record and report what it proposed."""

import json

from django.core.management.base import BaseCommand

from subsidies.services import grants_reconcile


class Command(BaseCommand):
    help = ("Propose every subsidy grant the rules call for that does not exist yet (safe to "
            "run any number of times).")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, format, **options):
        report = grants_reconcile()
        if format == "json":
            self.stdout.write(json.dumps(report, sort_keys=True))
        else:
            self.stdout.write(
                f"{report['records']} records checked: {report['proposed']} grants proposed "
                f"({report['amount_proposed']} yuan), {report['already']} already existed.")

"""Print every figure of a division as of a date, for a person (a table) or a program (JSON).

    python manage.py figures --as-of 2024-12-16 --division 370700 [--format table|json]

JSON is one object of figure key -> value, the `<key>.provincial_rank` keys included. Counts
and ranks are numbers (null where there is no rank); amounts in yuan (Decimal) are strings with
two decimals, e.g. "4207000000.00", so that no digit is lost to floating point.
"""

import json
from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from figures.selectors import FIGURES, figures_as_of
from registry.selectors import division_get


def _json_value(value):
    return str(value) if isinstance(value, Decimal) else value


class Command(BaseCommand):
    help = gettext_lazy("Print every figure of a division as of a date.")

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of",
                            help=_("Date YYYY-MM-DD (default: today)."))
        parser.add_argument("--division", default="370700",
                            help=_("Division code (default: 370700)."))
        parser.add_argument("--format", choices=["table", "json"], default="table",
                            help=_("table (default) or json."))

    def handle(self, *args, as_of=None, division="370700", format="table", **options):
        as_of_date = self._as_of(as_of)
        division_obj = division_get(division)
        if division_obj is None:
            raise CommandError(_("--division: no division has the code %(code)s.")
                               % {"code": division})
        values = figures_as_of(as_of=as_of_date, division=division_obj)
        if format == "json":
            self.stdout.write(json.dumps({key: _json_value(value)
                                          for key, value in values.items()},
                                         ensure_ascii=False, indent=2))
            return
        self.stdout.write(_("%(division)s, as of %(date)s")
                          % {"division": division_obj, "date": as_of_date.isoformat()})
        rows = [(str(figure.label), figure.key, self._format(values[figure.key]),
                 self._format(values.get(figure.rank_key))) for figure in FIGURES]
        header = (_("figure"), _("key"), _("value"), _("provincial rank"))
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
        for row in [header, *rows]:
            self.stdout.write("  ".join(str(cell).ljust(width) if i < 2 else
                                        str(cell).rjust(width)
                                        for i, (cell, width) in enumerate(zip(row, widths, strict=True))))

    @staticmethod
    def _as_of(value: str | None) -> date:
        if value is None:
            return timezone.localdate()
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise CommandError(_("--as-of: %(value)s is not a date of the form YYYY-MM-DD.")
                               % {"value": value}) from None

    @staticmethod
    def _format(value) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return f"{value:,.2f}"
        return f"{value:,}"

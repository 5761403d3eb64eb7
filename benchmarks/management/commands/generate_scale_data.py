"""Fill the database with the province-scale synthetic data set the benchmarks run against."""

import time

from django.core.management.base import BaseCommand, CommandError

from benchmarks.scale_data import DEFAULT_SEED, ScaleDataGenerator, Sizes, clear, generated_counts


class Command(BaseCommand):
    help = ("Generate a deterministic province-scale data set: by default 100,000 enterprises, "
            "1,000,000 patents, 50,000 award records and 20,000 subsidy grants, with persons, "
            "designations, GI products, pledges and China Patent Awards. Bulk-loaded: no "
            "signals, no history rows.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=None,
                            help="Multiply every default size (0.01 for a quick run). Without "
                                 "it, the sizes not given follow --enterprises.")
        for name in ("enterprises", "patents", "awards", "grants", "persons", "designations",
                     "gi-products", "pledges", "patent-awards"):
            parser.add_argument(f"--{name}", type=int, default=None,
                                help=f"Number of {name.replace('-', ' ')} (overrides --scale).")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument("--clear", action="store_true",
                            help="Delete a previously generated data set first.")

    def handle(self, *args, **options):
        if options["clear"]:
            started = time.monotonic()
            deleted = clear()
            self.stdout.write(f"Cleared the previous data set in {time.monotonic() - started:.1f} s "
                              f"({sum(deleted.values())} rows).")
        elif any(generated_counts().values()):
            raise CommandError("A generated data set is already present; pass --clear to "
                               "replace it.")
        sizes = Sizes.scaled(options["scale"], **{
            name: options[name] for name in ("enterprises", "patents", "awards", "grants",
                                             "persons", "designations", "gi_products", "pledges",
                                             "patent_awards")})
        if sizes.enterprises < 1:
            raise CommandError("Every record hangs on an enterprise: give at least one.")
        if sizes.grants > sizes.awards:
            raise CommandError("Grants are made for award records: --grants cannot exceed "
                               "--awards.")
        started = time.monotonic()
        ScaleDataGenerator(sizes, seed=options["seed"], log=self.stdout.write).run()
        self.stdout.write(self.style.SUCCESS(
            f"Generated the data set in {time.monotonic() - started:.1f} s."))

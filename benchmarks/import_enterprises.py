"""Importing a 10,000-row enterprise list through the import service, on the configured database.

    python benchmarks/import_enterprises.py [--rows 10000]

Generates the file (CSV and xlsx, fictional enterprises with valid USCCs), then times, through
imports.services.import_job_create as the admin calls it (in process, no Celery worker, so
what is measured is the service and the database):
- check only: read the file and check every row, saving nothing;
- all new: the full import into an empty range of USCCs (every row created, with history);
- all updated: a second file with every address changed (every row matched by USCC, updated);
- unchanged: that file again (every row matched, nothing to write).
It prints a Markdown table with rows/second. With DATABASE_URL unset it uses a SQLite file of
its own (var/bench.sqlite3, never the development database); the database is migrated first.
The benchmark's enterprises are deleted before and after the run.
"""

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
USCC_BODY = "91370783BM{:07d}"  # the range the benchmark owns ("BM"), so it can clean up
DIVISIONS = ["寿光市", "370702", "青州市", "诸城市", "370785", "昌邑市"]


def setup_django() -> None:
    sys.path.insert(0, str(BASE_DIR))
    if not os.environ.get("DATABASE_URL"):
        (BASE_DIR / "var").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{BASE_DIR / 'var' / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()


def make_rows(count: int, revision: int = 1) -> list[list[str]]:
    from core.validators import make_uscc

    header = ["企业名称", "统一社会信用代码", "所属区县", "行业", "地址", "成立日期", "来源"]
    rows = [header]
    for n in range(count):
        rows.append([f"基准测试企业{n:05d}有限公司", make_uscc(USCC_BODY.format(n)),
                     DIVISIONS[n % len(DIVISIONS)], "C35", f"工业园区{n % 97}号{revision}栋",
                     f"20{10 + n % 14}-0{1 + n % 9}-1{n % 9}", "benchmark"])
    return rows


def as_csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def as_xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def clean_up() -> None:
    from registry.models import Enterprise

    prefix = USCC_BODY.split("{")[0]
    Enterprise.history.filter(uscc__startswith=prefix).delete()
    Enterprise.objects.filter(uscc__startswith=prefix).delete()


def timed(user, name: str, content: bytes, **kwargs):
    from imports.services import import_job_create

    started = time.perf_counter()
    job = import_job_create(user=user, resource="registry.enterprise", file_name=name,
                            content=content, **kwargs)
    elapsed = time.perf_counter() - started
    if job.status != "succeeded":
        raise SystemExit(f"{name}: {job.status} {job.message} {job.errors[:3]}")
    return job, elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="Rows in the file.")
    parser.add_argument("--scale", type=float, default=None,
                        help="Accepted for benchmarks/run.py; the file size is --rows.")
    args = parser.parse_args(argv)
    setup_django()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from core.models import User

    call_command("migrate", verbosity=0)
    # The benchmark measures the service itself, so every size runs in process.
    settings.IMPORT_ASYNC_THRESHOLD_ROWS = args.rows + 1
    user, _ = User.objects.get_or_create(username="benchmark-importer",
                                         defaults={"is_staff": True, "is_superuser": True})
    first, second = make_rows(args.rows), make_rows(args.rows, revision=2)
    files = {"csv": (as_csv(first), as_csv(second)), "xlsx": (as_xlsx(first), as_xlsx(second))}

    results = []
    for file_format, (content, changed) in files.items():
        name = f"bench.{file_format}"
        clean_up()
        _job, seconds = timed(user, name, content, validate_only=True)
        results.append((f"{file_format}, check only", seconds))
        job, seconds = timed(user, name, content)
        assert job.created_count == args.rows, job.created_count
        results.append((f"{file_format}, all new", seconds))
        job, seconds = timed(user, name, changed)
        assert job.updated_count == args.rows, job.updated_count
        results.append((f"{file_format}, all updated", seconds))
        job, seconds = timed(user, name, changed)
        assert (job.created_count, job.updated_count) == (0, 0)
        results.append((f"{file_format}, unchanged", seconds))
    clean_up()

    vendor = connection.vendor
    version = ".".join(map(str, connection.Database.sqlite_version_info)) \
        if vendor == "sqlite" else str(connection.pg_version)
    print(f"### Enterprise import, {args.rows:,} rows, {vendor} {version}\n")
    print("| case | seconds | rows/second |")
    print("|---|---:|---:|")
    for case, seconds in results:
        print(f"| {case} | {seconds:.2f} | {args.rows / seconds:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

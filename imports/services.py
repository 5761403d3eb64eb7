"""Importing a spreadsheet: record the job, check every row, save all rows or none.

A file is read once into the job (`import_job_create`). `import_job_run` then checks every
row through the resource (the model's full_clean, natural keys, the clerk's division) without
writing anything, collects the errors of all rows, and only if there are none saves the rows
through the apps' services inside one transaction. Small files run in the request; files over
IMPORT_ASYNC_THRESHOLD_ROWS run in a Celery task and report progress on the job.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from awards.resources import AwardRecordResource
from core.spreadsheets import RowInvalid, read_table
from imports.models import ImportJob, ImportStatus
from patents.resources import PatentAwardResource, PatentPledgeResource, PatentResource
from registry.resources import (
    DesignationResource,
    EnterpriseResource,
    GIProductResource,
    ProvincialFigureResource,
)
from registry.selectors import user_division_ids

logger = logging.getLogger(__name__)

# The kinds of records a file can hold, by model label.
RESOURCES = {
    "registry.enterprise": EnterpriseResource,
    "registry.designation": DesignationResource,
    "registry.giproduct": GIProductResource,
    "registry.provincialfigure": ProvincialFigureResource,
    "awards.awardrecord": AwardRecordResource,
    "patents.patent": PatentResource,
    "patents.patentaward": PatentAwardResource,
    "patents.patentpledge": PatentPledgeResource,
}

MAX_FILE_BYTES = 20 * 1024 * 1024
PROGRESS_INTERVAL_SECONDS = 1.0


def async_threshold_rows() -> int:
    return getattr(settings, "IMPORT_ASYNC_THRESHOLD_ROWS", 2000)


def _model(resource: str):
    return RESOURCES[resource]._meta.model


def _can_import(user, resource: str) -> bool:
    opts = _model(resource)._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}")


def import_resource_choices(user) -> list[tuple[str, str]]:
    """The kinds of records `user` may import: (key, plural name)."""
    return [(key, str(_model(key)._meta.verbose_name_plural).capitalize())
            for key in RESOURCES if _can_import(user, key)]


def resource_columns(resource: str) -> list[tuple[str, bool]]:
    """The column headers a file of this kind uses, and whether each is required."""
    resource_class = RESOURCES[resource]
    required = set(resource_class.required_columns)
    instance = resource_class()
    seen, columns = set(), []
    for field in instance.get_import_fields():
        if field.column_name not in seen:
            seen.add(field.column_name)
            columns.append((field.column_name, field.column_name in required))
    return columns


def import_job_create(*, user, resource: str, file_name: str, content: bytes,
                      validate_only: bool = False, language: str = "") -> ImportJob:
    """Read the file and record the job; run it now, or enqueue it when it is large.
    Raises ValidationError when the file cannot be read, PermissionDenied when the user may
    not add records of that kind."""
    if resource not in RESOURCES:
        raise ValidationError(_("Unknown kind of records: %(resource)s.") % {"resource": resource})
    if not _can_import(user, resource):
        raise PermissionDenied(_("You may not add records of this kind."))
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError(_("The file is larger than %(mb)d MB; split it.")
                              % {"mb": MAX_FILE_BYTES // (1024 * 1024)})
    table = read_table(content, file_name)
    job = ImportJob.objects.create(
        user=user, resource=resource, file_name=file_name[:255], validate_only=validate_only,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        total_rows=len(table.rows),
        payload={"headers": table.headers, "rows": [[number, cells]
                                                    for number, cells in table.rows]},
    )
    if job.total_rows > async_threshold_rows():
        from imports import tasks

        tasks.import_job_run.delay_on_commit(job.pk)
        return job
    return import_job_run(job=job)


def import_job_run(*, job: ImportJob) -> ImportJob:
    """Run a pending job once. A second call (a redelivered task) finds it no longer pending
    and does nothing: the conditional UPDATE decides who runs it. A job still "running" after
    the task time limit lost its worker (the limit killed it, or the machine went down) and
    is taken over; its rows are still in the payload, and nothing of it was committed."""
    now = timezone.now()
    stale = now - timedelta(seconds=getattr(settings, "CELERY_TASK_TIME_LIMIT", 30 * 60))
    claimed = ImportJob.objects.filter(
        Q(status=ImportStatus.PENDING) | Q(status=ImportStatus.RUNNING, started_at__lt=stale),
        pk=job.pk,
    ).update(status=ImportStatus.RUNNING, started_at=now)
    job.refresh_from_db()
    if not claimed:
        return job
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            _run(job)
        except Exception:
            logger.exception("import job %s stopped on an unexpected error", job.pk)
            _finish(job, ImportStatus.FAILED, message=_(
                "The import stopped on an unexpected error and nothing was saved. Please report "
                "it to the registry's administrators."))
    return job


def _run(job: ImportJob) -> None:
    resource = RESOURCES[job.resource](
        user=job.user,
        allowed_division_ids=user_division_ids(job.user) if job.user else None,
    )
    headers = job.payload.get("headers", [])
    rows = job.payload.get("rows", [])
    missing = resource.missing_columns(headers)
    if missing:
        _finish(job, ImportStatus.FAILED, rejected_count=len(rows), errors=[
            {"row": 1, "column": column, "message": _("The file has no column %(column)s.")
             % {"column": column}} for column in missing],
            message=_("Columns are missing; nothing was saved."))
        return
    if not rows:
        _finish(job, ImportStatus.FAILED, message=_("The file has no data rows."))
        return

    records = [dict(zip(headers, cells, strict=False)) for _number, cells in rows]
    resource.prepare(records)
    plans, errors, bad_rows = [], [], set()
    reported = time.monotonic()
    for index, ((number, _cells), values) in enumerate(zip(rows, records, strict=True), 1):
        try:
            plans.append(resource.build(values, number))
        except RowInvalid as invalid:
            bad_rows.add(number)
            errors.extend(_error(number, column, message) for column, message in invalid.errors)
        # Progress once a second: each UPDATE is a commit, which costs a disk flush.
        if time.monotonic() - reported >= PROGRESS_INTERVAL_SECONDS:
            ImportJob.objects.filter(pk=job.pk).update(rows_processed=index)
            reported = time.monotonic()

    if errors:
        _finish(job, ImportStatus.FAILED, errors=errors, rejected_count=len(bad_rows),
                message=_("%(bad)d of %(total)d rows have errors; nothing was saved. Correct "
                          "the file and import it again.")
                % {"bad": len(bad_rows), "total": len(rows)})
        return
    would_create = sum(plan.created for plan in plans)
    if job.validate_only:
        _finish(job, ImportStatus.SUCCEEDED, created_count=would_create,
                updated_count=sum(plan.changed and not plan.created for plan in plans),
                message=_("Every row is valid. Nothing was saved (check only)."))
        return

    try:
        with transaction.atomic():
            created, updated = resource.save_plans(plans)
    except RowInvalid as invalid:
        _finish(job, ImportStatus.FAILED, rejected_count=1,
                errors=[_error(invalid.row_number, column, message)
                        for column, message in invalid.errors],
                message=_("A row was refused while saving; nothing was saved."))
        return
    except IntegrityError:
        logger.warning("import job %s hit a constraint while saving", job.pk, exc_info=True)
        _finish(job, ImportStatus.FAILED, message=_(
            "Records changed in the registry while the file was being imported, so a row now "
            "clashes with one of them; nothing was saved. Import the file again."))
        return
    _finish(job, ImportStatus.SUCCEEDED, created_count=created, updated_count=updated,
            message=_("%(created)d records created, %(updated)d updated, %(unchanged)d "
                      "unchanged.")
            % {"created": created, "updated": updated,
               "unchanged": len(plans) - created - updated})


def _error(row, column, message) -> dict:
    return {"row": row, "column": column, "message": str(message)}


def _finish(job: ImportJob, status: str, **fields) -> None:
    job.status = status
    job.finished_at = timezone.now()
    job.rows_processed = job.total_rows
    job.payload = {}
    for name, value in fields.items():
        setattr(job, name, value)
    job.save()

import logging

from celery import shared_task

from imports import services
from imports.models import ImportJob

logger = logging.getLogger(__name__)


@shared_task(name="imports.import_job_run")
def import_job_run(job_id: int) -> None:
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        logger.warning("import job %s is gone; nothing to run", job_id)
        return
    services.import_job_run(job=job)

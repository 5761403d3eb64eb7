"""Celery tasks of the subsidies app: thin, id-taking wrappers around the services."""

import logging

from celery import shared_task
from django.apps import apps

from subsidies import services

logger = logging.getLogger(__name__)


@shared_task(name="subsidies.grant_propose_for_record")
def grant_propose_for_record(model_label: str, record_id: int) -> dict:
    """Run the engine on one record, named by its model label ("awards.AwardRecord") and id."""
    model = apps.get_model(model_label)
    record = model.objects.filter(pk=record_id).first()
    if record is None:
        logger.warning("%s %s no longer exists; no grant proposed.", model_label, record_id)
        return {"proposed": 0, "already": 0}
    outcome = services.grant_propose_for_record(record=record)
    return {"proposed": len(outcome.proposed), "already": outcome.already}


@shared_task(name="subsidies.grants_reconcile")
def grants_reconcile() -> dict:
    """The nightly sweep: propose whatever a lost task missed."""
    report = services.grants_reconcile()
    logger.info("Subsidy reconciliation: %s", report)
    return report

"""Writes to the award records: admin, API and import all call these."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import AwardProgram, AwardRecord, AwardSession
from awards.signals import record_changed, record_revoking
from core.services import model_save, model_update
from registry.models import RecordStatus
from registry.services import revocation_announce


def award_program_create(**fields) -> AwardProgram:
    return model_save(AwardProgram(**fields), signal=record_changed)


def award_session_create(**fields) -> AwardSession:
    return model_save(AwardSession(**fields), signal=record_changed)


def award_session_update(*, session: AwardSession, **fields) -> AwardSession:
    return model_update(session, fields, signal=record_changed)


def award_record_create(**fields) -> AwardRecord:
    """Create a win or nomination. The subsidies engine hears of it after commit."""
    return model_save(AwardRecord(**fields), signal=record_changed)


def award_record_update(*, record: AwardRecord, **fields) -> AwardRecord:
    return model_update(record, fields, signal=record_changed)


def award_record_revoke(*, record: AwardRecord, revoked_on: date, reason: str) -> AwardRecord:
    """Revocation is a status with a date and reason; the record itself stays."""
    if record.status == RecordStatus.REVOKED:
        raise ValidationError({"status": _("This award record is already revoked.")})
    with transaction.atomic():
        # Higher apps (subsidies) may refuse or follow up before the revocation is saved.
        record_revoking.send(sender=AwardRecord, instance=record, revoked_on=revoked_on,
                             reason=reason)
        return award_record_update(record=record, status=RecordStatus.REVOKED,
                                   revoked_on=revoked_on, revoke_reason=reason)


def record_save(*, instance):
    """Save a record built elsewhere (an admin form, an import row) through the same
    validation and announcement as the named services above."""
    with transaction.atomic():
        revocation_announce(instance=instance, signal=record_revoking)
        return model_save(instance, signal=record_changed)

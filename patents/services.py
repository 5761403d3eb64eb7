"""Writes to patents, China Patent Awards, pledges, transfers and pools."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import model_save, model_update
from core.validators import normalize_patent_number
from patents.models import (
    Patent,
    PatentAward,
    PatentAwardSession,
    PatentPledge,
    PatentPool,
    PatentTransfer,
)
from patents.signals import record_changed, record_revoking
from registry.models import RecordStatus
from registry.services import revocation_announce


def patent_create(*, number: str, holder_enterprises=(), holder_persons=(), **fields) -> Patent:
    patent = Patent(number=normalize_patent_number(number), **fields)
    return model_save(patent, signal=record_changed,
                      m2m={"holder_enterprises": list(holder_enterprises),
                           "holder_persons": list(holder_persons)})


def patent_update(*, patent: Patent, **fields) -> Patent:
    if "number" in fields:
        fields["number"] = normalize_patent_number(fields["number"])
    return model_update(patent, fields, signal=record_changed)


def patent_award_session_create(**fields) -> PatentAwardSession:
    return model_save(PatentAwardSession(**fields), signal=record_changed)


def patent_award_create(**fields) -> PatentAward:
    return model_save(PatentAward(**fields), signal=record_changed)


def patent_award_update(*, award: PatentAward, **fields) -> PatentAward:
    return model_update(award, fields, signal=record_changed)


def patent_award_revoke(*, award: PatentAward, revoked_on: date, reason: str) -> PatentAward:
    if award.status == RecordStatus.REVOKED:
        raise ValidationError({"status": _("This award is already revoked.")})
    with transaction.atomic():
        # Higher apps (subsidies) may refuse or follow up before the revocation is saved.
        record_revoking.send(sender=PatentAward, instance=award, revoked_on=revoked_on,
                             reason=reason)
        return patent_award_update(award=award, status=RecordStatus.REVOKED,
                                   revoked_on=revoked_on, revoke_reason=reason)


def patent_pledge_create(*, patents=(), **fields) -> PatentPledge:
    return model_save(PatentPledge(**fields), signal=record_changed,
                      m2m={"patents": list(patents)})


def patent_pledge_update(*, pledge: PatentPledge, **fields) -> PatentPledge:
    return model_update(pledge, fields, signal=record_changed)


def patent_transfer_create(**fields) -> PatentTransfer:
    return model_save(PatentTransfer(**fields), signal=record_changed)


def patent_pool_create(*, members=(), **fields) -> PatentPool:
    return model_save(PatentPool(**fields), signal=record_changed,
                      m2m={"members": list(members)})


def record_save(*, instance):
    """Save a record built elsewhere (an admin form, an import row) through the same
    validation and announcement as the named services above."""
    with transaction.atomic():
        revocation_announce(instance=instance, signal=record_revoking)
        return model_save(instance, signal=record_changed)

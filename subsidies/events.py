"""Every subscription of the subsidies app, connected in SubsidiesConfig.ready().

1. `record_changed` (registry, awards, patents; sent after commit): a qualifying record was
   created or changed, so the engine runs on it in a Celery task.
2. `record_revoking` (same apps; sent inside the revoke transaction, before the save): a paid
   grant refuses the revocation with a ValidationError; grants not paid yet are withdrawn with
   the revocation's reason, and roll back with it if the revocation fails.
3. Django's `pre_delete` on the three triggering models: a grant cannot PROTECT its record
   through a generic relation, so deleting a record whose grant is paid raises ProtectedError
   (the admin shows it as a message, as it does for a foreign key's PROTECT); grants not paid
   yet are withdrawn. pre_delete runs inside the deletion's transaction, whatever door the
   deletion came through (admin, shell, a cascade).
"""

from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError

TRIGGER_LABELS = ("awards.AwardRecord", "registry.Designation", "patents.PatentAward")


def on_record_changed(sender, instance_id, created, **kwargs):
    from subsidies.services import TRIGGER_MODELS
    from subsidies.tasks import grant_propose_for_record

    if sender in TRIGGER_MODELS:
        grant_propose_for_record.delay_on_commit(sender._meta.label, instance_id)


def on_record_revoking(sender, instance, revoked_on, reason, **kwargs):
    from subsidies.services import TRIGGER_MODELS, grants_release_record

    if sender not in TRIGGER_MODELS:
        return
    try:
        grants_release_record(
            record=instance,
            reason=_("The record was revoked on %(date)s: %(reason)s")
            % {"date": revoked_on, "reason": reason or _("no reason given")})
    except ApplicationError as error:
        raise ValidationError({"status": error.message}) from error


def on_record_deleting(sender, instance, **kwargs):
    from subsidies.models import SubsidyGrant
    from subsidies.services import grants_release_record

    try:
        grants_release_record(record=instance, reason=_("The record was deleted."))
    except ApplicationError as error:
        paid = SubsidyGrant.objects.filter(pk__in=error.extra.get("grants", []))
        raise ProtectedError(error.message, set(paid)) from error


def connect():
    from django.apps import apps

    from awards.signals import record_changed as award_changed
    from awards.signals import record_revoking as award_revoking
    from patents.signals import record_changed as patent_changed
    from patents.signals import record_revoking as patent_revoking
    from registry.signals import record_changed as registry_changed
    from registry.signals import record_revoking as registry_revoking

    for signal in (award_changed, patent_changed, registry_changed):
        signal.connect(on_record_changed, dispatch_uid=f"subsidies-changed-{id(signal)}")
    for signal in (award_revoking, patent_revoking, registry_revoking):
        signal.connect(on_record_revoking, dispatch_uid=f"subsidies-revoking-{id(signal)}")
    for label in TRIGGER_LABELS:
        pre_delete.connect(on_record_deleting, sender=apps.get_model(label),
                           dispatch_uid=f"subsidies-deleting-{label}")

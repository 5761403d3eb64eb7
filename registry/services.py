"""Writes to the registry: every door (admin, API, import) goes through these."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import model_save, model_update
from core.validators import normalize_uscc
from registry.models import (
    Designation,
    Division,
    Enterprise,
    GIAuthorization,
    GIProduct,
    Person,
    ProvincialFigure,
    RecordStatus,
)
from registry.signals import record_changed, record_revoking


def enterprise_create(*, name: str, uscc: str, division: Division, **fields) -> Enterprise:
    enterprise = Enterprise(name=name, uscc=normalize_uscc(uscc), division=division, **fields)
    return model_save(enterprise, signal=record_changed)


def enterprise_update(*, enterprise: Enterprise, **fields) -> Enterprise:
    if "uscc" in fields:
        fields["uscc"] = normalize_uscc(fields["uscc"])
    return model_update(enterprise, fields, signal=record_changed)


def enterprise_get_or_create(*, uscc: str, name: str, division: Division, **fields
                             ) -> tuple[Enterprise, bool]:
    """Match an enterprise by USCC (never by name); create it when unknown."""
    existing = Enterprise.objects.filter(uscc=normalize_uscc(uscc)).first()
    if existing:
        return existing, False
    return enterprise_create(name=name, uscc=uscc, division=division, **fields), True


def person_create(*, name: str, division: Division, **fields) -> Person:
    return model_save(Person(name=name, division=division, **fields), signal=record_changed)


def person_update(*, person: Person, **fields) -> Person:
    return model_update(person, fields, signal=record_changed)


def designation_create(**fields) -> Designation:
    return model_save(Designation(**fields), signal=record_changed)


def designation_update(*, designation: Designation, **fields) -> Designation:
    return model_update(designation, fields, signal=record_changed)


def designation_revoke(*, designation: Designation, revoked_on: date, reason: str) -> Designation:
    if designation.status == RecordStatus.REVOKED:
        raise ValidationError({"status": _("This designation is already revoked.")})
    with transaction.atomic():
        # Higher apps (subsidies) may refuse or follow up before the revocation is saved.
        record_revoking.send(sender=Designation, instance=designation, revoked_on=revoked_on,
                             reason=reason)
        return designation_update(designation=designation, status=RecordStatus.REVOKED,
                                  revoked_on=revoked_on, revoke_reason=reason)


def gi_product_create(*, divisions=(), **fields) -> GIProduct:
    return model_save(GIProduct(**fields), signal=record_changed,
                      m2m={"divisions": list(divisions)})


def gi_product_update(*, product: GIProduct, **fields) -> GIProduct:
    return model_update(product, fields, signal=record_changed)


def gi_authorization_create(**fields) -> GIAuthorization:
    return model_save(GIAuthorization(**fields), signal=record_changed)


def provincial_figure_set(*, division: Division, key: str, year: int, value, source: str = ""
                          ) -> ProvincialFigure:
    """Create or replace the published value of a figure for a city and year. Setting the
    value it already has writes nothing, so no empty history row appears."""
    figure = ProvincialFigure.objects.filter(division=division, key=key, year=year).first()
    if figure is None:
        figure = ProvincialFigure(division=division, key=key, year=year)
    elif figure.value == Decimal(str(value)) and (not source or source == figure.source):
        return figure
    figure.value, figure.source = value, source or figure.source
    return model_save(figure, signal=record_changed)


def revocation_announce(*, instance, signal) -> None:
    """Send `signal` (an app's record_revoking) when an in-force record is about to be saved
    as revoked by a form or an import rather than by a revoke service. Call it inside the
    transaction that saves the record, so a receiver's refusal or follow-up rolls back with it."""
    if getattr(instance, "status", None) != RecordStatus.REVOKED or instance.pk is None:
        return
    stored = (type(instance).objects.filter(pk=instance.pk)
              .values_list("status", flat=True).first())
    if stored is not None and stored != RecordStatus.REVOKED:
        signal.send(sender=type(instance), instance=instance, revoked_on=instance.revoked_on,
                    reason=instance.revoke_reason)


def record_save(*, instance):
    """Save a record built elsewhere (an admin form, an import row) through the same
    validation and announcement as the named services above."""
    with transaction.atomic():
        revocation_announce(instance=instance, signal=record_revoking)
        return model_save(instance, signal=record_changed)

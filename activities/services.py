"""Writes to credit lines, support visits, characteristic products, exhibitions and IP
protection cases. Each validates (full_clean), saves and announces record_changed after commit."""

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from activities.models import (
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    SupportVisit,
)
from activities.signals import record_changed
from core.services import model_save, model_update


def credit_line_create(**fields) -> CreditLine:
    return model_save(CreditLine(**fields), signal=record_changed)


def support_visit_create(**fields) -> SupportVisit:
    return model_save(SupportVisit(**fields), signal=record_changed)


def characteristic_product_create(**fields) -> CharacteristicProduct:
    return model_save(CharacteristicProduct(**fields), signal=record_changed)


def characteristic_products_bulk_create(*, products: list[CharacteristicProduct]
                                        ) -> list[CharacteristicProduct]:
    """Validate every product, then insert them (and their history rows) in batches: a
    yearly list of a thousand products is one import, not a thousand round trips. One
    announcement for the lot."""
    for product in products:
        # Uniqueness is left to the database constraint: one query per row would undo the batch.
        product.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        created = bulk_create_with_history(products, CharacteristicProduct, batch_size=500)
        transaction.on_commit(lambda: record_changed.send(
            sender=CharacteristicProduct, instance_id=None, created=None))
    return created


def exhibition_create(**fields) -> Exhibition:
    return model_save(Exhibition(**fields), signal=record_changed)


def enforcement_case_create(**fields) -> EnforcementCase:
    return model_save(EnforcementCase(**fields), signal=record_changed)


def enforcement_case_update(*, case: EnforcementCase, **fields) -> EnforcementCase:
    return model_update(case, fields, signal=record_changed)


def record_save(*, instance):
    """Save a record built elsewhere (an admin form) through the same validation and
    announcement as the named services above."""
    return model_save(instance, signal=record_changed)

"""Validation of the activities' records through their services."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from activities.models import CaseKind, CaseSubject, CharacteristicProduct, ProductKind
from activities.services import (
    characteristic_product_create,
    characteristic_products_bulk_create,
    credit_line_create,
    enforcement_case_create,
    exhibition_create,
)
from activities.signals import record_changed
from tests.activities.factories import CreditLineFactory
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def _case(division, **fields):
    values = dict(case_number="测试裁〔2024〕001号", kind=CaseKind.ADJUDICATION,
                  subject=CaseSubject.PATENT, opened_on=date(2024, 3, 1), division=division,
                  source="test")
    values.update(fields)
    return values


def test_it_refuses_a_credit_line_without_a_positive_amount():
    with pytest.raises(ValidationError) as error:
        credit_line_create(enterprise=EnterpriseFactory(), bank="测试银行", amount=Decimal("0"),
                           granted_on=date(2024, 1, 2))
    assert "amount" in error.value.message_dict


def test_the_database_refuses_a_negative_amount_whatever_path_writes_it():
    line = CreditLineFactory()
    line.amount = Decimal("-1.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()


def test_it_refuses_a_date_in_the_future(division):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        exhibition_create(title="测试展", held_on=tomorrow, division=division("370783"))
    assert "held_on" in error.value.message_dict


def test_it_refuses_a_ruling_on_a_case_that_is_not_an_adjudication(division):
    with pytest.raises(ValidationError) as error:
        enforcement_case_create(**_case(division("370783"), kind=CaseKind.ENFORCEMENT,
                                        ruling_issued_on=date(2024, 4, 1)))
    assert "ruling_issued_on" in error.value.message_dict


def test_it_refuses_a_case_closed_before_it_was_opened(division):
    with pytest.raises(ValidationError) as error:
        enforcement_case_create(**_case(division("370783"), closed_on=date(2024, 2, 1)))
    assert "closed_on" in error.value.message_dict


def test_it_refuses_a_second_case_with_the_same_number(division):
    enforcement_case_create(**_case(division("370783")))
    with pytest.raises(ValidationError) as error:
        enforcement_case_create(**_case(division("370781")))
    assert "case_number" in error.value.message_dict


def test_it_refuses_an_enterprises_product_in_another_division(division):
    enterprise = EnterpriseFactory()  # 寿光市
    with pytest.raises(ValidationError) as error:
        characteristic_product_create(name="测试产品", kind=ProductKind.HANDICRAFT,
                                      enterprise=enterprise, division=division("370781"),
                                      recognised_on=date(2024, 1, 2))
    assert "division" in error.value.message_dict


def test_it_announces_a_bulk_creation_once_after_commit(division, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, **kwargs):
        received.append(sender)

    record_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            characteristic_products_bulk_create(products=[
                CharacteristicProduct(name=f"测试产品{i}", kind=ProductKind.FARM_PRODUCT,
                                      division=division("370783"),
                                      recognised_on=date(2024, 1, 2))
                for i in range(3)])
    finally:
        record_changed.disconnect(receiver)
    assert received == [CharacteristicProduct]
    assert CharacteristicProduct.objects.count() == 3
    assert CharacteristicProduct.history.count() == 3

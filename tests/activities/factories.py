from datetime import date
from decimal import Decimal

import factory

from activities.models import (
    CaseKind,
    CaseSubject,
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    ProductKind,
    SupportKind,
    SupportVisit,
)
from registry.models import Division
from tests.registry.factories import EnterpriseFactory


def _division(code):
    return factory.LazyFunction(lambda: Division.objects.get(code=code))


class CreditLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditLine

    enterprise = factory.SubFactory(EnterpriseFactory)
    bank = factory.Sequence(lambda n: f"测试银行{n}")
    product = "质量贷"
    amount = Decimal("1000000.00")
    granted_on = date(2024, 5, 6)
    source = "test"


class SupportVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportVisit

    enterprise = factory.SubFactory(EnterpriseFactory)
    kind = SupportKind.ON_SITE_HELP
    visited_on = factory.Sequence(lambda n: date(2024, 1, 1 + n % 28))
    source = "test"


class CharacteristicProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharacteristicProduct

    name = factory.Sequence(lambda n: f"测试特色产品{n}")
    kind = ProductKind.HANDICRAFT
    division = _division("370783")
    recognised_on = date(2024, 3, 4)
    source = "test"


class ExhibitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibition

    title = factory.Sequence(lambda n: f"测试特色产品展{n}")
    held_on = date(2024, 6, 7)
    venue = "测试展馆"
    division = _division("370783")
    source = "test"


class EnforcementCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnforcementCase

    case_number = factory.Sequence(lambda n: f"测试案〔2024〕{n:04d}号")
    kind = CaseKind.ENFORCEMENT
    subject = CaseSubject.PATENT
    opened_on = date(2024, 2, 3)
    division = _division("370783")
    outcome = "当事人甲某某,罚款"
    source = "test"

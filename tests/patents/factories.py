"""Factories for patents, China Patent Awards and pledges. A patent is a valid invention granted
in 2020; give `holder_enterprises=[...]` / `holder_persons=[...]` to set its holders."""

from datetime import date
from decimal import Decimal

import factory

from core.validators import make_patent_number
from patents.models import (
    Patent,
    PatentAward,
    PatentAwardLevel,
    PatentAwardSession,
    PatentPledge,
    PatentStatus,
    PatentType,
)
from tests.registry.factories import EnterpriseFactory

_TYPE_DIGITS = {PatentType.INVENTION: "1", PatentType.UTILITY_MODEL: "2", PatentType.DESIGN: "3"}


class PatentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patent
        skip_postgeneration_save = True

    type = PatentType.INVENTION
    number = factory.LazyAttributeSequence(
        lambda o, n: make_patent_number(f"{o.filed_on.year}{_TYPE_DIGITS[o.type]}{n:07d}"))
    title = factory.Sequence(lambda n: f"一种测试装置{n}")
    filed_on = date(2018, 3, 1)
    granted_on = date(2020, 6, 1)
    status = PatentStatus.VALID
    status_changed_on = None
    source = "test"

    @factory.post_generation
    def holder_enterprises(self, create, extracted, **kwargs):
        if create and extracted:
            self.holder_enterprises.set(extracted)

    @factory.post_generation
    def holder_persons(self, create, extracted, **kwargs):
        if create and extracted:
            self.holder_persons.set(extracted)


class PatentAwardSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PatentAwardSession
        django_get_or_create = ("number",)

    number = 25
    decided_on = date(2024, 7, 19)
    source = "test"


class PatentAwardFactory(factory.django.DjangoModelFactory):
    """An excellence award of the 25th session to an enterprise holding the patent."""

    class Meta:
        model = PatentAward

    session = factory.SubFactory(PatentAwardSessionFactory)
    level = PatentAwardLevel.EXCELLENCE
    enterprise = factory.SubFactory(EnterpriseFactory)
    person = None
    patent = factory.LazyAttribute(
        lambda o: PatentFactory(holder_enterprises=[o.enterprise] if o.enterprise else []))
    source = "test"


class PatentPledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PatentPledge

    registration_number = factory.Sequence(lambda n: f"Y2024370700{n:05d}")
    pledgor = factory.SubFactory(EnterpriseFactory)
    pledgee = "测试银行"
    amount = Decimal("1000000.00")
    registered_on = date(2024, 3, 1)
    source = "test"

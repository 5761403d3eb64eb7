"""Factories for award sessions and records. A session defaults to the Governor's Quality Award;
give `program=` and `announced_on=` for another."""

from datetime import date

import factory

from awards.models import AwardProgram, AwardRecord, AwardSession, Tier
from tests.registry.factories import EnterpriseFactory


def _program(code):
    return factory.LazyFunction(lambda: AwardProgram.objects.get(code=code))


class AwardSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardSession

    program = _program("governor_quality_award")
    number = factory.Sequence(lambda n: n + 1)
    announced_on = date(2024, 11, 20)
    year = factory.LazyAttribute(lambda o: o.announced_on.year)
    source = "test"


class AwardRecordFactory(factory.django.DjangoModelFactory):
    """A win of an enterprise; pass `person=` and `enterprise=None` for an individual."""

    class Meta:
        model = AwardRecord

    session = factory.SubFactory(AwardSessionFactory)
    tier = Tier.WINNER
    enterprise = factory.SubFactory(EnterpriseFactory)
    person = None
    source = "test"

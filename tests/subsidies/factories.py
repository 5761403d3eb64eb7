"""Factories for subsidies and the records that trigger them."""

from datetime import date
from decimal import Decimal

import factory

from awards.models import AwardProgram, AwardSession
from patents.models import Patent, PatentAwardSession
from registry.models import DesignationList, Division
from subsidies.models import EligibleAwardees, SubsidyPolicy, SubsidyRule, Trigger


class SubsidyPolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubsidyPolicy

    title = factory.Sequence(lambda n: f"测试奖励办法{n}")
    document_number = factory.Sequence(lambda n: f"潍政发〔2012〕{n}号")
    issuer = "潍坊市人民政府"
    division = factory.LazyFunction(lambda: Division.objects.get(code="370700"))
    effective_from = date(2012, 1, 1)
    effective_to = None
    source = "test"


class SubsidyRuleFactory(factory.django.DjangoModelFactory):
    """An award rule by default: the first China Quality Award win, 1,000,000 yuan."""

    class Meta:
        model = SubsidyRule

    policy = factory.SubFactory(SubsidyPolicyFactory)
    title = factory.Sequence(lambda n: f"测试规则{n}")
    trigger = Trigger.AWARD
    award_program = factory.LazyFunction(
        lambda: AwardProgram.objects.get(code="china_quality_award"))
    award_tier = "winner"
    amount = Decimal("1000000.00")
    first_time_only = True
    eligible_awardees = EligibleAwardees.ENTERPRISES
    source = "test"

    class Params:
        designation = factory.Trait(
            trigger=Trigger.DESIGNATION, award_program=None, award_tier="",
            designation_list=factory.LazyFunction(
                lambda: DesignationList.objects.get(code="good_products_shandong")),
            amount=Decimal("200000.00"), first_time_only=False)
        patent_award = factory.Trait(
            trigger=Trigger.PATENT_AWARD, award_program=None, award_tier="",
            patent_award_level="gold", amount=Decimal("1000000.00"), first_time_only=False,
            eligible_awardees=EligibleAwardees.BOTH)


class AwardSessionFactory(factory.django.DjangoModelFactory):
    """A China Quality Award session; pass `program` and a date for others."""

    class Meta:
        model = AwardSession
        django_get_or_create = ("program", "number")

    program = factory.LazyFunction(lambda: AwardProgram.objects.get(code="china_quality_award"))
    number = factory.Sequence(lambda n: n + 1)
    announced_on = date(2018, 3, 25)
    year = factory.LazyAttribute(lambda o: o.announced_on.year)
    source = "test"


class PatentAwardSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PatentAwardSession
        django_get_or_create = ("number",)

    number = 24
    decided_on = date(2023, 7, 21)
    source = "test"


class PatentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patent

    number = factory.Sequence(lambda n: _invention_number(n))
    type = "invention"
    title = factory.Sequence(lambda n: f"测试发明{n}")
    filed_on = date(2016, 10, 28)
    granted_on = date(2019, 1, 4)
    source = "test"


def _invention_number(n: int) -> str:
    from core.validators import patent_check_digit

    digits = f"20161{n:07d}"
    return f"ZL{digits}.{patent_check_digit(digits)}"

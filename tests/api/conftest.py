"""Fixtures for the API tests: a client, tokens of each scope, and a few records of every
resource (created with the ORM: these tests read them, the write tests go through the API)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from tests.registry.factories import (
    DesignationFactory,
    EnterpriseFactory,
    GIProductFactory,
    PersonFactory,
)
from tests.subsidies.factories import (
    AwardSessionFactory,
    PatentAwardSessionFactory,
    PatentFactory,
    SubsidyRuleFactory,
)

PRIVATE_ID_NUMBER = "11010519491231002X"
PRIVATE_PHONE = "13905361234"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def issue_token(db, superuser):
    """issue_token("write", expires_at=..., allowed_networks=..., revoked=True) -> secret."""
    from django.utils import timezone

    from core.models import APIToken
    from core.services import api_token_issue

    def issue(scope="public_read", *, revoked=False, **fields):
        token = APIToken(name=f"{scope} token", agency="市统计局", owner=superuser,
                         scope=scope, **fields)
        secret = api_token_issue(token=token)
        if revoked:
            APIToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        return secret

    return issue


@pytest.fixture
def token_client(issue_token):
    """token_client("write") -> an APIClient sending that scope's token."""

    def make(scope="public_read", **fields):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(scope, **fields)}")
        return client

    return make


@pytest.fixture
def records(db, weifang, division):
    """Three rows of every resource, each with its related rows and many-to-many holders, so
    a page of 1 and a page of 100 differ."""
    from awards.models import AwardProgram, AwardRecord
    from patents.models import PatentAward, PatentPledge, PatentTransfer
    from registry.models import ProvincialFigure
    from subsidies.models import SubsidyGrant

    enterprises = EnterpriseFactory.create_batch(3, contact_person="张经理",
                                                 contact_phone="05362222222")
    persons = [PersonFactory(id_number=PRIVATE_ID_NUMBER, phone=PRIVATE_PHONE,
                             employer=enterprises[0]),
               PersonFactory(), PersonFactory()]
    governor = AwardProgram.objects.get(code="governor_quality_award")
    sessions = [AwardSessionFactory(program=governor, number=n,
                                    announced_on=date(2020 + n, 11, 20)) for n in (1, 2, 3)]
    awards = [AwardRecord.objects.create(session=session, tier="winner", enterprise=enterprise,
                                         source="test")
              for session, enterprise in zip(sessions, enterprises, strict=True)]
    AwardRecord.objects.create(session=sessions[0], tier="winner", person=persons[0],
                               source="test")
    for enterprise in enterprises:
        DesignationFactory(enterprise=enterprise)
        GIProductFactory().divisions.set([weifang, division("370783")])
    patents = PatentFactory.create_batch(3)
    for patent, enterprise, person in zip(patents, enterprises, persons, strict=True):
        patent.holder_enterprises.set([enterprise])
        patent.holder_persons.set([person])
    patent_session = PatentAwardSessionFactory(number=24, decided_on=date(2023, 7, 21))
    for patent, enterprise in zip(patents, enterprises, strict=True):
        PatentAward.objects.create(session=patent_session, level="excellence", patent=patent,
                                   enterprise=enterprise, source="test")
        pledge = PatentPledge.objects.create(
            registration_number=f"Y2024370000{patent.pk:04d}", pledgor=enterprise,
            pledgee="潍坊银行", amount=Decimal("5000000.00"), registered_on=date(2024, 3, 1))
        pledge.patents.set([patent])
        PatentTransfer.objects.create(patent=patent, kind="assignment",
                                      from_enterprise=enterprise, to_name="=HYPERLINK(1)",
                                      recorded_on=date(2024, 4, 1))
    for code, value in (("370200", 10), ("370600", 12), ("370100", 30)):
        ProvincialFigure.objects.create(division=division(code), key="gi_products.total",
                                        year=2024, value=value)
    rules = [SubsidyRuleFactory(award_program=governor), SubsidyRuleFactory(designation=True),
             SubsidyRuleFactory(patent_award=True)]
    award_type = ContentType.objects.get_for_model(AwardRecord)
    for rule, award, status in zip(rules, awards, ("approved", "paid", "proposed"),
                                   strict=True):
        paid = {"paid_on": date(2024, 6, 1), "payment_reference": "CZ-1"} \
            if status == "paid" else {}
        SubsidyGrant.objects.create(rule=rule, enterprise=award.enterprise,
                                    content_type=award_type, object_id=award.pk,
                                    record_label=str(award), record_date=date(2024, 1, 1),
                                    amount=Decimal("100000.00"), fiscal_year=2024,
                                    status=status, **paid)
    return {"enterprises": enterprises, "persons": persons, "awards": awards,
            "patents": patents}


@pytest.fixture
def yesterday():
    from django.utils import timezone

    return timezone.now() - timedelta(days=1)

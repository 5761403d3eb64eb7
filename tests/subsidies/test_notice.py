from datetime import date

import pytest

from subsidies.selectors import grant_public_notice_list
from subsidies.services import grant_approve, grant_pay, grant_propose_for_record
from tests.registry.factories import EnterpriseFactory, PersonFactory
from tests.subsidies.factories import (
    PatentAwardSessionFactory,
    PatentFactory,
    SubsidyRuleFactory,
)

pytestmark = pytest.mark.django_db


def _patent_award(awardee, level="gold"):
    from patents.services import patent_award_create

    key = "person" if hasattr(awardee, "id_number") else "enterprise"
    return patent_award_create(session=PatentAwardSessionFactory(), level=level,
                               patent=PatentFactory(), source="test", **{key: awardee})


def test_the_public_notice_lists_approved_and_paid_grants_only(bureau_user):
    SubsidyRuleFactory(patent_award=True)
    approved, paid, proposed = (
        grant_propose_for_record(record=_patent_award(EnterpriseFactory())).proposed[0]
        for _ in range(3))
    grant_approve(grant=approved, user=bureau_user)
    grant_approve(grant=paid, user=bureau_user)
    grant_pay(grant=paid, user=bureau_user, payment_reference="P-1", paid_on=date(2024, 1, 2))

    assert {g.pk for g in grant_public_notice_list()} == {approved.pk, paid.pk}
    assert proposed.pk not in {g.pk for g in grant_public_notice_list()}


def test_the_public_notice_names_an_individual_and_loads_no_private_data(
        bureau_user, django_assert_max_num_queries):
    SubsidyRuleFactory(patent_award=True)
    person = PersonFactory(id_number="370783199001011234", phone="13912345678")
    for awardee in [person] + [EnterpriseFactory() for _ in range(5)]:
        grant = grant_propose_for_record(record=_patent_award(awardee)).proposed[0]
        grant_approve(grant=grant, user=bureau_user)

    # 1) the grants joined with rule, policy, enterprise and person
    with django_assert_max_num_queries(1):
        rows = [(g.person.name if g.person_id else g.enterprise.name, str(g.rule), g.amount,
                 g.record_label, g.record_date) for g in grant_public_notice_list()]
    assert len(rows) == 6
    notice_person = next(g for g in grant_public_notice_list() if g.person_id).person
    assert notice_person.name == person.name
    assert {"id_number", "phone"} & set(notice_person.__dict__) == set()

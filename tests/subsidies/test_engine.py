from datetime import date
from decimal import Decimal

import pytest

from awards.services import award_record_revoke
from patents.services import patent_award_create
from registry.services import designation_create
from subsidies.models import GrantStatus, SubsidyGrant
from subsidies.services import grant_propose_for_record
from tests.registry.factories import EnterpriseFactory
from tests.subsidies.factories import (
    PatentAwardSessionFactory,
    PatentFactory,
    SubsidyPolicyFactory,
    SubsidyRuleFactory,
)

pytestmark = pytest.mark.django_db


def test_it_proposes_one_grant_of_the_rules_amount_when_a_record_is_entered(
        enterprise, award_record, eager_celery, django_capture_on_commit_callbacks):
    rule = SubsidyRuleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        record = award_record(enterprise)

    grant = SubsidyGrant.objects.get()
    assert (grant.rule, grant.record, grant.enterprise) == (rule, record, enterprise)
    assert grant.amount == Decimal("1000000.00")
    assert grant.status == GrantStatus.PROPOSED
    assert grant.fiscal_year == 2018
    assert grant.record_date == date(2018, 3, 25)
    assert "中国质量奖" in grant.record_label


def test_a_second_win_of_a_first_time_only_program_proposes_nothing(enterprise, award_record):
    SubsidyRuleFactory()
    first = award_record(enterprise, number=3, on=date(2018, 3, 25))
    second = award_record(enterprise, number=5, on=date(2023, 3, 27))

    assert len(grant_propose_for_record(record=second).proposed) == 0
    assert len(grant_propose_for_record(record=first).proposed) == 1
    assert list(SubsidyGrant.objects.values_list("object_id", flat=True)) == [first.pk]


def test_the_same_awardee_winning_again_is_paid_when_the_rule_pays_every_win(
        enterprise, award_record):
    SubsidyRuleFactory(first_time_only=False)
    award_record(enterprise, number=3, on=date(2018, 3, 25))
    second = award_record(enterprise, number=5, on=date(2023, 3, 27))

    assert len(grant_propose_for_record(record=second).proposed) == 1


def test_an_earlier_nomination_does_not_make_a_win_a_second_one(enterprise, award_record):
    SubsidyRuleFactory()
    award_record(enterprise, number=2, on=date(2016, 3, 29), tier="nomination")
    win = award_record(enterprise, number=3, on=date(2018, 3, 25))

    assert len(grant_propose_for_record(record=win).proposed) == 1


def test_a_rule_outside_its_validity_dates_pays_nothing(enterprise, award_record):
    SubsidyRuleFactory(policy=SubsidyPolicyFactory(effective_from=date(2019, 1, 1)))
    SubsidyRuleFactory(policy=SubsidyPolicyFactory(effective_from=date(2012, 1, 1),
                                                   effective_to=date(2017, 12, 31)))
    record = award_record(enterprise, on=date(2018, 3, 25))

    assert grant_propose_for_record(record=record).proposed == []
    assert not SubsidyGrant.objects.exists()


def test_a_rule_in_force_on_the_records_date_pays_on_its_last_day(enterprise, award_record):
    SubsidyRuleFactory(policy=SubsidyPolicyFactory(effective_from=date(2016, 1, 1),
                                                   effective_to=date(2018, 3, 25)))
    record = award_record(enterprise, on=date(2018, 3, 25))

    assert len(grant_propose_for_record(record=record).proposed) == 1


def test_a_nomination_does_not_trigger_a_rule_for_winners(enterprise, award_record):
    SubsidyRuleFactory()
    record = award_record(enterprise, tier="nomination")

    assert grant_propose_for_record(record=record).proposed == []


def test_a_person_gets_nothing_from_a_rule_for_enterprises(person, award_record):
    SubsidyRuleFactory()
    record = award_record(person)

    assert grant_propose_for_record(record=record).proposed == []


def test_a_city_pays_only_awardees_of_its_own_divisions(award_record, division):
    SubsidyRuleFactory()
    jinan_enterprise = EnterpriseFactory(division=division("370100"))
    record = award_record(jinan_enterprise)

    assert grant_propose_for_record(record=record).proposed == []


def test_a_revoked_record_proposes_nothing(enterprise, award_record):
    SubsidyRuleFactory()
    record = award_record(enterprise)
    award_record_revoke(record=record, revoked_on=date(2019, 1, 1), reason="test")

    assert grant_propose_for_record(record=record).proposed == []


def test_running_the_engine_twice_on_a_record_leaves_one_grant(enterprise, award_record):
    SubsidyRuleFactory()
    record = award_record(enterprise)

    first = grant_propose_for_record(record=record)
    second = grant_propose_for_record(record=record)

    assert (len(first.proposed), first.already) == (1, 0)
    assert (len(second.proposed), second.already) == (0, 1)
    assert SubsidyGrant.objects.count() == 1


def test_a_new_good_products_shandong_brand_earns_its_grant(enterprise):
    rule = SubsidyRuleFactory(designation=True)
    from registry.models import DesignationList

    designation = designation_create(
        designation_list=DesignationList.objects.get(code="good_products_shandong"),
        enterprise=enterprise, brand="寿光蔬菜", year=2024, batch=3,
        designated_on=date(2024, 5, 10), source="test")

    proposed = grant_propose_for_record(record=designation).proposed
    assert [(g.rule, g.amount, g.fiscal_year) for g in proposed] == [
        (rule, Decimal("200000.00"), 2024)]


def test_a_china_patent_gold_award_to_an_individual_earns_its_grant(person):
    SubsidyRuleFactory(patent_award=True)
    SubsidyRuleFactory(patent_award=True, patent_award_level="silver",
                       amount=Decimal("600000.00"))
    award = patent_award_create(session=PatentAwardSessionFactory(), level="gold",
                                patent=PatentFactory(), person=person, source="test")

    proposed = grant_propose_for_record(record=award).proposed
    assert [(g.person, g.amount, g.fiscal_year) for g in proposed] == [
        (person, Decimal("1000000.00"), 2023)]

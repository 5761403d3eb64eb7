"""The activities' figures on small hand-built data, through figures_as_of and the selectors."""

from datetime import date
from decimal import Decimal

import pytest

from activities.models import CaseKind, ProductKind, SupportKind
from activities.selectors import credit_figures
from figures.selectors import FIGURES, figure_value, figures_as_of
from patents.models import PatentPool, PatentTransfer, TransferKind
from registry.selectors import division_subtree_ids
from tests.activities.factories import (
    CharacteristicProductFactory,
    CreditLineFactory,
    EnforcementCaseFactory,
    ExhibitionFactory,
    SupportVisitFactory,
)
from tests.patents.factories import PatentFactory
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

D = date(2024, 12, 16)
AFTER_D = date(2025, 1, 5)
ZONE = "370790"  # 高新区: no GB/T 2260 code, but part of the city


def _transfer(**fields):
    return PatentTransfer.objects.create(patent=PatentFactory(), kind=TransferKind.ASSIGNMENT,
                                         **fields)


def test_it_counts_distinct_enterprises_given_credit_and_sums_every_line(weifang):
    twice = EnterpriseFactory()
    CreditLineFactory(enterprise=twice, amount=Decimal("100.50"))
    CreditLineFactory(enterprise=twice, amount=Decimal("200.25"))
    CreditLineFactory(amount=Decimal("1000.00"))

    values = figures_as_of(as_of=D, division=weifang)

    assert values["quality_credit.enterprises"] == 2
    assert values["quality_credit.amount_yuan"] == Decimal("1300.75")


def test_it_does_not_count_records_dated_after_the_as_of_date(weifang):
    CreditLineFactory(granted_on=AFTER_D)
    SupportVisitFactory(visited_on=AFTER_D)
    CharacteristicProductFactory(recognised_on=AFTER_D)
    ExhibitionFactory(held_on=AFTER_D)
    EnforcementCaseFactory(opened_on=AFTER_D)

    before = figures_as_of(as_of=D, division=weifang)
    after = figures_as_of(as_of=AFTER_D, division=weifang)

    keys = ["quality_credit.enterprises", "support.on_site_enterprises",
            "characteristic_products.total", "exhibitions.count", "enforcement.cases"]
    assert [before[key] for key in keys] == [0, 0, 0, 0, 0]
    assert [after[key] for key in keys] == [1, 1, 1, 1, 1]
    assert before["quality_credit.amount_yuan"] == Decimal("0.00")


def test_a_zones_records_count_for_the_city_and_not_for_a_county(weifang, division):
    zone = division(ZONE)
    CharacteristicProductFactory(division=zone)
    ExhibitionFactory(division=zone)
    EnforcementCaseFactory(division=zone, kind=CaseKind.UNLICENSED_AGENCY)
    SupportVisitFactory(enterprise=EnterpriseFactory(division=zone))

    city = figures_as_of(as_of=D, division=weifang)
    county = figures_as_of(as_of=D, division=division("370783"))

    assert (city["characteristic_products.total"], city["exhibitions.count"],
            city["unlicensed_agency.acts"], city["support.on_site_enterprises"]) == (1, 1, 1, 1)
    assert (county["characteristic_products.total"], county["exhibitions.count"],
            county["unlicensed_agency.acts"], county["support.on_site_enterprises"]) == (
        0, 0, 0, 0)


def test_another_citys_records_do_not_count(weifang, division):
    jinan = division("370100")
    CreditLineFactory(enterprise=EnterpriseFactory(division=jinan))
    ExhibitionFactory(division=jinan)

    values = figures_as_of(as_of=D, division=weifang)

    assert values["quality_credit.enterprises"] == 0
    assert values["exhibitions.count"] == 0


def test_it_counts_enterprises_helped_on_site_and_given_a_manual_once_each(weifang):
    enterprise = EnterpriseFactory()
    SupportVisitFactory(enterprise=enterprise, visited_on=date(2024, 3, 1))
    SupportVisitFactory(enterprise=enterprise, visited_on=date(2024, 9, 1))
    SupportVisitFactory(enterprise=enterprise, kind=SupportKind.POLICY_MANUAL,
                        visited_on=date(2024, 4, 1))
    SupportVisitFactory(enterprise=enterprise, kind=SupportKind.POLICY_MANUAL,
                        visited_on=date(2024, 10, 1))
    SupportVisitFactory(kind=SupportKind.POLICY_MANUAL)

    values = figures_as_of(as_of=D, division=weifang)

    assert values["support.on_site_enterprises"] == 1
    assert values["support.policy_manuals"] == 2


def test_it_counts_adjudications_and_the_rulings_issued_by_the_as_of_date(weifang):
    EnforcementCaseFactory(kind=CaseKind.ADJUDICATION, ruling_issued_on=date(2024, 5, 1))
    EnforcementCaseFactory(kind=CaseKind.ADJUDICATION, ruling_issued_on=AFTER_D)
    EnforcementCaseFactory(kind=CaseKind.ADJUDICATION)
    EnforcementCaseFactory(kind=CaseKind.ENFORCEMENT)

    values = figures_as_of(as_of=D, division=weifang)

    assert values["adjudication.cases"] == 3
    assert values["adjudication.rulings"] == 1
    assert values["enforcement.cases"] == 1
    assert values["unlicensed_agency.acts"] == 0
    assert figure_value(key="adjudication.rulings", as_of=AFTER_D, division=weifang) == 2


def test_it_counts_every_kind_of_characteristic_product(weifang):
    for kind in ProductKind:
        CharacteristicProductFactory(kind=kind)

    assert figure_value(key="characteristic_products.total", as_of=D,
                        division=weifang) == len(ProductKind)


def test_it_counts_pools_by_their_lead_and_members_where_they_are(weifang, division):
    shouguang, qingzhou = division("370783"), division("370781")
    lead = EnterpriseFactory(division=shouguang)
    elsewhere = EnterpriseFactory(division=qingzhou)
    pool = PatentPool.objects.create(name="测试专利池", lead_enterprise=lead,
                                     core_patent_count=120, established_on=date(2024, 1, 2))
    pool.members.set([lead, elsewhere])
    later = PatentPool.objects.create(name="测试专利池二", lead_enterprise=lead,
                                      core_patent_count=80, established_on=AFTER_D)
    later.members.set([lead])

    city = figures_as_of(as_of=D, division=weifang)
    county = figures_as_of(as_of=D, division=qingzhou)

    assert (city["patent_pools.count"], city["patent_pools.member_enterprises"],
            city["patent_pools.core_patents"]) == (1, 2, 120)
    assert (county["patent_pools.count"], county["patent_pools.member_enterprises"],
            county["patent_pools.core_patents"]) == (0, 1, 0)


def test_it_counts_transfers_out_of_the_citys_enterprises(weifang, division):
    here = EnterpriseFactory()
    outside = EnterpriseFactory(division=division("370100"))
    _transfer(from_enterprise=here, to_enterprise=None, to_name="外地受让人",
                          recorded_on=date(2024, 4, 1))
    _transfer(from_enterprise=outside, to_enterprise=here,
                          recorded_on=date(2024, 4, 1))
    _transfer(from_enterprise=here, to_enterprise=None, to_name="后来的受让人",
                          recorded_on=AFTER_D)

    assert figure_value(key="patent_transfers.total", as_of=D, division=weifang) == 1


def test_every_new_figure_has_a_source(weifang):
    values = figures_as_of(as_of=D, division=weifang)

    assert {figure.key for figure in FIGURES} <= set(values)


def test_the_credit_selector_reads_one_query(weifang, django_assert_num_queries):
    CreditLineFactory.create_batch(3)
    ids = division_subtree_ids(weifang)
    # 1) one aggregate over the credit lines joined with their enterprises
    with django_assert_num_queries(1):
        values = credit_figures(as_of=D, division_ids=ids)
    assert values["quality_credit.enterprises"] == 3

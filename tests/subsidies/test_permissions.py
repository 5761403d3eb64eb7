from datetime import date

import pytest

from subsidies.selectors import grant_totals
from subsidies.services import grant_propose_for_record
from tests.registry.factories import EnterpriseFactory
from tests.subsidies.factories import SubsidyRuleFactory

pytestmark = pytest.mark.django_db


def test_only_the_city_bureau_may_approve_and_pay(bureau_user, auditor_user, clerk_factory):
    clerk = clerk_factory("370783")

    assert bureau_user.has_perms(["subsidies.approve_subsidygrant",
                                  "subsidies.pay_subsidygrant"])
    for user in (auditor_user, clerk):
        assert user.has_perm("subsidies.view_subsidygrant")
        assert not user.has_perm("subsidies.approve_subsidygrant")
        assert not user.has_perm("subsidies.pay_subsidygrant")
        assert not user.has_perm("subsidies.change_subsidygrant")


def test_the_totals_take_four_queries_whatever_the_number_of_grants(
        award_record, django_assert_max_num_queries):
    SubsidyRuleFactory(first_time_only=False)
    for number in range(1, 6):
        for _ in range(3):
            record = award_record(EnterpriseFactory(), number=number,
                                  on=date(2012 + 2 * number, 3, 25))
            grant_propose_for_record(record=record)

    # 1) per year and rule  2) per year, rule and status  3) per policy  4) per status
    with django_assert_max_num_queries(4):
        totals = grant_totals()
    assert totals["total"]["count"] == 15
    assert [year["fiscal_year"] for year in totals["years"]] == [2022, 2020, 2018, 2016, 2014]

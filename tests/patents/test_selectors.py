from datetime import date
from decimal import Decimal

import pytest

from core.validators import make_uscc
from patents.models import PatentAwardLevel, PatentStatus, PatentType
from patents.selectors import (
    patent_award_figures,
    patent_pledge_figures,
    valid_invention_patent_figures,
)
from registry.models import RecordStatus
from registry.selectors import division_subtree_ids
from tests.patents.factories import (
    PatentAwardFactory,
    PatentAwardSessionFactory,
    PatentFactory,
    PatentPledgeFactory,
)
from tests.registry.factories import EnterpriseFactory, PersonFactory

pytestmark = pytest.mark.django_db
SEED_DATE = date(2024, 12, 16)
VALID = "valid_invention_patents.total"


def _valid(division, as_of=SEED_DATE):
    return valid_invention_patent_figures(as_of=as_of,
                                          division_ids=division_subtree_ids(division))[VALID]


@pytest.fixture
def outsider(division):
    return EnterpriseFactory(division=division("370100"), uscc=make_uscc("91370100MA9999999"))


def test_a_lapsed_patent_is_not_valid_from_the_day_it_lapsed(weifang):
    holder = EnterpriseFactory()
    PatentFactory(holder_enterprises=[holder], status=PatentStatus.LAPSED,
                  status_changed_on=date(2024, 6, 1))
    PatentFactory(holder_enterprises=[holder], status=PatentStatus.INVALIDATED,
                  status_changed_on=date(2023, 6, 1))
    PatentFactory(holder_enterprises=[holder])

    assert _valid(weifang) == 1
    assert _valid(weifang, date(2024, 5, 31)) == 2
    assert _valid(weifang, date(2023, 5, 31)) == 3


def test_only_granted_inventions_count(weifang):
    holder = EnterpriseFactory()
    PatentFactory(holder_enterprises=[holder], type=PatentType.UTILITY_MODEL)
    PatentFactory(holder_enterprises=[holder], type=PatentType.DESIGN)
    PatentFactory(holder_enterprises=[holder], granted_on=None)
    PatentFactory(holder_enterprises=[holder], granted_on=date(2025, 1, 7))
    PatentFactory(holder_enterprises=[holder])

    assert _valid(weifang) == 1


def test_a_patent_held_by_two_enterprises_of_the_city_counts_once(weifang, division, outsider):
    PatentFactory(holder_enterprises=[EnterpriseFactory(),
                                      EnterpriseFactory(division=division("370790")), outsider])
    PatentFactory(holder_enterprises=[outsider])
    PatentFactory(holder_persons=[PersonFactory(division=division("370702"))],
                  holder_enterprises=[EnterpriseFactory()])

    assert _valid(weifang) == 2
    assert _valid(division("370790")) == 1
    assert _valid(division("370702")) == 1


def test_it_counts_awards_per_level_of_sessions_decided_by_the_date(weifang):
    session_24 = PatentAwardSessionFactory(number=24, decided_on=date(2023, 7, 21))
    PatentAwardFactory(session=session_24, level=PatentAwardLevel.GOLD)
    PatentAwardFactory(session=session_24, level=PatentAwardLevel.SILVER)
    PatentAwardFactory(session=session_24, status=RecordStatus.REVOKED,
                       revoked_on=date(2024, 1, 5))
    person = PersonFactory()
    PatentAwardFactory(session=session_24, enterprise=None, person=person,
                       patent=PatentFactory(holder_persons=[person]))
    PatentAwardFactory(session=session_24, level=PatentAwardLevel.DESIGN_EXCELLENCE,
                       patent=PatentFactory(type=PatentType.DESIGN))
    PatentAwardFactory(session=PatentAwardSessionFactory(number=26,
                                                         decided_on=date(2025, 7, 18)))

    figures = patent_award_figures(as_of=SEED_DATE, division_ids=division_subtree_ids(weifang))

    assert figures == {
        "china_patent_award.gold": 1, "china_patent_award.silver": 1,
        "china_patent_award.excellence": 1, "china_patent_award.design_excellence": 1,
        "china_patent_award.session_25.excellence_enterprises": 0,
    }


def test_it_counts_the_enterprises_with_an_excellence_award_in_the_25th_session(weifang,
                                                                                 outsider):
    twice = EnterpriseFactory()
    PatentAwardFactory(enterprise=twice)
    PatentAwardFactory(enterprise=twice)
    PatentAwardFactory()
    PatentAwardFactory(level=PatentAwardLevel.GOLD)
    PatentAwardFactory(enterprise=outsider)

    figures = patent_award_figures(as_of=SEED_DATE, division_ids=division_subtree_ids(weifang))

    assert figures["china_patent_award.session_25.excellence_enterprises"] == 2
    assert figures["china_patent_award.excellence"] == 3
    assert patent_award_figures(as_of=date(2024, 7, 18), division_ids=division_subtree_ids(
        weifang))["china_patent_award.session_25.excellence_enterprises"] == 0


def test_it_counts_and_sums_the_pledges_registered_by_the_date(weifang, outsider):
    PatentPledgeFactory(amount=Decimal("1500000.50"))
    PatentPledgeFactory(amount=Decimal("2000000.00"), released_on=date(2024, 9, 1))
    PatentPledgeFactory(registered_on=date(2025, 2, 1))
    PatentPledgeFactory(pledgor=outsider)

    figures = patent_pledge_figures(as_of=SEED_DATE, division_ids=division_subtree_ids(weifang))

    assert figures == {"patent_pledges.count": 2,
                       "patent_pledges.amount_yuan": Decimal("3500000.50")}


def test_no_pledges_sum_to_zero_yuan(weifang):
    figures = patent_pledge_figures(as_of=SEED_DATE, division_ids=division_subtree_ids(weifang))
    assert figures["patent_pledges.amount_yuan"] == Decimal("0.00")

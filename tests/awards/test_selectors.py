from datetime import date

import pytest

from awards.models import AwardProgram, Tier
from awards.selectors import award_figures
from core.validators import make_uscc
from registry.models import RecordStatus
from registry.selectors import division_subtree_ids
from tests.awards.factories import AwardRecordFactory, AwardSessionFactory
from tests.registry.factories import EnterpriseFactory, PersonFactory

pytestmark = pytest.mark.django_db
SEED_DATE = date(2024, 12, 16)


def _figures(division, as_of=SEED_DATE):
    return award_figures(as_of=as_of, division_ids=division_subtree_ids(division))


def test_it_counts_the_10th_sessions_individual_winners_and_enterprise_nominations(weifang):
    session = AwardSessionFactory(number=10, announced_on=date(2024, 11, 20))
    AwardRecordFactory(session=session, tier=Tier.WINNER, enterprise=None,
                       person=PersonFactory())
    AwardRecordFactory(session=session, tier=Tier.NOMINATION)
    # Neither an individual winner nor an enterprise nomination:
    AwardRecordFactory(session=session, tier=Tier.WINNER)
    AwardRecordFactory(session=session, tier=Tier.NOMINATION, enterprise=None,
                       person=PersonFactory())
    # Another session's individual winner:
    AwardRecordFactory(session=AwardSessionFactory(number=9, announced_on=date(2022, 12, 8)),
                       enterprise=None, person=PersonFactory())

    figures = _figures(weifang)

    assert figures["governor_quality_award.session_10.individual_winners"] == 1
    assert figures["governor_quality_award.session_10.enterprise_nominations"] == 1
    assert figures["governor_quality_award.total"] == 5


def test_it_counts_wins_and_nominations_of_each_program_separately(weifang):
    china = AwardSessionFactory(program=AwardProgram.objects.get(code="china_quality_award"),
                                number=3, announced_on=date(2018, 9, 18))
    enterprise = EnterpriseFactory()
    AwardRecordFactory(session=china, tier=Tier.WINNER, enterprise=enterprise)
    AwardRecordFactory(session=china, tier=Tier.NOMINATION, enterprise=enterprise)
    AwardRecordFactory()

    figures = _figures(weifang)

    assert figures["china_quality_award.total"] == 2
    assert figures["governor_quality_award.total"] == 1


def test_it_does_not_count_an_award_announced_after_the_date_or_revoked_by_then(weifang):
    AwardRecordFactory(session=AwardSessionFactory(announced_on=date(2025, 1, 3)))
    AwardRecordFactory(status=RecordStatus.REVOKED, revoked_on=date(2024, 12, 1))
    AwardRecordFactory(status=RecordStatus.REVOKED, revoked_on=date(2024, 12, 17))

    assert _figures(weifang)["governor_quality_award.total"] == 1
    assert _figures(weifang, date(2025, 6, 1))["governor_quality_award.total"] == 1


def test_an_individuals_award_counts_for_the_division_of_the_person(weifang, division):
    AwardRecordFactory(enterprise=None, person=PersonFactory(division=division("370790")))
    AwardRecordFactory(enterprise=EnterpriseFactory(
        division=division("370100"), uscc=make_uscc("91370100MA9999999")))

    assert _figures(weifang)["governor_quality_award.total"] == 1
    assert _figures(division("370790"))["governor_quality_award.total"] == 1
    assert _figures(division("370783"))["governor_quality_award.total"] == 0

"""Award records through the service: DOMAIN.md's rules for awardees, sessions and revocation."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from awards.models import AwardRecord, Tier
from awards.services import award_record_create, award_record_revoke, award_session_create
from awards.signals import record_changed
from registry.models import RecordStatus
from tests.awards.factories import AwardSessionFactory
from tests.registry.factories import EnterpriseFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_an_award_goes_to_an_enterprise_or_a_person_never_both_never_neither():
    session = AwardSessionFactory()
    for awardee in ({}, {"enterprise": EnterpriseFactory(), "person": PersonFactory()}):
        with pytest.raises(ValidationError) as caught:
            award_record_create(session=session, tier=Tier.WINNER, **awardee)
        assert "enterprise" in caught.value.message_dict
    assert not AwardRecord.objects.exists()


def test_the_database_refuses_both_awardees_whatever_path_writes():
    session = AwardSessionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardRecord.objects.create(session=session, tier=Tier.WINNER,
                                   enterprise=EnterpriseFactory(), person=PersonFactory())


def test_one_awardee_gets_one_record_per_session_and_tier_but_a_nomination_is_distinct():
    session, enterprise = AwardSessionFactory(), EnterpriseFactory()
    award_record_create(session=session, tier=Tier.WINNER, enterprise=enterprise)
    award_record_create(session=session, tier=Tier.NOMINATION, enterprise=enterprise)

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            award_record_create(session=session, tier=Tier.WINNER, enterprise=enterprise)
        assert "already has a record of this tier" in " ".join(caught.value.messages)
    assert AwardRecord.objects.count() == 2


def test_a_sessions_year_matches_its_announcement_and_is_not_in_the_future():
    from awards.models import AwardProgram

    program = AwardProgram.objects.get(code="governor_quality_award")
    with pytest.raises(ValidationError) as caught:
        award_session_create(program=program, number=10, year=2023,
                             announced_on=date(2024, 11, 20))
    assert "year" in caught.value.message_dict

    tomorrow = date.today() + timedelta(days=2)
    with pytest.raises(ValidationError) as caught:
        award_session_create(program=program, number=11, year=tomorrow.year,
                             announced_on=tomorrow)
    assert "announced_on" in caught.value.message_dict


def test_a_revocation_keeps_the_record_with_its_date_and_reason_and_is_announced(
        django_capture_on_commit_callbacks):
    heard = []
    record = award_record_create(session=AwardSessionFactory(), tier=Tier.WINNER,
                                 enterprise=EnterpriseFactory())

    def listener(sender, instance_id, created, **kwargs):
        heard.append((instance_id, created))

    record_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            award_record_revoke(record=record, revoked_on=date(2025, 1, 5), reason="造假")
    finally:
        record_changed.disconnect(listener)

    assert heard == [(record.pk, False)]
    record.refresh_from_db()
    assert (record.status, record.revoked_on, record.revoke_reason) == (
        RecordStatus.REVOKED, date(2025, 1, 5), "造假")
    with pytest.raises(ValidationError):
        award_record_revoke(record=record, revoked_on=date(2025, 1, 6), reason="again")

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.exceptions import ApplicationError
from subsidies.models import GrantStatus, SubsidyGrant
from subsidies.services import (
    grant_approve,
    grant_pay,
    grant_propose_for_record,
    grant_reject,
    grant_withdraw,
)
from tests.subsidies.factories import SubsidyRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grant(enterprise, award_record):
    SubsidyRuleFactory()
    return grant_propose_for_record(record=award_record(enterprise)).proposed[0]


def test_approving_a_grant_another_clerk_already_rejected_fails_cleanly(grant, bureau_user,
                                                                         superuser):
    # Both clerks opened the same proposed grant; the first rejects it.
    stale_copy = SubsidyGrant.objects.get(pk=grant.pk)
    grant_reject(grant=grant, user=bureau_user, reason="duplicate application")

    with pytest.raises(ApplicationError) as error:
        grant_approve(grant=stale_copy, user=superuser)
    assert error.value.extra == {"grant": grant.pk, "status": "rejected"}

    grant.refresh_from_db()
    assert grant.status == GrantStatus.REJECTED
    assert grant.approved_by is None and grant.approved_at is None
    assert grant.rejected_by == bureau_user


def test_each_step_records_who_and_when_and_history(grant, bureau_user):
    grant_approve(grant=grant, user=bureau_user)
    grant_pay(grant=grant, user=bureau_user, payment_reference="财付 2024-0012",
              paid_on=date(2024, 6, 1))

    grant.refresh_from_db()
    assert grant.status == GrantStatus.PAID
    assert grant.approved_by == grant.paid_by == bureau_user
    assert grant.approved_at <= grant.paid_at <= timezone.now()
    assert (grant.payment_reference, grant.paid_on) == ("财付 2024-0012", date(2024, 6, 1))
    steps = list(grant.history.order_by("history_date").values_list("status", "history_user"))
    assert steps == [("proposed", None), ("approved", bureau_user.pk),
                     ("paid", bureau_user.pk)]


def test_a_grant_is_paid_once_whoever_clicks_twice(grant, bureau_user):
    grant_approve(grant=grant, user=bureau_user)
    stale_copy = SubsidyGrant.objects.get(pk=grant.pk)
    grant_pay(grant=grant, user=bureau_user, payment_reference="A-1", paid_on=date(2024, 6, 1))

    with pytest.raises(ApplicationError) as error:
        grant_pay(grant=stale_copy, user=bureau_user, payment_reference="A-2",
                  paid_on=date(2024, 6, 2))
    assert error.value.extra["status"] == "paid"
    grant.refresh_from_db()
    assert grant.payment_reference == "A-1"


def test_a_proposed_grant_cannot_be_paid_before_approval(grant, bureau_user):
    with pytest.raises(ApplicationError) as error:
        grant_pay(grant=grant, user=bureau_user, payment_reference="A-1",
                  paid_on=date(2024, 6, 1))
    assert error.value.extra["status"] == "proposed"
    assert SubsidyGrant.objects.get(pk=grant.pk).status == GrantStatus.PROPOSED


def test_a_rejection_needs_a_reason(grant, bureau_user):
    with pytest.raises(ValidationError) as error:
        grant_reject(grant=grant, user=bureau_user, reason="  ")
    assert "rejection_reason" in error.value.message_dict
    assert SubsidyGrant.objects.get(pk=grant.pk).status == GrantStatus.PROPOSED


def test_a_payment_needs_its_reference_and_a_date_not_in_the_future(grant, bureau_user):
    grant_approve(grant=grant, user=bureau_user)
    with pytest.raises(ValidationError) as error:
        grant_pay(grant=grant, user=bureau_user, payment_reference="",
                  paid_on=timezone.localdate() + timedelta(days=1))
    assert set(error.value.message_dict) == {"payment_reference", "paid_on"}
    assert SubsidyGrant.objects.get(pk=grant.pk).status == GrantStatus.APPROVED


def test_a_paid_grant_cannot_be_withdrawn(grant, bureau_user):
    grant_approve(grant=grant, user=bureau_user)
    grant_pay(grant=grant, user=bureau_user, payment_reference="A-1", paid_on=date(2024, 6, 1))

    with pytest.raises(ApplicationError):
        grant_withdraw(grant=grant, user=bureau_user, reason="changed our minds")
    assert SubsidyGrant.objects.get(pk=grant.pk).status == GrantStatus.PAID


def test_a_withdrawn_grant_is_not_proposed_again(grant, enterprise):
    grant_withdraw(grant=grant, reason="proposed in error")

    outcome = grant_propose_for_record(record=grant.record)
    assert (outcome.proposed, outcome.already) == ([], 1)
    assert SubsidyGrant.objects.get().status == GrantStatus.WITHDRAWN

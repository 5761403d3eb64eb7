from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from awards.models import AwardRecord
from awards.services import award_record_revoke, record_save
from registry.models import RecordStatus
from subsidies.models import GrantStatus, SubsidyGrant
from subsidies.services import grant_approve, grant_pay, grant_propose_for_record
from tests.subsidies.factories import SubsidyRuleFactory

pytestmark = pytest.mark.django_db

# The refusal names the payment, whatever the language of the message around it.
PAYMENT_REFERENCE = "财付 2018-7"


@pytest.fixture
def record_and_grant(enterprise, award_record):
    SubsidyRuleFactory()
    record = award_record(enterprise)
    return record, grant_propose_for_record(record=record).proposed[0]


def _pay(grant, user):
    grant_approve(grant=grant, user=user)
    grant_pay(grant=grant, user=user, payment_reference=PAYMENT_REFERENCE,
              paid_on=date(2018, 9, 1))


def test_revoking_a_record_whose_grant_is_paid_is_refused(record_and_grant, bureau_user):
    record, grant = record_and_grant
    _pay(grant, bureau_user)

    with pytest.raises(ValidationError, match=PAYMENT_REFERENCE):
        award_record_revoke(record=record, revoked_on=date(2019, 1, 1), reason="fraud")

    assert AwardRecord.objects.get(pk=record.pk).status == RecordStatus.ACTIVE
    assert SubsidyGrant.objects.get(pk=grant.pk).status == GrantStatus.PAID


def test_revoking_a_record_withdraws_its_proposed_grant_with_the_reason(record_and_grant):
    record, grant = record_and_grant

    award_record_revoke(record=record, revoked_on=date(2019, 1, 1), reason="false statements")

    grant.refresh_from_db()
    assert grant.status == GrantStatus.WITHDRAWN
    assert "false statements" in grant.withdrawal_reason
    assert "2019-01-01" in grant.withdrawal_reason


def test_an_admin_form_saving_a_record_as_revoked_goes_through_the_same_guard(
        record_and_grant, bureau_user):
    record, grant = record_and_grant
    _pay(grant, bureau_user)
    record.status, record.revoked_on, record.revoke_reason = "revoked", date(2019, 1, 1), "x"

    with pytest.raises(ValidationError, match=PAYMENT_REFERENCE):
        record_save(instance=record)
    assert AwardRecord.objects.get(pk=record.pk).status == RecordStatus.ACTIVE


def test_deleting_a_record_whose_grant_is_paid_is_refused(record_and_grant, bureau_user):
    record, grant = record_and_grant
    _pay(grant, bureau_user)

    # A request's own transaction, as the admin and the API have (Model.delete() opens none).
    with pytest.raises(ProtectedError, match=PAYMENT_REFERENCE), transaction.atomic():
        record.delete()
    assert AwardRecord.objects.filter(pk=record.pk).exists()


def test_deleting_a_record_withdraws_its_proposed_grant(record_and_grant):
    record, grant = record_and_grant

    record.delete()

    grant.refresh_from_db()
    assert grant.status == GrantStatus.WITHDRAWN
    assert grant.withdrawal_reason


def test_the_admin_refuses_to_delete_a_record_with_a_paid_grant_with_a_message(
        client, superuser, record_and_grant):
    record, grant = record_and_grant
    _pay(grant, superuser)
    client.force_login(superuser)

    response = client.post(f"/admin/awards/awardrecord/{record.pk}/delete/", {"post": "yes"},
                           follow=True)

    assert response.status_code == 200
    assert AwardRecord.objects.filter(pk=record.pk).exists()
    assert any(PAYMENT_REFERENCE in str(m) for m in response.context["messages"])


def test_the_admin_refuses_to_revoke_a_record_with_a_paid_grant_with_a_message(
        client, superuser, record_and_grant):
    record, grant = record_and_grant
    _pay(grant, superuser)
    client.force_login(superuser)

    response = client.post(f"/admin/awards/awardrecord/{record.pk}/change/", {
        "session": record.session_id, "tier": "winner", "enterprise": record.enterprise_id,
        "person": "", "citation": "", "status": "revoked", "revoked_on": "2019-01-01",
        "revoke_reason": "fraud", "source": "test"}, follow=True)

    assert response.status_code == 200
    assert AwardRecord.objects.get(pk=record.pk).status == RecordStatus.ACTIVE
    assert any(PAYMENT_REFERENCE in str(m) for m in response.context["messages"])


def test_the_admin_revoking_a_record_withdraws_its_proposed_grant(client, superuser,
                                                                   record_and_grant):
    record, grant = record_and_grant
    client.force_login(superuser)

    client.post(f"/admin/awards/awardrecord/{record.pk}/change/", {
        "session": record.session_id, "tier": "winner", "enterprise": record.enterprise_id,
        "person": "", "citation": "", "status": "revoked", "revoked_on": "2019-01-01",
        "revoke_reason": "withdrawn by the issuer", "source": "test"})

    assert AwardRecord.objects.get(pk=record.pk).status == RecordStatus.REVOKED
    grant.refresh_from_db()
    assert grant.status == GrantStatus.WITHDRAWN
    assert "withdrawn by the issuer" in grant.withdrawal_reason

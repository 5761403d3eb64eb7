"""The engine behind a real broker and worker, and two engine runs racing on PostgreSQL.

These need committed rows (`transaction=True`); `serialized_rollback` restores the seeded
divisions, programs and groups that the flush after each such test removes."""

import threading
import time
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction

from awards.models import AwardRecord
from core.exceptions import ApplicationError
from subsidies.models import GrantStatus, SubsidyGrant
from subsidies.services import grant_approve, grant_pay, grant_propose_for_record
from tests.registry.factories import EnterpriseFactory
from tests.subsidies.factories import AwardSessionFactory, SubsidyRuleFactory

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.worker
@committed
def test_an_award_record_entered_through_the_service_gets_its_grant_from_the_worker(
        celery_worker_process, award_record, wait_for):
    rule = SubsidyRuleFactory()
    enterprise = EnterpriseFactory()

    record = award_record(enterprise)  # committed: the task is on the broker now

    def grant_proposed():
        return list(SubsidyGrant.objects.filter(object_id=record.pk, rule=rule))

    grants = wait_for(grant_proposed)
    assert [(g.amount, g.status, g.enterprise_id) for g in grants] == [
        (Decimal("1000000.00"), GrantStatus.PROPOSED, enterprise.pk)]
    assert celery_worker_process.poll() is None  # the worker did it, and is still running


def _quiet_award_record():
    """An award record written straight to the table, not through the service: no task is
    enqueued, so a worker left running by another test cannot take part in the race."""
    return AwardRecord.objects.create(session=AwardSessionFactory(), tier="winner",
                                      enterprise=EnterpriseFactory(), source="test")


def _race(target, count=2):
    """Run `target` in `count` threads released at the same moment; return their outcomes
    (a value or the exception raised)."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def run(index):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = target()
        except Exception as error:  # the outcome is what the test asserts on
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.postgres
@committed
def test_two_engine_runs_at_the_same_moment_leave_one_grant():
    SubsidyRuleFactory()
    record = _quiet_award_record()

    def propose():
        # Hold the transaction open a moment, so the other run inserts while this one's row
        # is still uncommitted: PostgreSQL makes it wait on the unique index, then refuse.
        with transaction.atomic():
            outcome = grant_propose_for_record(record=type(record).objects.get(pk=record.pk))
            time.sleep(0.3)
        return outcome

    outcomes = _race(propose)

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sorted(len(o.proposed) for o in outcomes) == [0, 1]
    assert sorted(o.already for o in outcomes) == [0, 1]
    assert SubsidyGrant.objects.filter(object_id=record.pk).count() == 1


@pytest.mark.postgres
@committed
def test_two_clerks_paying_one_grant_at_the_same_moment_pay_it_once(superuser):
    SubsidyRuleFactory()
    record = _quiet_award_record()
    grant = grant_propose_for_record(record=record).proposed[0]
    grant_approve(grant=grant, user=superuser)

    outcomes = _race(lambda: grant_pay(grant=SubsidyGrant.objects.get(pk=grant.pk),
                                       user=superuser, payment_reference="财付-并发",
                                       paid_on=date(2024, 6, 1)))

    assert sorted(type(o).__name__ for o in outcomes) == ["ApplicationError", "SubsidyGrant"]
    assert any(isinstance(o, ApplicationError) for o in outcomes)
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PAID
    assert grant.history.filter(status=GrantStatus.PAID).count() == 1

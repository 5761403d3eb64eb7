import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from subsidies.models import SubsidyGrant
from tests.subsidies.factories import SubsidyRuleFactory

pytestmark = pytest.mark.django_db


def _reconcile() -> dict:
    out = StringIO()
    call_command("reconcile_subsidies", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_reconciling_twice_proposes_nothing_the_second_time(enterprise, person, award_record):
    # Records entered while the engine was not listening (the broker down): no grant yet.
    SubsidyRuleFactory()
    award_record(enterprise, number=3, on=date(2018, 3, 25))
    award_record(enterprise, number=5, on=date(2023, 3, 27))  # a second win: nothing
    award_record(person, number=3, on=date(2018, 3, 25))  # a person: not under this rule
    assert not SubsidyGrant.objects.exists()

    first = _reconcile()
    second = _reconcile()

    assert (first["proposed"], first["already"], first["amount_proposed"]) == (1, 0, "1000000.00")
    assert (second["proposed"], second["already"]) == (0, 1)
    assert SubsidyGrant.objects.count() == 1


def test_the_nightly_task_is_declared_in_the_beat_schedule(settings):
    from config.celery import app
    from subsidies.tasks import grants_reconcile

    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert grants_reconcile.name in tasks
    assert grants_reconcile.name in app.tasks


def test_the_text_report_says_what_was_proposed(enterprise, award_record):
    SubsidyRuleFactory()
    award_record(enterprise)
    out = StringIO()

    call_command("reconcile_subsidies", stdout=out)

    assert "1 grants proposed" in out.getvalue()


def test_the_nightly_task_proposes_what_a_lost_task_missed(enterprise, award_record):
    from subsidies.tasks import grants_reconcile

    SubsidyRuleFactory()
    award_record(enterprise)

    report = grants_reconcile.apply().get()

    assert (report["proposed"], report["already"]) == (1, 0)
    assert SubsidyGrant.objects.count() == 1


def test_the_task_logs_and_ignores_a_record_that_no_longer_exists(caplog):
    from subsidies.tasks import grant_propose_for_record

    result = grant_propose_for_record.apply(args=("awards.AwardRecord", 987654)).get()

    assert result == {"proposed": 0, "already": 0}
    assert "987654" in caplog.text

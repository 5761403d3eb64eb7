"""Fixtures for the subsidies tests: records created through the lower apps' services, the
way a clerk or an import creates them."""

from datetime import date

import pytest

from tests.registry.factories import EnterpriseFactory, PersonFactory
from tests.subsidies.factories import AwardSessionFactory


@pytest.fixture
def eager_celery():
    """Run tasks in-process for this test even where a broker is configured, so the trigger
    path (service -> after commit -> signal -> task -> engine) can be followed synchronously.
    The real worker has its own tests (marked `worker`)."""
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def enterprise(db):
    return EnterpriseFactory()  # of 寿光市 (370783), under Weifang


@pytest.fixture
def person(db):
    return PersonFactory(id_number="", phone="13800000000")


@pytest.fixture
def award_record():
    """award_record(awardee, program="china_quality_award", number=3, on=date(2018, 3, 25),
    tier="winner") creates the session if needed and the record through the service."""
    from awards.models import AwardProgram
    from awards.services import award_record_create
    from registry.models import Enterprise

    def make(awardee, *, program="china_quality_award", number=3, on=date(2018, 3, 25),
             tier="winner"):
        session = AwardSessionFactory(program=AwardProgram.objects.get(code=program),
                                      number=number, announced_on=on)
        key = "enterprise" if isinstance(awardee, Enterprise) else "person"
        return award_record_create(session=session, tier=tier, source="test",
                                   **{key: awardee})

    return make

"""Fixtures shared by every test module. App-specific factories live in tests/<app>/factories.py."""

import pytest
from django.conf import settings


def pytest_collection_modifyitems(config, items):
    eager = settings.CELERY_TASK_ALWAYS_EAGER
    on_sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    for item in items:
        if eager and "worker" in item.keywords:
            item.add_marker(pytest.mark.skip(reason="needs a real Celery worker (set REDIS_URL)"))
        if on_sqlite and "postgres" in item.keywords:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    # Each test starts in the default language and with an empty cache.
    from django.core.cache import cache
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    yield
    translation.deactivate()


@pytest.fixture
def weifang(db):
    from registry.models import Division

    return Division.objects.get(code="370700")


@pytest.fixture
def division(db):
    """Return a seeded division by code: division("370783")."""
    from registry.models import Division

    return lambda code: Division.objects.get(code=code)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-123")


def _staff(django_user_model, username, group_name, division_code=None):
    from django.contrib.auth.models import Group

    from registry.models import Division, StaffProfile

    user = django_user_model.objects.create_user(username, f"{username}@example.org",
                                                 "pw-staff-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    if division_code:
        StaffProfile.objects.create(user=user, division=Division.objects.get(code=division_code))
    return user


@pytest.fixture
def bureau_user(db, django_user_model):
    return _staff(django_user_model, "bureau", "city bureau", "370700")


@pytest.fixture
def auditor_user(db, django_user_model):
    return _staff(django_user_model, "auditor", "auditor", "370700")


@pytest.fixture
def clerk_factory(db, django_user_model):
    """clerk_factory("370783") -> a district clerk of 寿光市."""
    counter = iter(range(1000))
    return lambda code: _staff(django_user_model, f"clerk{next(counter)}", "district clerk", code)

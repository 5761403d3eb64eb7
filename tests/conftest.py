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


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, tmp_path_factory):
    """A real `celery -A config worker` in a subprocess, on the TEST database and the same
    Redis, for tests marked `worker` (which use `transactional_db`, so the worker sees their
    committed rows). Started once per run; stopped before pytest-django drops the test
    database, since this fixture depends on django_db_setup."""
    import os
    import subprocess
    import sys
    import time
    from urllib.parse import quote

    from config.celery import app

    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("needs a real Celery worker (set REDIS_URL)")
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("a worker process cannot share an in-memory SQLite test database")
    credentials = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    # NAME is the test database's by now (django_db_setup renamed it).
    database_url = f"postgres://{credentials}@{host}/{quote(db['NAME'], safe='')}"

    app.control.purge()  # tasks left by earlier runs name rows that do not exist here
    node = f"tests-{os.getpid()}@localhost"
    log_path = tmp_path_factory.mktemp("celery") / "worker.log"
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": settings.REDIS_URL,
           "DJANGO_SETTINGS_MODULE": "config.settings_test", "CELERY_TASK_ALWAYS_EAGER": "0",
           "DJANGO_CONN_MAX_AGE": "0"}
    with open(log_path, "wb") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
             "-Q", app.conf.task_default_queue, "--loglevel=INFO", "-n", node,
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[node], timeout=1):
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the Celery worker did not start:\n" + log_path.read_text()[-3000:])
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


@pytest.fixture
def wait_for():
    """wait_for(condition, timeout=30): poll until condition() is truthy (work done by another
    process); fail with the condition's name when it never becomes so."""
    import time

    def wait(condition, timeout=30.0, interval=0.2):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(interval)
        pytest.fail(f"timed out after {timeout}s waiting for {condition.__name__}")

    return wait


@pytest.fixture
def eager_celery():
    """Run tasks in-process for this test even where a real broker is configured: for tests of
    a task's own logic. The path through a real worker is tested by tests marked `worker`."""
    from config.celery import app

    was = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = was

"""The demo data set for the dashboard's page and browser tests, loaded once per session.

Loading it takes a minute or more, so it is loaded once and committed rather than per test:
pytest-django's live_server fixture makes each test transactional and flushes the database
after it, which would throw the data away. Tests that use `demo_data` therefore take no `db`
fixture (pytest-django runs them after the database tests, so no other test sees the demo
rows); they read the committed rows and must not change them.

pytest-django creates the test database only when a collected test asks for it, so each
module using `demo_data` also holds a test marked `django_db(serialized_rollback=True)`: that
creates the test database and keeps a copy of what the migrations put in it (divisions,
programs, groups), which is restored here if a transactional test has flushed it since."""

import io

import pytest
from django.core.management import call_command
from django.db import connection


def _on_test_database() -> bool:
    name = str(connection.settings_dict["NAME"])
    return connection.is_in_memory_db() if connection.vendor == "sqlite" else name.startswith(
        "test_")


@pytest.fixture(scope="session")
def demo_data(django_db_setup, django_db_blocker):
    from registry.models import Division

    with django_db_blocker.unblock():
        if not _on_test_database():
            pytest.fail("demo_data needs the test database: collect a test marked django_db "
                        "with it (see tests/dashboard/conftest.py)")
        if not Division.objects.exists():
            # An earlier transactional test flushed the tables (and post_migrate put back only
            # content types and permissions): empty them, then restore the migrations' data.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(
                connection._test_serialized_contents)
        call_command("load_demo", stdout=io.StringIO())
        yield

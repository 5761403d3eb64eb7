"""The demo data set for the dashboard's page and browser tests, loaded once per session.

Loading it takes a minute, so it is loaded once and committed rather than per test: pytest-
django's live_server fixture makes every test transactional and flushes the database after
each one, which would throw the data away. Tests that use `demo_data` therefore take no `db`
fixture; they read the committed rows, and must not change them."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def demo_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        yield

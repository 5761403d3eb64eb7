"""The set-up commands `make run` calls: load_demo and ensure_demo_superuser."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from registry.models import Enterprise


@pytest.mark.django_db
def test_it_loads_demo_enterprises_across_weifang_and_nothing_new_the_second_time(weifang):
    # One test for both: loading the demo data set takes most of a minute.
    call_command("load_demo", stdout=io.StringIO())
    assert Enterprise.objects.count() >= 100
    children = set(weifang.children.values_list("pk", flat=True))
    used = set(Enterprise.objects.values_list("division", flat=True))
    # Every county-level unit and zone of the city has demo enterprises.
    assert children <= used

    counts = row_counts()
    codes = set(Enterprise.objects.values_list("uscc", flat=True))
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == counts
    assert set(Enterprise.objects.values_list("uscc", flat=True)) == codes


def row_counts() -> dict[str, int]:
    """Rows of every model but the history tables (a re-saved row adds history, not a record)."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if not model.__name__.startswith("Historical")}


@pytest.mark.django_db
def test_it_refuses_the_demo_superuser_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("ensure_demo_superuser", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_it_creates_the_demo_superuser_once_and_prints_its_login(settings, tmp_path):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path
    (tmp_path / "var").mkdir()
    first, second = io.StringIO(), io.StringIO()
    call_command("ensure_demo_superuser", stdout=first)
    call_command("ensure_demo_superuser", stdout=second)

    user = get_user_model().objects.get()
    assert user.username == "admin" and user.is_superuser and user.is_staff
    password = (tmp_path / "var" / "demo-superuser.txt").read_text().strip()
    assert user.check_password(password)
    assert f"password: {password}" in first.getvalue()
    assert second.getvalue() == first.getvalue()

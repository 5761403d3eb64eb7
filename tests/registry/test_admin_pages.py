"""Every registered admin opens for a superuser: its list, its add form and a change form.

Each model gets one row built from its required fields, so a new admin is covered the day it is
registered. Where a constraint asks for values a generic row cannot guess (a subsidy rule's fields
depend on its trigger), HINTS gives them; a model built neither way takes its row from the demo
data, which is slower to load, hence not the rule."""

import datetime
import io
import itertools
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import IntegrityError, models, transaction
from django.urls import reverse

from core.validators import make_uscc

_serial = itertools.count(1)


def _designation_list():
    from registry.models import DesignationList

    return DesignationList.objects.first()


def _about_an_enterprise():
    """A generic link to a record that has an admin page (a grant links to its record)."""
    from django.contrib.contenttypes.models import ContentType

    from registry.models import Enterprise

    enterprise = _any(Enterprise)
    return {"content_type": ContentType.objects.get_for_model(Enterprise),
            "object_id": enterprise.pk, "enterprise": enterprise}


# "app_label.model_name" -> values a generic row cannot guess.
HINTS = {
    "subsidies.subsidyrule": lambda: {"trigger": "designation",
                                      "designation_list": _designation_list()},
    "subsidies.subsidygrant": _about_an_enterprise,
}


def _value_for(field):
    if field.choices:
        return field.choices[0][0]
    if field.name == "uscc":
        return make_uscc(f"91370700MA{next(_serial):07d}")
    if field.name == "number" and isinstance(field, models.CharField):
        return _patent_number()
    if isinstance(field, models.DateTimeField):
        return datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC)
    if isinstance(field, models.DateField):
        return datetime.date(2024, 1, 2)
    if isinstance(field, models.DecimalField):
        return Decimal("1.00")
    if isinstance(field, models.BooleanField):
        return True
    if isinstance(field, models.IntegerField):
        return next(_serial)
    if isinstance(field, models.EmailField):
        return f"row{next(_serial)}@example.org"
    if isinstance(field, models.JSONField):
        return []
    if isinstance(field, models.CharField | models.TextField):
        return f"{field.name}-{next(_serial)}"[: field.max_length or 50]
    raise NotImplementedError(f"no sample value for {field!r}")


def _patent_number():
    from core.validators import patent_check_digit

    digits = f"20241{next(_serial):07d}"
    return f"ZL{digits}.{patent_check_digit(digits)}"


def _any(model):
    existing = model._default_manager.first()
    if existing is not None:
        return existing
    try:
        return build_row(model)
    except CannotBuild:
        call_command("load_demo", stdout=io.StringIO())
        return model._default_manager.first()


class CannotBuild(Exception):
    pass


def build_row(model):
    """One saved row of `model` with every required field filled. A model whose constraints
    ask for one of several optional links (an awardee: enterprise or person) gets them one at a
    time until the database accepts the row."""
    values = {}
    optional_links = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.auto_created:
            continue
        if field.is_relation:
            if field.null:
                optional_links.append(field)
            else:
                values[field.name] = _any(field.related_model)
        elif not (field.null or field.blank or field.has_default()
                  or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)):
            values[field.name] = _value_for(field)
    values.update(HINTS.get(model._meta.label_lower, dict)())
    for extra in [None, *optional_links]:
        attempt = dict(values)
        if extra is not None:
            attempt[extra.name] = _any(extra.related_model)
        try:
            with transaction.atomic():
                return model._default_manager.create(**attempt)
        except IntegrityError:
            continue
    raise CannotBuild(model.__name__)


def _admin_urls():
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        yield pytest.param(model, info, id=f"{info[0]}.{info[1]}")


@pytest.mark.parametrize(("model", "info"), list(_admin_urls()))
def test_it_opens_every_admin_list_add_and_change_page(client, rf, superuser, model, info):
    client.force_login(superuser)
    obj = _any(model)
    assert obj is not None, f"no row of {model.__name__}, neither built nor in the demo data"
    changelist = reverse("admin:{}_{}_changelist".format(*info))
    add = reverse("admin:{}_{}_add".format(*info))
    change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])

    assert client.get(changelist).status_code == 200, changelist
    assert client.get(change).status_code == 200, change
    # An admin may refuse adding to everyone (grants are proposed by the engine, not typed in):
    # then the add page must say so with a 403 rather than fail.
    request = rf.get(add)
    request.user = superuser
    may_add = admin.site._registry[model].has_add_permission(request)
    assert client.get(add).status_code == (200 if may_add else 403), add


def test_it_covers_the_records_of_every_app_in_the_admin():
    registered = {model._meta.app_label for model in admin.site._registry}
    assert {"core", "registry", "awards", "patents"} <= registered

"""The admin as bureau staff use it: division scoping for district clerks, read-only auditors,
field errors on bad codes, history, masked private fields."""

import pytest
from django.urls import reverse

from core.validators import make_uscc
from registry.models import Designation, Enterprise
from tests.registry.factories import EnterpriseFactory, PersonFactory

SHOUGUANG, QINGZHOU = "370783", "370781"


def enterprise_form(division, **overrides):
    """The fields the enterprise add/change form posts."""
    data = {
        "name": "寿光蔬菜种业有限公司",
        "uscc": make_uscc("91370783MA9000001"),
        "division": division.pk,
        "industry": "",
        "address": "",
        "founded_on": "",
        "legal_representative": "",
        "is_active": "on",
        "contact_person": "",
        "contact_phone": "",
        "source": "admin test",
    }
    data.update(overrides)
    return data


@pytest.fixture
def shouguang_clerk(client, clerk_factory):
    client.force_login(clerk_factory(SHOUGUANG))
    return client


@pytest.fixture
def qingzhou_enterprise(division):
    return EnterpriseFactory(division=division(QINGZHOU), name="青州花卉有限公司")


@pytest.fixture
def shouguang_enterprise(division):
    return EnterpriseFactory(division=division(SHOUGUANG), name="寿光农产品有限公司")


# --- District clerk ------------------------------------------------------------------------

def test_it_lists_only_the_clerks_own_division(shouguang_clerk, qingzhou_enterprise,
                                               shouguang_enterprise):
    response = shouguang_clerk.get(reverse("admin:registry_enterprise_changelist"))
    assert response.status_code == 200
    listed = set(response.context["cl"].queryset)
    assert listed == {shouguang_enterprise}
    assert "青州花卉有限公司" not in response.content.decode()


def test_it_does_not_open_another_divisions_enterprise_for_a_clerk(shouguang_clerk,
                                                                   qingzhou_enterprise):
    url = reverse("admin:registry_enterprise_change", args=[qingzhou_enterprise.pk])
    response = shouguang_clerk.get(url)
    # The admin answers an object outside the queryset as missing: a redirect to the index.
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response.url == reverse("admin:index")


def test_it_opens_the_clerks_own_enterprise(shouguang_clerk, shouguang_enterprise):
    url = reverse("admin:registry_enterprise_change", args=[shouguang_enterprise.pk])
    response = shouguang_clerk.get(url)
    assert response.status_code == 200
    assert "寿光农产品有限公司" in response.content.decode()


def test_it_refuses_a_clerk_adding_an_enterprise_in_another_division(shouguang_clerk,
                                                                      division):
    response = shouguang_clerk.post(reverse("admin:registry_enterprise_add"),
                                    enterprise_form(division(QINGZHOU)))
    assert response.status_code == 200
    assert "division" in response.context["adminform"].form.errors
    assert not Enterprise.objects.exists()


def test_it_lets_a_clerk_add_an_enterprise_in_their_division(shouguang_clerk, division):
    response = shouguang_clerk.post(reverse("admin:registry_enterprise_add"),
                                    enterprise_form(division(SHOUGUANG)))
    assert response.status_code == 302
    enterprise = Enterprise.objects.get()
    assert enterprise.division.code == SHOUGUANG


def test_it_refuses_a_clerk_moving_their_enterprise_to_another_division(
        shouguang_clerk, shouguang_enterprise, division):
    url = reverse("admin:registry_enterprise_change", args=[shouguang_enterprise.pk])
    data = enterprise_form(division(QINGZHOU), name=shouguang_enterprise.name,
                           uscc=shouguang_enterprise.uscc)
    response = shouguang_clerk.post(url, data)
    assert response.status_code == 200
    assert "division" in response.context["adminform"].form.errors
    shouguang_enterprise.refresh_from_db()
    assert shouguang_enterprise.division.code == SHOUGUANG


def test_it_refuses_a_clerk_changing_another_divisions_enterprise(shouguang_clerk,
                                                                  qingzhou_enterprise, division):
    url = reverse("admin:registry_enterprise_change", args=[qingzhou_enterprise.pk])
    response = shouguang_clerk.post(url, enterprise_form(division(QINGZHOU), name="改名",
                                                         uscc=qingzhou_enterprise.uscc))
    assert response.status_code in (302, 403, 404)
    qingzhou_enterprise.refresh_from_db()
    assert qingzhou_enterprise.name == "青州花卉有限公司"


def test_it_refuses_a_clerk_a_designation_for_another_divisions_enterprise(
        shouguang_clerk, qingzhou_enterprise, shouguang_enterprise):
    from registry.models import DesignationList

    good_products = DesignationList.objects.get(code="good_products_shandong")
    form = {
        "designation_list": good_products.pk, "brand": "青州蜜桃", "category": "", "sector": "",
        "batch": "3", "year": "2024", "designated_on": "2024-05-10", "entry_kind": "new",
        "status": "active", "revoked_on": "", "revoke_reason": "", "source": "admin test",
    }
    url = reverse("admin:registry_designation_add")
    refused = shouguang_clerk.post(url, {**form, "enterprise": qingzhou_enterprise.pk})
    assert refused.status_code == 200
    assert "enterprise" in refused.context["adminform"].form.errors
    assert not Designation.objects.exists()

    accepted = shouguang_clerk.post(url, {**form, "enterprise": shouguang_enterprise.pk})
    assert accepted.status_code == 302
    assert Designation.objects.get().enterprise == shouguang_enterprise


# --- Auditor -------------------------------------------------------------------------------

def test_it_lets_an_auditor_view_but_not_change(client, auditor_user, shouguang_enterprise,
                                                division):
    client.force_login(auditor_user)
    change_url = reverse("admin:registry_enterprise_change", args=[shouguang_enterprise.pk])
    assert client.get(reverse("admin:registry_enterprise_changelist")).status_code == 200
    assert client.get(change_url).status_code == 200

    changed = client.post(change_url, enterprise_form(division(SHOUGUANG), name="改名",
                                                      uscc=shouguang_enterprise.uscc))
    assert changed.status_code == 403
    added = client.post(reverse("admin:registry_enterprise_add"),
                        enterprise_form(division(SHOUGUANG)))
    assert added.status_code == 403
    shouguang_enterprise.refresh_from_db()
    assert shouguang_enterprise.name == "寿光农产品有限公司"
    assert Enterprise.objects.count() == 1


# --- Validation and history ---------------------------------------------------------------

def test_it_shows_the_expected_check_character_for_a_mistyped_uscc(client, superuser,
                                                                   division):
    client.force_login(superuser)
    good = make_uscc("91370783MA9000001")
    wrong_check = "0" if good[-1] != "0" else "1"
    response = client.post(reverse("admin:registry_enterprise_add"),
                           enterprise_form(division(SHOUGUANG), uscc=good[:17] + wrong_check))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["uscc"]
    assert len(errors) == 1
    assert good[-1] in errors[0] and wrong_check in errors[0]
    assert errors[0] in response.content.decode()
    assert not Enterprise.objects.exists()


def test_it_names_a_forbidden_letter_in_the_admin_form(client, superuser, division):
    client.force_login(superuser)
    response = client.post(reverse("admin:registry_enterprise_add"),
                           enterprise_form(division(SHOUGUANG), uscc="91370783MA9OOOOO1X"))
    assert response.status_code == 200
    assert "O" in response.context["adminform"].form.errors["uscc"][0]
    assert not Enterprise.objects.exists()


def test_it_records_an_admin_change_in_the_history_with_its_user(client, superuser,
                                                                 shouguang_enterprise, division):
    client.force_login(superuser)
    url = reverse("admin:registry_enterprise_change", args=[shouguang_enterprise.pk])
    response = client.post(url, enterprise_form(division(SHOUGUANG), name="寿光新名有限公司",
                                                uscc=shouguang_enterprise.uscc))
    assert response.status_code == 302

    latest = shouguang_enterprise.history.first()
    assert latest.history_type == "~"
    assert latest.name == "寿光新名有限公司"
    assert latest.history_user == superuser
    assert latest.prev_record.name == "寿光农产品有限公司"

    history_page = client.get(
        reverse("admin:registry_enterprise_history", args=[shouguang_enterprise.pk]))
    assert history_page.status_code == 200
    assert superuser.username in history_page.content.decode()


# --- Private fields ---------------------------------------------------------------------------

def test_it_masks_a_persons_id_number_and_phone_in_the_list(client, superuser):
    PersonFactory(name="王师傅", id_number="11010519491231002X", phone="13905361234")
    client.force_login(superuser)
    response = client.get(reverse("admin:registry_person_changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "王师傅" in page
    assert "11010519491231002X" not in page
    assert "13905361234" not in page


def test_it_accepts_a_uscc_typed_with_spaces_dashes_and_lower_case(client, superuser, division):
    client.force_login(superuser)
    good = make_uscc("91370783MA9000001")
    typed = f"{good[:6]} {good[6:12]}-{good[12:]}".lower()

    response = client.post(reverse("admin:registry_enterprise_add"),
                           enterprise_form(division(SHOUGUANG), uscc=typed))

    assert response.status_code == 302
    assert Enterprise.objects.get().uscc == good

"""The activities' admin pages: they open for staff and a district clerk sees their division."""

import pytest
from django.urls import reverse

from activities.models import EnforcementCase
from tests.activities.factories import (
    CharacteristicProductFactory,
    CreditLineFactory,
    EnforcementCaseFactory,
    ExhibitionFactory,
    SupportVisitFactory,
)
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

MODELS = ["creditline", "supportvisit", "characteristicproduct", "exhibition",
          "enforcementcase"]


@pytest.fixture
def records():
    return {"creditline": CreditLineFactory(), "supportvisit": SupportVisitFactory(),
            "characteristicproduct": CharacteristicProductFactory(),
            "exhibition": ExhibitionFactory(), "enforcementcase": EnforcementCaseFactory()}


@pytest.mark.parametrize("model", MODELS)
def test_its_list_add_and_change_pages_open_for_the_city_bureau(client, bureau_user, records,
                                                               model):
    client.force_login(bureau_user)
    changelist = client.get(reverse(f"admin:activities_{model}_changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == 1
    assert client.get(reverse(f"admin:activities_{model}_add")).status_code == 200
    assert client.get(reverse(f"admin:activities_{model}_change",
                              args=[records[model].pk])).status_code == 200


def test_it_lists_only_the_clerks_own_divisions_cases(client, clerk_factory, division):
    own = EnforcementCaseFactory(case_number="寿光案001")
    EnforcementCaseFactory(case_number="青州案001", division=division("370781"))
    client.force_login(clerk_factory("370783"))

    page = client.get(reverse("admin:activities_enforcementcase_changelist"))

    assert page.status_code == 200
    assert own.case_number in page.content.decode()
    assert "青州案001" not in page.content.decode()


def test_a_clerk_adds_a_case_in_their_division_through_the_service(client, clerk_factory,
                                                                   division):
    client.force_login(clerk_factory("370783"))
    response = client.post(reverse("admin:activities_enforcementcase_add"), {
        "case_number": "寿光案002", "kind": "adjudication", "subject": "patent",
        "opened_on": "2024-03-01", "closed_on": "", "ruling_issued_on": "2024-04-01",
        "division": division("370783").pk, "outcome": "", "source": "admin test"})

    assert response.status_code == 302, response.content.decode()[:2000]
    case = EnforcementCase.objects.get(case_number="寿光案002")
    assert case.history.count() == 1


def test_a_clerk_cannot_pick_an_enterprise_of_another_division_for_credit(client, clerk_factory,
                                                                          division):
    other = EnterpriseFactory(division=division("370781"))
    client.force_login(clerk_factory("370783"))
    response = client.post(reverse("admin:activities_creditline_add"), {
        "enterprise": other.pk, "bank": "测试银行", "product": "质量贷", "amount": "100.00",
        "granted_on": "2024-03-01", "source": "admin test"})

    assert response.status_code == 200  # the form comes back with an error on enterprise
    assert "enterprise" in response.context["adminform"].form.errors

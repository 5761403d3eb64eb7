"""Patent numbers through the service: the rules of DOMAIN.md, "Validation that matters"."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.validators import make_patent_number
from patents.models import Patent, PatentStatus
from patents.services import patent_create
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


def _create(number, type="invention", **fields):
    return patent_create(number=number, type=type, title="一种测试装置",
                         filed_on=date(2016, 10, 31), **fields)


def test_it_stores_a_number_typed_with_spaces_and_without_zl_in_canonical_form():
    patent = _create("2016 1095 6306.3", holder_enterprises=[EnterpriseFactory()])
    assert patent.number == "ZL201610956306.3"
    assert patent.holder_enterprises.count() == 1


def test_it_accepts_an_old_number_with_an_x_check_digit():
    assert _create("95115608.X").number == "ZL95115608.X"


def test_it_rejects_a_wrong_check_digit_naming_the_expected_one():
    with pytest.raises(ValidationError) as caught:
        _create("ZL201610956306.4")
    assert "number" in caught.value.message_dict
    assert "3" in caught.value.message_dict["number"][0]
    assert not Patent.objects.exists()


def test_it_rejects_a_design_number_on_an_invention_patent():
    design_number = make_patent_number("201730100001")
    with pytest.raises(ValidationError) as caught:
        _create(design_number, type="invention")
    assert "type" in caught.value.message_dict
    assert _create(design_number, type="design").type == "design"


def test_a_lapsed_patent_needs_its_date_and_a_grant():
    with pytest.raises(ValidationError) as caught:
        _create("ZL201610956306.3", status=PatentStatus.LAPSED)
    assert {"status_changed_on", "granted_on"} <= set(caught.value.message_dict)


def test_a_number_is_registered_once():
    _create("ZL201610956306.3")
    with pytest.raises(ValidationError) as caught:
        _create("201610956306")
    assert "number" in caught.value.message_dict

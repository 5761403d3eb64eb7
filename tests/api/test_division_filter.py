import datetime

import pytest

from core.validators import make_patent_number
from patents.services import patent_create
from tests.registry.factories import EnterpriseFactory, PersonFactory


@pytest.mark.django_db
def test_a_patent_held_by_two_holders_of_the_division_is_listed_once(client):
    first, second = EnterpriseFactory(), EnterpriseFactory()
    patent_create(number=make_patent_number("201610956306"), type="invention", title="共有专利",
                  filed_on=datetime.date(2016, 1, 1), holder_enterprises=[first, second],
                  holder_persons=[PersonFactory()])

    response = client.get("/api/v1/patents/?division=370700")

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert len(response.json()["results"]) == 1

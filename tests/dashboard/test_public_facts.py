"""What the public pages show and never show, on small data sets built for each test."""

from datetime import date

import pytest
from django.utils import timezone

from awards.models import AwardProgram, AwardSession, Tier
from awards.services import award_record_create
from registry.models import GICategory
from registry.services import gi_product_create
from tests.registry.factories import EnterpriseFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def governor_session():
    program = AwardProgram.objects.get(code="governor_quality_award")
    return AwardSession.objects.create(program=program, number=10, year=2024,
                                       announced_on=date(2024, 11, 20), source="test")


def test_it_never_shows_contact_phones_or_id_numbers(client, governor_session):
    enterprise = EnterpriseFactory(contact_person="王联系", contact_phone="13800001111")
    person = PersonFactory(employer=enterprise, id_number="11010519491231002X",
                           phone="13900002222")
    award_record_create(session=governor_session, tier=Tier.WINNER, person=person,
                        source="test")
    award_record_create(session=governor_session, tier=Tier.NOMINATION, enterprise=enterprise,
                        source="test")

    for url in (f"/enterprises/{enterprise.uscc}/", "/honours/awards/governor_quality_award/",
                f"/search/?q={enterprise.uscc}"):
        html = client.get(url).content.decode()
        assert enterprise.name in html, url
        for private in ("13800001111", "王联系", "11010519491231002X", "13900002222"):
            assert private not in html, (url, private)
    roll = client.get("/honours/awards/governor_quality_award/").content.decode()
    assert person.name in roll


def test_it_finds_an_enterprise_by_its_uscc_typed_with_spaces(client):
    enterprise = EnterpriseFactory()
    spaced = " ".join([enterprise.uscc[:6], enterprise.uscc[6:12], enterprise.uscc[12:]])

    html = client.get("/search/", {"q": spaced}).content.decode()

    assert f"/enterprises/{enterprise.uscc}/" in html


def test_it_refuses_a_future_as_of_date_and_shows_today(english):
    tomorrow = timezone.localdate().replace(year=timezone.localdate().year + 1)

    response = english.get(f"/?as_of={tomorrow.isoformat()}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Pick a date that is not in the future." in html
    assert f"Figures as of {timezone.localdate().isoformat()}" in html


def test_it_shows_a_new_record_at_once_although_the_home_page_is_cached(
        english, division, django_capture_on_commit_callbacks):
    def gi_total():
        html = english.get("/?as_of=2024-12-31").content.decode()
        return html.split('data-key="gi_products.total">', 1)[1].split("<", 1)[0]

    before = int(gi_total())
    with django_capture_on_commit_callbacks(execute=True):
        gi_product_create(name="测试萝卜", category=GICategory.VEGETABLE,
                          approved_on=date(2024, 6, 1), divisions=[division("370783")],
                          source="test")

    assert int(gi_total()) == before + 1


def test_it_answers_an_unknown_enterprise_with_404(client):
    assert client.get("/enterprises/91370700MA0000000X/").status_code == 404


def test_it_says_why_a_division_filter_matches_nothing(english):
    response = english.get("/enterprises/?division=999999")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Unknown division code 999999." in html
    assert "No enterprise matches these filters." in html


def test_it_writes_the_page_in_the_chosen_language(client):
    chinese = client.get("/rankings/").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get("/rankings/").content.decode()

    assert '<html lang="zh-Hans">' in chinese
    assert '<html lang="en">' in english
    assert "<h1>Rankings</h1>" in english


def test_it_explains_a_rankings_parameter_the_stats_api_refuses(english):
    response = english.get("/rankings/?year_from=2024&year_to=2020")

    assert response.status_code == 200
    assert "year_from is after year_to." in response.content.decode()
    assert english.get("/rankings/csv/?program=no_such_program").status_code == 400

"""Filters, search, ordering, `?fields=`, and bad parameters: a 400 naming the parameter."""

import pytest


@pytest.mark.parametrize(("url", "parameter"), [
    ("/api/v1/awards/?year=abc", "year"),
    ("/api/v1/awards/?year__gte=20x8", "year__gte"),
    ("/api/v1/stats/summary/?as_of=2024-13-45", "as_of"),
    ("/api/v1/stats/summary/?division=999999", "division"),
    ("/api/v1/stats/rankings/?by=province", "by"),
    ("/api/v1/stats/rankings/?program=no_such_award", "program"),
    ("/api/v1/stats/timeseries/?figure=nothing.total", "figure"),
    ("/api/v1/stats/timeseries/?figure=gi_products.total&year_from=2020&year_to=2010",
     "year_from"),
    ("/api/v1/enterprises/?division=370799", "division"),
    ("/api/v1/enterprises/?industry=Q99", "industry"),
    ("/api/v1/enterprises/?founded_on__gte=2024-02-30", "founded_on__gte"),
    ("/api/v1/awards/?tier=gold", "tier"),
    ("/api/v1/awards/?program=no_such_award", "program"),
    ("/api/v1/patents/?type=software", "type"),
    ("/api/v1/patents/?status=alive", "status"),
    ("/api/v1/pledges/?amount__gte=lots", "amount__gte"),
    ("/api/v1/designations/?list=no_such_list", "list"),
    ("/api/v1/enterprises/?ordering=contact_phone", "ordering"),
    ("/api/v1/enterprises/?fields=id,secret", "fields"),
    ("/api/v1/enterprises/?page=0", "page"),
    ("/api/v1/enterprises/?page_size=abc", "page_size"),
])
def test_a_bad_parameter_is_a_400_that_names_it(api, records, url, parameter):
    response = api.get(url)
    assert response.status_code == 400, response.content
    body = response.json()
    assert parameter in body["errors"], body
    assert body["message"].startswith(parameter)


def test_it_filters_a_city_with_its_districts(api, records, division):
    from tests.registry.factories import EnterpriseFactory

    EnterpriseFactory(division=division("370200"))  # Qingdao, another city
    city = api.get("/api/v1/enterprises/?division=370700").json()
    assert city["count"] == 3
    county = api.get("/api/v1/enterprises/?division=370783&industry=").json()
    assert county["count"] == 3
    assert api.get("/api/v1/enterprises/?division=370702").json()["count"] == 0


def test_it_filters_awards_by_program_tier_and_year(api, records):
    response = api.get("/api/v1/awards/?program=governor_quality_award&tier=winner"
                       "&year__gte=2022").json()
    assert [row["session"]["year"] for row in response["results"]] == [2023, 2022]
    assert response["results"][0]["program"]["code"] == "governor_quality_award"
    assert response["results"][0]["division"]["code"] == "370783"


def test_it_filters_by_an_enterprises_uscc_in_any_spelling(api, records):
    uscc = records["enterprises"][1].uscc
    spelled = f"{uscc[:6].lower()} {uscc[6:]}"
    response = api.get("/api/v1/patents/", {"enterprise_uscc": spelled}).json()
    assert [row["holder_enterprises"][0]["uscc"] for row in response["results"]] == [uscc]


def test_it_searches_names_and_codes(api, records):
    enterprise = records["enterprises"][2]
    assert api.get(f"/api/v1/enterprises/?search={enterprise.uscc}").json()["count"] == 1
    assert api.get("/api/v1/enterprises/?search=测试企业").json()["count"] == 3


def test_it_orders_on_the_allowlist_with_the_key_as_tie_breaker(api, records):
    rows = api.get("/api/v1/pledges/?ordering=-amount").json()["results"]
    # Equal amounts: the primary key decides, so pages never overlap.
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)


def test_it_returns_only_the_fields_asked_for(api, records):
    rows = api.get("/api/v1/enterprises/?fields=uscc,name").json()["results"]
    assert set(rows[0]) == {"uscc", "name"}


def test_it_caps_the_page_size(api, records, monkeypatch):
    from core.api import Pagination

    monkeypatch.setattr(Pagination, "max_page_size", 2)
    response = api.get("/api/v1/enterprises/?page_size=100000")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2


def test_related_objects_are_brief_with_a_link(api, records):
    row = api.get("/api/v1/designations/?page_size=1").json()["results"][0]
    assert set(row["enterprise"]) == {"id", "name", "uscc", "url"}
    assert api.get(row["enterprise"]["url"]).status_code == 200

"""The activities' read-only resources: public fields, filters, constant query counts."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from activities.models import CaseKind
from tests.activities.factories import (
    CharacteristicProductFactory,
    CreditLineFactory,
    EnforcementCaseFactory,
    ExhibitionFactory,
    SupportVisitFactory,
)

pytestmark = pytest.mark.django_db

# (endpoint, most queries, what they are)
LISTS = [
    ("credit-lines", 2, "1) COUNT  2) the page joined with the enterprise and its division"),
    ("support-visits", 2, "1) COUNT  2) the page joined with the enterprise and its division"),
    ("characteristic-products", 2, "1) COUNT  2) the page joined with enterprise and division"),
    ("exhibitions", 2, "1) COUNT  2) the page joined with the division"),
    ("enforcement-cases", 2, "1) COUNT  2) the page joined with the division"),
]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def records(division):
    for _ in range(3):
        CreditLineFactory()
        SupportVisitFactory()
        CharacteristicProductFactory()
        ExhibitionFactory()
        EnforcementCaseFactory()
    EnforcementCaseFactory(kind=CaseKind.ADJUDICATION, ruling_issued_on=date(2024, 5, 1),
                           division=division("370781"))


@pytest.mark.parametrize(("endpoint", "most", "queries"), LISTS,
                         ids=[endpoint for endpoint, _most, _queries in LISTS])
def test_it_lists_in_a_constant_number_of_queries(api, records, endpoint, most, queries,
                                                  django_assert_max_num_queries):
    for page_size in (1, 100):
        # `queries` names them: 1) COUNT  2) the joined page
        with django_assert_max_num_queries(most, info=queries):
            response = api.get(f"/api/v1/{endpoint}/?page_size={page_size}")
        assert response.status_code == 200, response.content
        assert len(response.json()["results"]) == min(page_size, response.json()["count"])
    assert response.json()["count"] >= 2


def test_a_case_shows_no_outcome_or_parties(api, records):
    row = api.get("/api/v1/enforcement-cases/").json()["results"][0]

    assert set(row) == {"id", "url", "case_number", "kind", "subject", "opened_on",
                        "closed_on", "ruling_issued_on", "division"}


def test_a_support_visit_shows_no_notes(api, records):
    row = api.get("/api/v1/support-visits/").json()["results"][0]

    assert "notes" not in row
    assert row["enterprise"]["uscc"]


def test_it_filters_cases_by_kind_division_and_ruling(api, records):
    def count(query):
        return api.get(f"/api/v1/enforcement-cases/?{query}").json()["count"]

    assert count("kind=adjudication") == 1
    assert count("division=370781") == 1
    assert count("division=370700") == 4
    assert count("ruling_issued=true") == 1
    assert count("ruling_issued=false") == 3


def test_an_unknown_division_code_is_a_400_naming_the_parameter(api, records):
    response = api.get("/api/v1/exhibitions/?division=999999")

    assert response.status_code == 400
    assert "division" in response.json()["errors"]


def test_the_stats_summary_includes_the_activities_figures(api, records):
    response = api.get("/api/v1/stats/summary/?division=370700&as_of=2024-12-16")

    assert response.status_code == 200, response.content
    figures = {row["key"]: row for row in response.json()["figures"]}
    assert figures["enforcement.cases"]["value"] == 3
    assert figures["quality_credit.enterprises"]["value"] == 3
    assert figures["quality_credit.amount_yuan"]["unit"] == "yuan"
    assert figures["patent_transfers.total"]["group"] == "patent_transfers"

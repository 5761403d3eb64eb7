"""Every list endpoint runs the same number of queries for a page of 1 and a page of 100."""

import pytest

# (endpoint, most queries, what they are)
LISTS = [
    ("divisions", 2, "1) COUNT  2) the page joined with the parent"),
    ("industries", 2, "1) COUNT  2) the page joined with the parent"),
    ("enterprises", 2, "1) COUNT  2) the page joined with division and industry"),
    ("persons", 2, "1) COUNT  2) the page joined with division and employer"),
    ("award-programs", 2, "1) COUNT  2) the page"),
    ("award-sessions", 2, "1) COUNT  2) the page joined with the program"),
    ("awards", 2, "1) COUNT  2) the page joined with session, program, awardee, division"),
    ("designations", 2, "1) COUNT  2) the page joined with list, enterprise and division"),
    ("patents", 4, "1) COUNT  2) the page  3) holder enterprises  4) holder persons"),
    ("patent-awards", 2, "1) COUNT  2) the page joined with session, patent, awardee"),
    ("pledges", 3, "1) COUNT  2) the page joined with pledgor and division  3) patents"),
    ("transfers", 2, "1) COUNT  2) the page joined with patent and both enterprises"),
    ("gi-products", 3, "1) COUNT  2) the page  3) the divisions of the protected areas"),
    ("provincial-figures", 2, "1) COUNT  2) the page joined with the division"),
    ("subsidy-policies", 5, "1) COUNT  2) the page joined with the division  3) rules "
                            "4) their award programs  5) their designation lists"),
    ("subsidy-grants", 2, "1) COUNT  2) the page joined with rule, policy and awardee"),
]


@pytest.mark.parametrize(("endpoint", "most", "queries"), LISTS,
                         ids=[endpoint for endpoint, _most, _queries in LISTS])
def test_it_lists_in_a_constant_number_of_queries(api, records, endpoint, most, queries,
                                                  django_assert_max_num_queries):
    # A prefetch is skipped when a page has nothing to fetch (a policy without a designation
    # rule), so a small page may run fewer queries; never more than `most`.
    for page_size in (1, 100):
        # `queries` names them, e.g. for awards: 1) COUNT  2) the joined page
        with django_assert_max_num_queries(most, info=queries):
            response = api.get(f"/api/v1/{endpoint}/?page_size={page_size}")
        assert response.status_code == 200, response.content
        assert len(response.json()["results"]) == min(page_size, response.json()["count"])
    assert response.json()["count"] >= 2, "the data must make the two page sizes differ"


def test_a_private_reader_lists_persons_and_grants_in_the_same_queries(
        token_client, records, django_assert_max_num_queries):
    client = token_client("private_read")
    client.get("/api/v1/persons/")  # the token's last use is written once a minute
    # 1) the token  2) COUNT  3) the page joined with division and employer
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/persons/?page_size=100").status_code == 200
    # 1) the token  2) COUNT  3) the page joined with rule, policy, awardee and division
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/subsidy-grants/?page_size=100").status_code == 200

"""Property-based run over the OpenAPI schema: every GET endpoint, with any mix of its
documented query parameters set to plausible or hostile values, answers without a server error.

Hypothesis draws the query strings from the parameters the schema documents (so a parameter
added to a filter is exercised without touching this file); the requests go through Django's
test client, in process, offline."""

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HOSTILE = st.sampled_from([
    "", " ", "0", "-1", "1e400", "NaN", "Infinity", "99999999999999999999", "-0.5",
    "2024-02-30", "2024-13-45", "0000-00-00", "9999-12-31", "1900-01-01", "%", "_", "'", '"',
    "\\", "\x00", "a\x00b", "../", "<script>", "=1+1", ",", ",,", "-", "__", "370700,370783",
    "潍坊", "ZL", "null", "true", "[]", "{}",
])


def _value(schema: dict) -> st.SearchStrategy[str]:
    kind = schema.get("type")
    if schema.get("enum"):
        plausible = st.sampled_from([str(value) for value in schema["enum"] if value is not None])
    elif kind == "integer":
        plausible = st.integers(min_value=-10, max_value=3000).map(str)
    elif kind == "number":
        plausible = st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str)
    elif kind == "boolean":
        plausible = st.sampled_from(["true", "false", "True", "0", "1"])
    elif schema.get("format") == "date":
        plausible = st.dates().map(lambda day: day.isoformat())
    elif kind == "array":
        plausible = st.lists(_value(schema.get("items", {})), max_size=3).map(",".join)
    else:
        plausible = st.text(max_size=20)
    return st.one_of(plausible, HOSTILE, st.text(max_size=12), st.integers().map(str))


def _endpoints():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = {parameter["name"]: parameter.get("schema", {})
                      for parameter in operation.get("parameters", [])
                      if parameter["in"] == "query"}
        path_parameters = [parameter["name"] for parameter in operation.get("parameters", [])
                           if parameter["in"] == "path"]
        found.append((path, path_parameters, parameters))
    return found


ENDPOINTS = _endpoints()


def _query(parameters: dict) -> st.SearchStrategy[dict]:
    if not parameters:
        return st.just({})
    return st.fixed_dictionaries({}, optional={
        name: _value(schema) for name, schema in parameters.items()})


def _request(endpoint) -> st.SearchStrategy[tuple[str, dict]]:
    path, path_parameters, parameters = endpoint
    # A lookup that exists, and hostile ones.
    lookups = st.one_of(st.sampled_from(["1", "370700", "C", "china_quality_award"]),
                        HOSTILE.filter(lambda value: "/" not in value and value.strip()),
                        st.integers().map(str))

    def url(lookup):
        filled = path
        for name in path_parameters:
            filled = filled.replace("{" + name + "}", lookup)
        return filled

    return st.tuples(lookups.map(url), _query(parameters))


# One run over every endpoint, so the records are created once: about 20 requests per
# endpoint, a minute on a shared machine.
@settings(max_examples=20 * len(ENDPOINTS), deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(request=st.sampled_from(ENDPOINTS).flatmap(_request))
def test_no_query_gives_a_server_error(records, unthrottled, request):
    url, query = request
    response = Client().get(url, query)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code < 500, (url, query, response.content[:300])
    assert response["X-Request-ID"]


def test_the_run_covers_every_list_and_stats_endpoint():
    paths = {path for path, _p, _q in ENDPOINTS}
    assert {"/api/v1/enterprises/", "/api/v1/subsidy-grants/", "/api/v1/stats/summary/",
            "/api/v1/persons/{id}/"} <= paths
    assert len(paths) >= 35


@pytest.fixture
def unthrottled(settings):
    # Hundreds of anonymous requests from one address: lift the limit for this run.
    settings.API_THROTTLE_RATES = {}

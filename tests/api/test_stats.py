"""The statistics endpoints: the seed's figures from the demo data, rankings, series, cache."""

import io
from datetime import date
from decimal import Decimal

from django.core.management import call_command

from figures.selectors import FIGURES
from tests.seed import SEED_FIGURES

SUMMARY = "/api/v1/stats/summary/?as_of=2024-12-16&division=370700"


def test_the_summary_of_the_demo_data_reports_every_seed_figure(api, db,
                                                                django_assert_max_num_queries):
    call_command("load_demo", stdout=io.StringIO())
    response = api.get(SUMMARY)
    assert response.status_code == 200
    body = response.json()
    values = body["values"]
    for key, expected in SEED_FIGURES.items():
        assert Decimal(str(values[key])) == expected, key
    assert [figure["key"] for figure in body["figures"]] == [figure.key for figure in FIGURES]
    gi = next(figure for figure in body["figures"] if figure["key"] == "gi_products.total")
    assert gi["provincial_rank"] == 2 and gi["unit"] == "count"
    # Cached: 1) the division named in the query; the figures come from the cache.
    with django_assert_max_num_queries(1):
        assert api.get(SUMMARY).json()["values"] == values


def test_a_record_change_invalidates_the_cached_figures(api, records, weifang,
                                                        django_capture_on_commit_callbacks):
    from registry.services import gi_product_create

    url = "/api/v1/stats/summary/?as_of=2024-12-16"  # the city by default
    before = api.get(url).json()["values"]["gi_products.total"]
    assert before == 3
    with django_capture_on_commit_callbacks(execute=True):
        gi_product_create(name="安丘大姜", category="vegetable", approved_on=date(2024, 6, 1),
                          divisions=[weifang], source="test")
    assert api.get(url).json()["values"]["gi_products.total"] == 4


def test_it_defaults_to_today_and_the_city(api, records):
    from django.utils import timezone

    body = api.get("/api/v1/stats/summary/").json()
    assert body["as_of"] == timezone.localdate().isoformat()
    assert body["division"]["code"] == "370700"


def test_it_ranks_enterprises_by_their_honours(api, records):
    body = api.get("/api/v1/stats/rankings/?by=enterprise&program=governor_quality_award"
                   "&year_from=2021&year_to=2023").json()
    assert body["by"] == "enterprise"
    assert sorted(row["uscc"] for row in body["results"]) == sorted(
        enterprise.uscc for enterprise in records["enterprises"])
    assert {row["award_wins"] for row in body["results"]} == {1}


def test_it_ranks_divisions_under_the_city(api, records):
    rows = api.get("/api/v1/stats/rankings/?by=division&year=2022").json()["results"]
    shouguang = next(row for row in rows if row["code"] == "370783")
    assert shouguang["score"] > 0 and rows[0]["code"] == "370783"


def test_it_gives_a_figures_yearly_series(api, records):
    body = api.get("/api/v1/stats/timeseries/?figure=gi_products.total&division=370783"
                   "&year_from=2023&year_to=2024").json()
    assert body["results"] == [{"year": 2023, "value": 0}, {"year": 2024, "value": 3}]
    assert body["unit"] == "count"


def test_stats_download_as_csv(api, records):
    response = api.get("/api/v1/stats/rankings/?by=enterprise&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert records["enterprises"][0].uscc in response.content.decode("utf-8-sig")


def test_it_returns_the_best_rows_up_to_the_limit_and_counts_them_all(api, records):
    everything = api.get("/api/v1/stats/rankings/?by=enterprise").json()
    best = api.get("/api/v1/stats/rankings/?by=enterprise&limit=1").json()

    assert best["count"] == everything["count"] == len(everything["results"]) > 1
    assert best["results"] == everything["results"][:1]
    assert api.get("/api/v1/stats/rankings/?limit=0").status_code == 400

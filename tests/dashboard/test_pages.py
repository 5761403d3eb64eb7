"""The public pages on the demo data: the seed's figures computed from the records, the
rankings, the catalogues, and how many queries the home page costs."""

import csv
import io
import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from figures.selectors import figures_as_of
from registry.models import Designation, Division
from registry.selectors import active_on

PRESS_RELEASE_DAY = "2024-12-16"


def figure_texts(html: str) -> dict[str, str]:
    """{figure key: the text shown for it} from the home page's figure cards."""
    found = {}
    for key, inner in re.findall(r'data-key="([^"]+)"[^>]*>(.*?)</(?:div|dd)>', html, re.S):
        found[key] = re.sub(r"<[^>]+>", "", inner).strip()
    return found


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.django_db(serialized_rollback=True)
def test_it_shows_zeros_and_empty_tables_on_a_registry_without_records(client):
    # This test also makes pytest-django create the test database that demo_data fills.
    response = client.get("/?as_of=2024-12-16")

    assert response.status_code == 200
    shown = figure_texts(response.content.decode())
    assert shown["china_quality_award.total"] == "0"
    assert shown["valid_invention_patents.total"] == "0"
    assert client.get("/rankings/").status_code == 200


def test_it_shows_the_press_release_figures_computed_from_the_demo_records(demo_data, english):
    response = english.get(f"/?as_of={PRESS_RELEASE_DAY}")

    assert response.status_code == 200
    shown = figure_texts(response.content.decode())
    assert shown["china_quality_award.total"] == "4"
    assert shown["governor_quality_award.total"] == "21"
    assert shown["good_products_shandong.total"] == "56"
    assert shown["good_products_shandong.new"] == "11"
    assert shown["high_end_brand_cultivation.total"] == "221"
    assert shown["high_end_brand_cultivation.new"] == "42"
    assert [shown[f"china_patent_award.{level}"]
            for level in ("gold", "silver", "excellence", "design_excellence")] == [
        "4", "3", "50", "2"]
    assert shown["gi_products.total"] == "39"
    assert shown["gi_products.new"] == "28"
    assert shown["valid_invention_patents.total"] == "27,650"
    assert shown["patent_pledges.count"] == "267"
    assert shown["patent_pledges.amount_yuan"] == "4.207 billion yuan"


def test_it_shows_the_provincial_ranks_the_press_release_states(demo_data, english):
    html = english.get(f"/?as_of={PRESS_RELEASE_DAY}").content.decode()

    cards = dict(re.findall(r'data-group="([^"]+)">(.*?)</li>', html, re.S))
    assert "No. 2 in the province" in cards["good_products_shandong"]
    assert "No. 3 in the province" in cards["high_end_brand_cultivation"]
    assert "No. 2 in the province" in cards["gi_products"]
    assert "No. 3 in the province" in cards["valid_invention_patents"]


def test_it_renders_every_chart_as_a_table_for_readers_without_javascript(demo_data, english):
    html = english.get(f"/?as_of={PRESS_RELEASE_DAY}").content.decode()

    for chart in ("honours-by-year", "honours-by-district", "patents-by-year",
                  "gi-by-category"):
        panel = html.split(f'id="chart-{chart}"', 1)[1].split("</figure>", 1)[0]
        assert "<details class=\"chart-data\" open>" in panel
        assert "<th scope=\"row\">" in panel
    patents = html.split('id="chart-patents-by-year"', 1)[1].split("</figure>", 1)[0]
    assert "<th scope=\"row\">2024</th><td class=\"num\">27,650</td>" in patents


def test_it_renders_the_home_page_in_a_bounded_number_of_queries(
        demo_data, client, django_assert_max_num_queries):
    weifang = Division.objects.get(code="370700")
    with CaptureQueriesContext(connection) as figures:
        figures_as_of(as_of=date(2024, 12, 16), division=weifang)
    cache.clear()
    # Cold: 1) the city  2) figures_as_of (a fixed number, counted above)  3) the award and
    # the designation figures for each of the 10 chart years (20)  4) valid invention patents
    # for each chart year (10)  5) the rankings by district: the division tree, the subtree
    # and one GROUP BY per kind of honour (6)  6) GI categories: the subtree and a GROUP BY (2).
    with django_assert_max_num_queries(len(figures) + 1 + 20 + 10 + 6 + 2):
        assert client.get(f"/?as_of={PRESS_RELEASE_DAY}").status_code == 200
    # Warm: only the city; everything else comes from the cache.
    with django_assert_max_num_queries(1):
        assert client.get(f"/?as_of={PRESS_RELEASE_DAY}").status_code == 200


def test_it_answers_the_rankings_and_the_gi_catalogue(demo_data, client):
    assert client.get("/rankings/").status_code == 200
    assert client.get("/gi-products/").status_code == 200


def test_it_ranks_districts_by_composite_score_and_publishes_the_weights(demo_data, english):
    html = english.get("/rankings/").content.decode()

    assert "Award wins × 5" in html
    assert "Brand designations × 1" in html
    scores = [int(value) for value in re.findall(
        r'<td class="num">(\d+)</td>\s*</tr>', html)]
    assert len(scores) >= 12
    assert scores == sorted(scores, reverse=True)


def test_it_filters_rankings_by_program_from_the_query_string(demo_data, english):
    everything = english.get("/rankings/?by=enterprise").content.decode()
    quality = english.get("/rankings/?by=enterprise&program=china_quality_award"
                          ).content.decode()

    assert "潍柴动力股份有限公司" in quality
    count = re.compile(r"(\d+) enterprises? by composite score")
    assert int(count.search(quality).group(1)) < int(count.search(everything).group(1))


def test_it_sorts_a_ranking_column_both_ways(demo_data, english):
    url = "/rankings/?by=division&sort=designations&order="
    ascending = english.get(url + "asc").content.decode()
    descending = english.get(url + "desc").content.decode()

    def column(html):
        rows = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>", 1)[1], re.S)
        return [int(re.findall(r'<td class="num">(\d+)</td>', row)[-2]) for row in rows]

    assert column(ascending) == sorted(column(ascending))
    assert column(descending) == sorted(column(descending), reverse=True)
    assert 'aria-sort="ascending"' in ascending


def test_it_downloads_the_ranking_as_csv(demo_data, english):
    response = english.get("/rankings/csv/?by=division&program=good_products_shandong")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Rank", "Name", "Code"]
    assert rows[0][-1] == "Composite score"
    assert len(rows) >= 13
    in_force = Designation.objects.filter(
        active_on(timezone.localdate(), date_field="designated_on"),
        designation_list__code="good_products_shandong",
        enterprise__division__code__startswith="3707").count()
    assert sum(int(row[-2]) for row in rows[1:]) == in_force


def test_it_opens_the_other_public_pages(demo_data, client):
    for url in ("/honours/", "/honours/awards/china_quality_award/",
                "/honours/lists/good_products_shandong/", "/enterprises/",
                "/enterprises/?division=370783", "/patent-awards/", "/subsidy-notice/",
                "/search/?q=潍柴"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url

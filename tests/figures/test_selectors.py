from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards.models import Tier
from figures.selectors import (
    FIGURES,
    RANKING_WEIGHTS,
    figure_timeseries,
    figure_value,
    figures_as_of,
    provincial_rank,
    rankings,
)
from registry.models import DesignationList
from registry.services import provincial_figure_set
from tests.awards.factories import AwardRecordFactory
from tests.patents.factories import PatentAwardFactory, PatentFactory, PatentPledgeFactory
from tests.registry.factories import DesignationFactory, EnterpriseFactory, PersonFactory

pytestmark = pytest.mark.django_db
SEED_DATE = date(2024, 12, 16)
NEW = "good_products_shandong.new"


def _some_of_everything(count):
    for _ in range(count):
        enterprise = EnterpriseFactory()
        DesignationFactory(enterprise=enterprise)
        AwardRecordFactory(enterprise=enterprise)
        PatentFactory(holder_enterprises=[enterprise])
        PatentAwardFactory(enterprise=enterprise)
        PatentPledgeFactory(pledgor=enterprise)


def test_it_gives_every_figure_key_then_the_rank_of_every_rankable_one(weifang):
    values = figures_as_of(as_of=SEED_DATE, division=weifang)

    keys = [figure.key for figure in FIGURES]
    ranks = [figure.key + ".provincial_rank" for figure in FIGURES if figure.rankable]
    assert list(values) == keys + ranks
    assert values["patent_pledges.amount_yuan"] == Decimal("0.00")
    assert all(values[rank] is None for rank in ranks)


def test_it_computes_all_figures_in_a_bounded_number_of_queries(weifang,
                                                                django_assert_max_num_queries):
    _some_of_everything(5)
    # 1) the division tree  2) award records  3) designations  4) China Patent Awards
    # 5) GI products  6) valid invention patents  7) pledges  8) credit lines
    # 9) support visits  10) patent pools  11) pool members  12) patent transfers
    # 13) characteristic products  14) exhibitions  15) IP protection cases
    # 16) other cities' values
    with django_assert_max_num_queries(16):
        values = figures_as_of(as_of=SEED_DATE, division=weifang)
    assert values["good_products_shandong.total"] == 5
    assert values["valid_invention_patents.total"] == 10  # 5 held + 5 awarded


def test_it_ranks_the_city_among_the_other_cities_that_published_a_value(weifang, division):
    for _ in range(3):
        DesignationFactory()
    provincial_figure_set(division=division("370100"), key=NEW, year=2024, value=5)
    provincial_figure_set(division=division("370200"), key=NEW, year=2024, value=3)
    provincial_figure_set(division=division("370300"), key=NEW, year=2024, value=2)
    # The city's own published value and another year's values play no part.
    provincial_figure_set(division=weifang, key=NEW, year=2024, value=100)
    provincial_figure_set(division=division("370400"), key=NEW, year=2023, value=9)

    values = figures_as_of(as_of=SEED_DATE, division=weifang)

    # Greater: 济南 only; 青岛's equal value does not push the city down.
    assert values[NEW + ".provincial_rank"] == 2
    assert provincial_rank(key=NEW, as_of=SEED_DATE, division=weifang) == 2
    assert figure_value(key=NEW + ".provincial_rank", as_of=SEED_DATE, division=weifang) == 2
    assert values["good_products_shandong.total.provincial_rank"] is None
    # In 2023 the city had no new brand and only 枣庄 published a value (9).
    assert provincial_rank(key=NEW, as_of=date(2023, 12, 31), division=weifang) == 2


def test_a_county_has_no_provincial_rank(division):
    provincial_figure_set(division=division("370100"), key=NEW, year=2024, value=5)
    assert provincial_rank(key=NEW, as_of=SEED_DATE, division=division("370783")) is None


def test_it_gives_one_figure_and_refuses_an_unknown_key(weifang):
    DesignationFactory()
    assert figure_value(key=NEW, as_of=SEED_DATE, division=weifang) == 1
    with pytest.raises(ValidationError) as error:
        figure_value(key="good_products_shandong.old", as_of=SEED_DATE, division=weifang)
    assert "key" in error.value.message_dict


def test_it_gives_a_timeseries_as_of_each_year_end(weifang):
    DesignationFactory(year=2023, batch=2, designated_on=date(2023, 4, 20))
    DesignationFactory(year=2024)

    series = figure_timeseries(key="good_products_shandong.total", division=weifang,
                               years=[2022, 2023, 2024, 2999])

    assert series == [{"year": 2022, "value": 0}, {"year": 2023, "value": 1},
                      {"year": 2024, "value": 2}, {"year": 2999, "value": None}]


def test_it_ranks_divisions_by_weighted_honours(weifang, division):
    zone = EnterpriseFactory(division=division("370790"))
    AwardRecordFactory(enterprise=zone)
    AwardRecordFactory(enterprise=zone, tier=Tier.NOMINATION)
    PatentAwardFactory(enterprise=zone)
    DesignationFactory(enterprise=EnterpriseFactory(division=division("370783")))
    AwardRecordFactory(enterprise=None, person=PersonFactory(division=division("370783")))

    rows = rankings(by="division", program=None, year_from=None, year_to=None,
                    division=weifang)

    assert [row["code"] for row in rows[:2]] == ["370790", "370783"]
    assert rows[0] == {
        "id": division("370790").pk, "code": "370790", "name": "高新区", "award_wins": 1,
        "award_nominations": 1, "patent_awards": 1, "designations": 0,
        "score": RANKING_WEIGHTS["award_wins"] + RANKING_WEIGHTS["award_nominations"]
        + RANKING_WEIGHTS["patent_awards"]}
    assert rows[1]["award_wins"] == 1 and rows[1]["designations"] == 1
    # Every county and zone has a row, the ones without honours last.
    assert len(rows) == 16 and rows[-1]["score"] == 0


def test_it_ranks_enterprises_for_one_program_and_years(weifang):
    leader, other = EnterpriseFactory(name="乙企业"), EnterpriseFactory(name="甲企业")
    DesignationFactory(enterprise=leader)
    DesignationFactory(enterprise=leader)
    DesignationFactory(enterprise=other)
    DesignationFactory(enterprise=other, year=2023, batch=2)
    AwardRecordFactory(enterprise=other)

    rows = rankings(by="enterprise", program="good_products_shandong", year_from=2024,
                    year_to=2024, division=weifang)

    assert [(row["name"], row["designations"], row["award_wins"], row["score"])
            for row in rows] == [("乙企业", 2, 0, 2), ("甲企业", 1, 0, 1)]
    assert rows[0]["uscc"] == leader.uscc and rows[0]["division_code"] == "370783"


def test_it_refuses_an_unknown_program_or_grouping(weifang):
    assert DesignationList.objects.filter(code="good_products_shandong").exists()
    with pytest.raises(ValidationError) as error:
        rankings(by="division", program="nobel_prize", year_from=None, year_to=None,
                 division=weifang)
    assert "program" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        rankings(by="industry", program=None, year_from=None, year_to=None, division=weifang)
    assert "by" in error.value.message_dict


def test_it_ranks_enterprises_in_a_bounded_number_of_queries(weifang,
                                                             django_assert_max_num_queries):
    _some_of_everything(5)
    # 1) the division tree  2) the subtree  3) awards  4) designations  5) China Patent Awards,
    # each grouped by holder  6) the enterprises' names
    with django_assert_max_num_queries(6):
        rows = rankings(by="enterprise", program=None, year_from=None, year_to=None,
                        division=weifang)
    assert len(rows) == 5
    assert {row["score"] for row in rows} == {sum(RANKING_WEIGHTS[kind] for kind in (
        "award_wins", "designations", "patent_awards"))}

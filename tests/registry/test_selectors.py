from datetime import date

import pytest

from core.validators import make_uscc
from registry.models import DesignationList, EntryKind, GISystem, RecordStatus
from registry.selectors import (
    designation_figures,
    division_subtree_ids,
    gi_product_figures,
    provincial_figure_values,
)
from registry.services import provincial_figure_set
from tests.registry.factories import DesignationFactory, EnterpriseFactory, GIProductFactory

pytestmark = pytest.mark.django_db
SEED_DATE = date(2024, 12, 16)


def _figures(division, as_of=SEED_DATE):
    return designation_figures(as_of=as_of, division_ids=division_subtree_ids(division))


def _high_end(**fields):
    return DesignationFactory(
        designation_list=DesignationList.objects.get(code="high_end_brand_cultivation"),
        brand="", batch=None, **fields)


def test_it_does_not_count_a_designation_revoked_on_or_before_the_date(weifang):
    DesignationFactory()
    DesignationFactory(status=RecordStatus.REVOKED, revoked_on=SEED_DATE)
    DesignationFactory(status=RecordStatus.REVOKED, revoked_on=date(2025, 1, 2))

    figures = _figures(weifang)

    # The one revoked after the date still counted on it.
    assert figures["good_products_shandong.total"] == 2
    assert _figures(weifang, date(2025, 6, 1))["good_products_shandong.total"] == 1


def test_it_counts_as_new_only_the_designations_of_the_as_of_year(weifang):
    DesignationFactory(year=2023, batch=2)
    DesignationFactory(year=2024, batch=3)
    DesignationFactory(year=2024, batch=3)

    figures = _figures(weifang)

    assert figures["good_products_shandong.total"] == 3
    assert figures["good_products_shandong.new"] == 2
    assert _figures(weifang, date(2023, 12, 31))["good_products_shandong.new"] == 1


def test_it_does_not_count_a_designation_dated_after_the_as_of_date(weifang):
    DesignationFactory(year=2024, designated_on=date(2024, 5, 10))

    assert _figures(weifang, date(2024, 5, 9))["good_products_shandong.total"] == 0
    assert _figures(weifang, date(2024, 5, 10))["good_products_shandong.total"] == 1


def test_it_counts_an_enterprise_listed_in_several_years_once(weifang):
    enterprise = EnterpriseFactory()
    _high_end(enterprise=enterprise, year=2023, designated_on=date(2023, 7, 20))
    _high_end(enterprise=enterprise, year=2024, designated_on=date(2024, 8, 22),
              entry_kind=EntryKind.CONTINUING)
    _high_end(year=2024, designated_on=date(2024, 8, 22))

    figures = _figures(weifang)

    assert figures["high_end_brand_cultivation.total"] == 2
    # Continuing entries are not new, whatever the year.
    assert figures["high_end_brand_cultivation.new"] == 1


def test_a_zones_records_count_for_the_city_and_not_for_a_county(weifang, division):
    DesignationFactory(enterprise=EnterpriseFactory(division=division("370790")))

    assert _figures(weifang)["good_products_shandong.total"] == 1
    assert _figures(division("370790"))["good_products_shandong.total"] == 1
    assert _figures(division("370783"))["good_products_shandong.total"] == 0


def test_another_citys_designations_do_not_count(weifang, division):
    DesignationFactory(enterprise=EnterpriseFactory(
        division=division("370100"), uscc=make_uscc("91370100MA9999999")))
    assert _figures(weifang)["good_products_shandong.total"] == 0


def _gi(divisions, **fields):
    product = GIProductFactory(**fields)
    product.divisions.set(divisions)
    return product


def test_it_counts_only_gi_protected_products_of_the_city_once_each(weifang, division):
    _gi([division("370784"), division("370783")], approved_on=date(2006, 12, 31))
    _gi([division("370784")], approved_on=date(2024, 3, 1))
    _gi([division("370784")], system=GISystem.TRADEMARK)
    _gi([division("370784")], system=GISystem.AGRICULTURAL)
    _gi([division("370200")])
    _gi([division("370784")], approved_on=date(2025, 1, 5))
    _gi([division("370784")], approved_on=date(2015, 1, 5), status=RecordStatus.REVOKED,
        revoked_on=date(2020, 1, 1))

    figures = gi_product_figures(as_of=SEED_DATE, division_ids=division_subtree_ids(weifang))

    assert figures == {"gi_products.total": 2, "gi_products.new": 1}


def test_it_lists_other_cities_values_for_the_year_only(weifang, division):
    provincial_figure_set(division=division("370100"), key="gi_products.total", year=2024,
                          value=40)
    provincial_figure_set(division=division("370200"), key="gi_products.total", year=2023,
                          value=50)
    provincial_figure_set(division=weifang, key="gi_products.total", year=2024, value=39)

    values = provincial_figure_values(keys=["gi_products.total"], year=2024,
                                      exclude_division=weifang)

    assert values == {"gi_products.total": [40]}

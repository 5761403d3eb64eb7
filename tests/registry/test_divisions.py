"""The divisions seeded by migration: Shandong, its 16 cities, Weifang's units and zones."""

import pytest

from registry.models import Division, DivisionCodeKind, DivisionLevel

WEIFANG_COUNTY_CODES = {
    "370702", "370703", "370704", "370705", "370724", "370725",
    "370781", "370782", "370783", "370784", "370785", "370786",
}
SHANDONG_CITY_CODES = {
    "370100", "370200", "370300", "370400", "370500", "370600", "370700", "370800",
    "370900", "371000", "371100", "371300", "371400", "371500", "371600", "371700",
}


@pytest.mark.django_db
def test_it_seeds_shandong_as_a_province_without_parent():
    shandong = Division.objects.get(code="370000")
    assert shandong.level == DivisionLevel.PROVINCE
    assert shandong.parent is None
    assert shandong.name_zh == "山东省"


@pytest.mark.django_db
def test_it_seeds_the_sixteen_cities_of_shandong():
    cities = Division.objects.filter(level=DivisionLevel.CITY)
    assert set(cities.values_list("code", flat=True)) == SHANDONG_CITY_CODES
    assert set(cities.values_list("parent__code", flat=True)) == {"370000"}


@pytest.mark.django_db
def test_it_seeds_the_twelve_county_level_units_of_weifang(weifang):
    counties = weifang.children.filter(level=DivisionLevel.COUNTY)
    assert set(counties.values_list("code", flat=True)) == WEIFANG_COUNTY_CODES
    assert set(counties.values_list("code_kind", flat=True)) == {DivisionCodeKind.GB}
    assert counties.get(code="370783").name_zh == "寿光市"
    assert counties.get(code="370781").name_zh == "青州市"


@pytest.mark.django_db
def test_it_seeds_the_four_zones_of_weifang_with_their_kind_of_code(weifang):
    zones = {d.name_zh: d for d in weifang.children.filter(level=DivisionLevel.ZONE)}
    assert set(zones) == {"高新区", "滨海区", "峡山区", "综合保税区"}
    # Binhai has a statistics code; the other zones have none in GB/T 2260 nor in statistics.
    assert zones["滨海区"].code == "370772"
    assert zones["滨海区"].code_kind == DivisionCodeKind.STATISTICS
    for name in ("高新区", "峡山区", "综合保税区"):
        assert zones[name].code_kind == DivisionCodeKind.LOCAL


@pytest.mark.django_db
def test_it_gives_every_seeded_division_an_english_name():
    assert not Division.objects.filter(name_en="").exists()

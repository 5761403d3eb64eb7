import io

import pytest
from django.core.management import CommandError, call_command

from awards.models import AwardRecord
from benchmarks.scale_data import SOURCE, clear
from core.validators import patent_number_type, validate_patent_number, validate_uscc
from patents.models import Patent
from registry.models import Division, Enterprise
from subsidies.models import SubsidyGrant
from tests.registry.factories import EnterpriseFactory

TINY = {"enterprises": 50, "patents": 200, "awards": 30, "grants": 10}


def _generate(**options):
    call_command("generate_scale_data", stdout=io.StringIO(), **TINY, **options)


def _snapshot():
    return (
        list(Enterprise.objects.filter(source=SOURCE).order_by("uscc")
             .values_list("uscc", "name", "division__code", "founded_on")),
        list(Patent.objects.filter(source=SOURCE).order_by("number")
             .values_list("number", "type", "title", "granted_on", "status")),
        list(AwardRecord.objects.filter(source=SOURCE).order_by("session__program__code",
                                                                  "session__number", "tier",
                                                                  "enterprise__uscc", "person_id")
             .values_list("session__program__code", "session__number", "tier",
                          "enterprise__uscc")),
    )


@pytest.mark.django_db
def test_it_creates_exactly_the_requested_counts():
    _generate()

    assert Enterprise.objects.filter(source=SOURCE).count() == 50
    assert Patent.objects.filter(source=SOURCE).count() == 200
    assert AwardRecord.objects.filter(source=SOURCE).count() == 30
    assert SubsidyGrant.objects.filter(source=SOURCE).count() == 10


@pytest.mark.django_db
def test_it_writes_codes_that_pass_the_validators_and_records_that_pass_full_clean():
    _generate()

    enterprises = list(Enterprise.objects.filter(source=SOURCE))
    for enterprise in enterprises:
        validate_uscc(enterprise.uscc)
        enterprise.full_clean()
    for patent in Patent.objects.filter(source=SOURCE):
        validate_patent_number(patent.number)
        assert patent_number_type(patent.number) == patent.type
        patent.full_clean()
    for record in AwardRecord.objects.filter(source=SOURCE).select_related("session__program"):
        record.full_clean()
    # Weifang's enterprises sit under its counties and zones, the other cities' under the city.
    for enterprise in enterprises:
        division = enterprise.division
        if enterprise.uscc[2:6] == "3707":
            assert division.parent.code == "370700"
        else:
            assert division.level == "city"
    assert {e.division.code[:4] for e in enterprises} > {"3707"}


@pytest.mark.django_db
def test_it_generates_the_same_data_set_twice():
    _generate()
    first = _snapshot()

    _generate(clear=True)

    assert _snapshot() == first
    assert Enterprise.objects.filter(source=SOURCE).count() == 50


@pytest.mark.django_db
def test_it_clears_only_what_it_generated():
    kept = EnterpriseFactory()
    divisions = Division.objects.count()
    _generate()

    clear()

    assert list(Enterprise.objects.all()) == [kept]
    assert not Patent.objects.exists()
    assert not AwardRecord.objects.exists()
    assert not SubsidyGrant.objects.exists()
    assert Division.objects.count() == divisions


@pytest.mark.django_db
def test_it_refuses_to_generate_over_an_existing_data_set():
    _generate()

    with pytest.raises(CommandError, match="--clear"):
        _generate()

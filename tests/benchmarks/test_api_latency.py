import io

import pytest
from django.core.management import call_command

from benchmarks import api_latency
from patents.models import Patent
from registry.models import Enterprise


@pytest.mark.django_db
def test_it_finds_with_raw_sql_the_answer_the_api_gives_in_every_case(client):
    call_command("generate_scale_data", enterprises=60, patents=300, awards=40, grants=10,
                 stdout=io.StringIO())
    enterprise, patent = Enterprise.objects.order_by("uscc")[30], Patent.objects.first()

    for case in api_latency._cases(enterprise.pk, patent.pk):
        result = api_latency.measure(case, client, requests=1)

        assert result["status"] == 200, case.name
        assert result["same"], case.name
        assert result["queries"] >= 1, case.name

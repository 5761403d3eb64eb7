import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from figures.selectors import FIGURES_BY_KEY
from tests.registry.factories import DesignationFactory

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    call_command("figures", *args, stdout=out)
    return out.getvalue()


def test_it_prints_a_table_of_labels_keys_values_and_ranks(weifang):
    DesignationFactory()

    output = _run("--as-of", "2024-12-16", "--division", "370700")

    line = next(line for line in output.splitlines() if "good_products_shandong.total" in line)
    assert line.split()[-1] == "1"
    # Commands speak the site's default language, Chinese, like the admin.
    with translation.override("zh-hans"):
        assert str(FIGURES_BY_KEY["good_products_shandong.total"].label) in line
    assert "patent_pledges.amount_yuan" in output and "0.00" in output


def test_it_prints_json_with_amounts_as_strings(weifang):
    DesignationFactory()

    values = json.loads(_run("--as-of", "2024-12-16", "--format", "json"))

    assert values["good_products_shandong.new"] == 1
    assert values["patent_pledges.amount_yuan"] == "0.00"
    assert values["good_products_shandong.new.provincial_rank"] is None


def test_it_counts_as_of_today_without_a_date(weifang):
    DesignationFactory(year=2024)
    assert json.loads(_run("--format", "json"))["good_products_shandong.total"] == 1


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "16/12/2024"])
def test_it_refuses_a_bad_date_naming_the_argument(weifang, value):
    with pytest.raises(CommandError, match="--as-of"):
        _run("--as-of", value)


def test_it_refuses_an_unknown_division_naming_the_argument(weifang):
    with pytest.raises(CommandError, match="--division.*999999"):
        _run("--division", "999999")


def test_it_refuses_an_unknown_format(weifang):
    with pytest.raises(CommandError, match="--format"):
        _run("--format", "xml")

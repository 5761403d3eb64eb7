"""The demo data set reproduces every figure of the press release of 16 December 2024."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from activities.models import (
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    SupportVisit,
)
from awards.models import AwardRecord
from patents.models import Patent, PatentAward, PatentPledge, PatentTransfer
from registry.models import Designation, Enterprise, GIProduct
from tests.seed import SEED_FIGURES

pytestmark = pytest.mark.django_db

COUNTED = [Enterprise, Designation, GIProduct, AwardRecord, Patent, PatentAward, PatentPledge,
           PatentTransfer, CreditLine, SupportVisit, CharacteristicProduct, Exhibition,
           EnforcementCase]


def _figures(*args):
    out = StringIO()
    call_command("figures", *args, "--division", "370700", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_the_demo_data_reproduces_every_figure_of_the_seed_and_loads_once():
    call_command("load_demo", stdout=StringIO())

    figures = _figures("--as-of", "2024-12-16")

    ranks_without_values = {key: value for key, value in figures.items()
                            if key.endswith(".provincial_rank") and key not in SEED_FIGURES}
    # The command writes yuan amounts as strings so that no digit is lost.
    assert {key: Decimal(value) if isinstance(value, str) else value
            for key, value in figures.items() if key in SEED_FIGURES} == SEED_FIGURES
    assert set(ranks_without_values.values()) == {None}
    assert set(figures) - set(SEED_FIGURES) == set(ranks_without_values)

    # Records of 2025 make today's figures differ from the seed date's.
    today = _figures()
    assert today["valid_invention_patents.total"] > 27650
    assert today["good_products_shandong.total"] > 56
    assert today["quality_credit.enterprises"] > 92
    assert today["adjudication.rulings"] > 14

    counts = {model: model.objects.count() for model in COUNTED}
    call_command("load_demo", stdout=StringIO())
    assert {model: model.objects.count() for model in COUNTED} == counts
    assert _figures("--as-of", "2024-12-16") == figures

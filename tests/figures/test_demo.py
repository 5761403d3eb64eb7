"""The demo data set reproduces every figure of the press release of 16 December 2024."""

import json
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

pytestmark = pytest.mark.django_db

SEED_FIGURES = {
    "china_quality_award.total": 4,
    "governor_quality_award.total": 21,
    "governor_quality_award.session_10.individual_winners": 1,
    "governor_quality_award.session_10.enterprise_nominations": 1,
    "good_products_shandong.total": 56,
    "good_products_shandong.new": 11,
    "high_end_brand_cultivation.total": 221,
    "high_end_brand_cultivation.new": 42,
    "china_patent_award.gold": 4,
    "china_patent_award.silver": 3,
    "china_patent_award.excellence": 50,
    "china_patent_award.design_excellence": 2,
    "china_patent_award.session_25.excellence_enterprises": 8,
    "gi_products.total": 39,
    "gi_products.new": 28,
    "valid_invention_patents.total": 27650,
    "patent_pledges.count": 267,
    "patent_pledges.amount_yuan": "4207000000.00",
    "quality_credit.enterprises": 92,
    "quality_credit.amount_yuan": "14530000000.00",
    "support.on_site_enterprises": 82,
    "support.policy_manuals": 11,
    "patent_pools.count": 3,
    "patent_pools.member_enterprises": 65,
    "patent_pools.core_patents": 6200,
    "patent_transfers.total": 3112,
    "characteristic_products.total": 1318,
    "exhibitions.count": 20,
    "adjudication.cases": 61,
    "adjudication.rulings": 14,
    "enforcement.cases": 153,
    "unlicensed_agency.acts": 128,
    "good_products_shandong.new.provincial_rank": 2,
    "high_end_brand_cultivation.new.provincial_rank": 3,
    "gi_products.total.provincial_rank": 2,
    "valid_invention_patents.total.provincial_rank": 3,
    "patent_transfers.total.provincial_rank": 3,
}
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
    assert {key: figures[key] for key in SEED_FIGURES} == SEED_FIGURES
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

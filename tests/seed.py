"""The figures of the press release of 16 December 2024 for Weifang (370700) as of 2024-12-16:
DOMAIN.md's "Figure keys" table and the release's other figures. The demo data reproduces them,
and the figures command, the stats API and the dashboard are tested against this one table."""

from decimal import Decimal

SEED_AS_OF = "2024-12-16"
SEED_DIVISION = "370700"

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
    "patent_pledges.amount_yuan": Decimal("4207000000.00"),
    "quality_credit.enterprises": 92,
    "quality_credit.amount_yuan": Decimal("14530000000.00"),
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

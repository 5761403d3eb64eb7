"""The seed's subsidy policy (DOMAIN.md, "Subsidy rules in the seed") as demo data, the grants
the engine proposes from whatever demo records exist, and a deterministic share of them
approved and paid so the public notice has content. Running it twice changes nothing."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from awards.models import AwardProgram
from registry.models import DesignationList, Division
from subsidies import services
from subsidies.models import (
    EligibleAwardees,
    GrantStatus,
    SubsidyGrant,
    SubsidyPolicy,
    SubsidyRule,
    Trigger,
)

POLICY = {
    "title": "潍坊市质量品牌建设奖励办法(演示)",
    "document_number": "演示文件 2012-1",
    "issuer": "潍坊市人民政府(演示)",
    "effective_from": date(2012, 1, 1),
    "effective_to": None,
    "source": "demo data: the amounts of the seed's subsidy rules",
}

# (title, trigger, program code, tier, list code, patent level, amount, first time only, who)
RULES = [
    ("首次获中国质量奖", Trigger.AWARD, "china_quality_award", "winner", None, "",
     "1000000", True, EligibleAwardees.ENTERPRISES),
    ("首次获市长质量奖", Trigger.AWARD, "mayor_quality_award", "winner", None, "",
     "500000", True, EligibleAwardees.ENTERPRISES),
    ("新获“好品山东”品牌", Trigger.DESIGNATION, None, "", "good_products_shandong", "",
     "200000", False, EligibleAwardees.ENTERPRISES),
    ("中国专利金奖", Trigger.PATENT_AWARD, None, "", None, "gold",
     "1000000", False, EligibleAwardees.BOTH),
    ("中国专利银奖", Trigger.PATENT_AWARD, None, "", None, "silver",
     "600000", False, EligibleAwardees.BOTH),
    ("中国专利优秀奖", Trigger.PATENT_AWARD, None, "", None, "excellence",
     "100000", False, EligibleAwardees.BOTH),
]


def policy_load() -> SubsidyPolicy:
    policy = SubsidyPolicy.objects.filter(is_demo=True,
                                          document_number=POLICY["document_number"]).first()
    if policy is None:
        policy = services.policy_save(instance=SubsidyPolicy(
            is_demo=True, division=Division.objects.get(code="370700"), **POLICY))
    for title, trigger, program, tier, list_code, level, amount, first, who in RULES:
        lookup = {"policy": policy, "trigger": trigger, "award_tier": tier,
                  "patent_award_level": level,
                  "award_program": AwardProgram.objects.get(code=program) if program else None,
                  "designation_list": (DesignationList.objects.get(code=list_code)
                                       if list_code else None)}
        if not SubsidyRule.objects.filter(**lookup).exists():
            services.rule_save(instance=SubsidyRule(
                title=title, amount=Decimal(amount), first_time_only=first,
                eligible_awardees=who, source="demo data", **lookup))
    return policy


def load(stdout):
    policy = policy_load()
    report = services.grants_reconcile()
    grants = list(SubsidyGrant.objects.filter(rule__policy=policy)
                  .order_by("fiscal_year", "content_type_id", "object_id", "rule_id"))
    # The oldest third paid, the next third approved, the rest left for staff to decide.
    paid_share, approved_share = len(grants) // 3, 2 * len(grants) // 3
    moved = 0
    for index, grant in enumerate(grants[:approved_share]):
        if grant.status == GrantStatus.PROPOSED:
            grant = services.grant_approve(grant=grant, user=None)
            moved += 1
        if index < paid_share and grant.status == GrantStatus.APPROVED:
            paid_on = min(date(grant.fiscal_year, 12, 20), timezone.localdate())
            services.grant_pay(grant=grant, user=None, paid_on=paid_on,
                               payment_reference=f"演示-{grant.fiscal_year}-{index + 1:04d}")
            moved += 1
    stdout.write(f"subsidies: {report['proposed']} grants proposed, {len(grants)} in the demo "
                 f"policy, {moved} steps of approval and payment recorded")

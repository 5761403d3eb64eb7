"""The demo data set, loaded once per test through `load_demo` (it takes a while: every app's
demo records come first, then the seed's subsidy policy and the grants it proposes)."""

from collections import defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Sum

from subsidies.demo import RULES
from subsidies.demo import load as demo_load
from subsidies.models import GrantStatus, SubsidyGrant, SubsidyPolicy
from subsidies.selectors import grant_public_notice_list

pytestmark = pytest.mark.django_db


def test_on_the_demo_data_grants_follow_the_seeds_rules_and_the_admin_shows_their_totals(
        client, bureau_user):
    call_command("load_demo", stdout=StringIO())
    demo = SubsidyPolicy.objects.get(is_demo=True)

    # The seed's rules with their amounts.
    assert {rule.title: rule.amount for rule in demo.rules.all()} == {
        title: Decimal(amount) for title, *_, amount, _first, _who in RULES}
    assert demo.rules.get(award_program__code="china_quality_award").amount == Decimal(
        "1000000")
    assert demo.rules.get(patent_award_level="silver").amount == Decimal("600000")

    # Grants exist for them: the seed's China Quality Award winner (2018) earns the first-win
    # grant, and a first-time-only rule pays an awardee at most once.
    grants = SubsidyGrant.objects.filter(rule__policy=demo)
    assert grants.filter(rule__award_program__code="china_quality_award", fiscal_year=2018,
                         amount=Decimal("1000000")).count() == 1
    for rule in demo.rules.filter(first_time_only=True):
        awardees = list(rule.grants.values_list("enterprise_id", "person_id"))
        assert len(awardees) == len(set(awardees))

    # The admin's changelist shows the totals per year and rule, equal to the grants' sums.
    expected = defaultdict(Decimal)
    for grant in grants:
        expected[(grant.fiscal_year, grant.rule_id)] += grant.amount
    client.force_login(bureau_user)
    response = client.get("/admin/subsidies/subsidygrant/")
    totals = response.context["subsidy_totals"]
    assert {(row["fiscal_year"], row["rule_id"]): row["amount"]
            for row in totals["by_year_rule"]} == dict(expected)
    html = response.content.decode()
    for year, rule_id in expected:
        assert f'data-year="{year}" data-rule="{rule_id}"' in html
    assert totals["total"]["amount"] == grants.aggregate(total=Sum("amount"))["total"]

    # Some are approved and paid, so the public notice has content.
    statuses = set(grants.values_list("status", flat=True))
    assert {GrantStatus.PAID, GrantStatus.APPROVED, GrantStatus.PROPOSED} <= statuses
    assert grant_public_notice_list().exists()
    assert not grants.filter(status=GrantStatus.PAID, payment_reference="").exists()

    # Loading it again changes nothing (the lower apps' demos have their own tests).
    before = list(SubsidyGrant.objects.order_by("pk").values_list("pk", "status", "amount"))
    demo_load(StringIO())
    assert SubsidyPolicy.objects.filter(is_demo=True).count() == 1
    assert list(SubsidyGrant.objects.order_by("pk").values_list(
        "pk", "status", "amount")) == before

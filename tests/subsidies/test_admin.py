from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils.translation import gettext
from openpyxl import load_workbook

from subsidies.models import GrantStatus, SubsidyGrant
from subsidies.services import grant_approve, grant_pay, grant_propose_for_record
from tests.registry.factories import EnterpriseFactory
from tests.subsidies.factories import SubsidyRuleFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/subsidies/subsidygrant/"


@pytest.fixture
def grants(award_record, division):
    """Three proposed grants: two in 寿光市 (370783), one in 青州市 (370781)."""
    SubsidyRuleFactory()
    made = []
    for code, number, day in (("370783", 3, date(2018, 3, 25)), ("370783", 4, date(2021, 9, 16)),
                              ("370781", 4, date(2021, 9, 16))):
        record = award_record(EnterpriseFactory(division=division(code)), number=number, on=day)
        made += grant_propose_for_record(record=record).proposed
    return made


def _act(client, action, grants, **data):
    return client.post(CHANGELIST, {"action": action,
                                    ACTION_CHECKBOX_NAME: [g.pk for g in grants], **data},
                       follow=True)


def test_the_city_bureau_approves_grants_in_bulk(client, bureau_user, grants):
    client.force_login(bureau_user)

    response = _act(client, "approve_selected", grants[:2])

    assert response.status_code == 200
    assert list(SubsidyGrant.objects.order_by("pk").values_list("status", flat=True)) == [
        "approved", "approved", "proposed"]
    assert SubsidyGrant.objects.filter(approved_by=bureau_user).count() == 2


def test_a_rejection_asks_for_the_reason_before_it_is_applied(client, bureau_user, grants):
    client.force_login(bureau_user)

    form_page = _act(client, "reject_selected", grants[:1])
    assert "reason" in form_page.content.decode()
    assert SubsidyGrant.objects.get(pk=grants[0].pk).status == GrantStatus.PROPOSED

    _act(client, "reject_selected", grants[:1], apply="1", reason="no local tax paid")
    grant = SubsidyGrant.objects.get(pk=grants[0].pk)
    assert (grant.status, grant.rejection_reason, grant.rejected_by) == (
        GrantStatus.REJECTED, "no local tax paid", bureau_user)


def test_marking_paid_takes_the_payment_reference_and_date(client, bureau_user, grants):
    client.force_login(bureau_user)
    _act(client, "approve_selected", grants)

    _act(client, "pay_selected", grants[:2], apply="1", payment_reference="财付 2024-33",
         paid_on="2024-06-30")

    paid = SubsidyGrant.objects.filter(status=GrantStatus.PAID)
    assert set(paid.values_list("pk", flat=True)) == {grants[0].pk, grants[1].pk}
    assert set(paid.values_list("payment_reference", "paid_on")) == {
        ("财付 2024-33", date(2024, 6, 30))}


def test_a_bulk_action_reports_the_grants_someone_else_moved_first(client, bureau_user, grants):
    client.force_login(bureau_user)
    grant_approve(grant=grants[0], user=bureau_user)

    response = _act(client, "approve_selected", grants)

    texts = [str(m) for m in response.context["messages"]]
    assert gettext("%(count)s grant(s) approved.") % {"count": 2} in texts
    assert any(f"#{grants[0].pk}" in t for t in texts)
    assert SubsidyGrant.objects.filter(status=GrantStatus.APPROVED).count() == 3


def test_a_district_clerk_sees_only_grants_of_their_division_and_cannot_approve(
        client, clerk_factory, grants):
    client.force_login(clerk_factory("370781"))

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert [g.pk for g in response.context["cl"].result_list] == [grants[2].pk]
    assert "approve_selected" not in response.content.decode()
    _act(client, "approve_selected", grants[2:])
    assert SubsidyGrant.objects.get(pk=grants[2].pk).status == GrantStatus.PROPOSED


def test_an_auditor_sees_every_grant_and_can_change_none(client, auditor_user, grants):
    client.force_login(auditor_user)

    response = client.get(CHANGELIST)
    assert response.context["cl"].result_count == 3
    assert "pay_selected" not in response.content.decode()
    _act(client, "approve_selected", grants)
    assert not SubsidyGrant.objects.exclude(status=GrantStatus.PROPOSED).exists()
    detail = client.get(f"{CHANGELIST}{grants[0].pk}/change/")
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()


def test_the_changelist_shows_totals_per_year_and_rule_of_what_it_lists(client, bureau_user,
                                                                       grants):
    client.force_login(bureau_user)
    grant_approve(grant=grants[1], user=bureau_user)

    response = client.get(CHANGELIST)
    totals = response.context["subsidy_totals"]
    by_year = {row["fiscal_year"]: row for row in totals["by_year_rule"]}
    assert by_year[2021]["amount"] == Decimal("2000000.00")
    assert by_year[2021]["approved"] == Decimal("1000000.00")
    assert by_year[2018]["count"] == 1
    assert totals["total"]["amount"] == Decimal("3000000.00")
    assert 'id="subsidy-totals"' in response.content.decode()

    filtered = client.get(CHANGELIST, {"fiscal_year": "2018"})
    assert filtered.context["subsidy_totals"]["total"]["amount"] == Decimal("1000000.00")


def test_the_payment_list_export_holds_approved_and_paid_grants(client, bureau_user, grants):
    client.force_login(bureau_user)
    enterprise = grants[0].enterprise
    enterprise.name = "=HYPERLINK(\"http://example.org\")\x07"
    enterprise.save()
    grant_approve(grant=grants[0], user=bureau_user)
    grant_pay(grant=grants[0], user=bureau_user, payment_reference="-42",
              paid_on=date(2024, 1, 5))
    grant_approve(grant=grants[1], user=bureau_user)

    response = client.get(f"{CHANGELIST}payment-list.xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 3  # the header and the two grants; the proposed one is not there
    first = next(row for row in rows[1:] if row[0] == grants[0].pk)
    assert first[1] == "'=HYPERLINK(\"http://example.org\")"
    assert first[2] == enterprise.uscc
    assert Decimal(str(first[6])) == Decimal("1000000")
    assert first[8] == "'-42"


def test_the_bureau_enters_a_policy_with_its_rules_in_one_form(client, bureau_user, weifang):
    from awards.models import AwardProgram
    from subsidies.models import SubsidyPolicy

    client.force_login(bureau_user)
    program = AwardProgram.objects.get(code="mayor_quality_award")
    prefix = "rules"
    response = client.post("/admin/subsidies/subsidypolicy/add/", {
        "title": "质量奖励办法", "document_number": "潍政办发〔2020〕5号", "issuer": "潍坊市人民政府",
        "division": weifang.pk, "effective_from": "2020-01-01", "effective_to": "",
        "source": "gazette",
        f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-title": "首次获市长质量奖", f"{prefix}-0-trigger": "award",
        f"{prefix}-0-award_program": program.pk, f"{prefix}-0-award_tier": "winner",
        f"{prefix}-0-amount": "500000", f"{prefix}-0-first_time_only": "on",
        f"{prefix}-0-eligible_awardees": "enterprises", f"{prefix}-0-source": "art. 3"})

    assert response.status_code == 302, response.content.decode()[:2000]
    policy = SubsidyPolicy.objects.get(document_number="潍政办发〔2020〕5号")
    rule = policy.rules.get()
    assert (rule.award_program, rule.amount, rule.first_time_only) == (
        program, Decimal("500000.00"), True)


def test_a_grants_page_cites_the_policy_the_rule_and_links_the_record(client, bureau_user,
                                                                      grants):
    client.force_login(bureau_user)
    grant = grants[0]

    html = client.get(f"{CHANGELIST}{grant.pk}/change/").content.decode()

    assert str(grant.rule.policy.title) in html
    assert grant.rule.title in html
    assert f'href="/admin/awards/awardrecord/{grant.object_id}/change/"' in html


def test_a_grant_proposed_in_error_is_withdrawn_with_its_reason_but_a_paid_one_stays(
        client, bureau_user, grants):
    client.force_login(bureau_user)
    _act(client, "approve_selected", grants[1:2])
    _act(client, "pay_selected", grants[1:2], apply="1", payment_reference="财付 2024-34",
         paid_on="2024-06-30")

    _act(client, "withdraw_selected", grants[:2], apply="1", reason="duplicate of grant 7")

    withdrawn = SubsidyGrant.objects.get(pk=grants[0].pk)
    assert (withdrawn.status, withdrawn.withdrawal_reason, withdrawn.withdrawn_by) == (
        GrantStatus.WITHDRAWN, "duplicate of grant 7", bureau_user)
    assert SubsidyGrant.objects.get(pk=grants[1].pk).status == GrantStatus.PAID


def test_an_auditor_cannot_withdraw_a_grant(client, auditor_user, grants):
    client.force_login(auditor_user)
    _act(client, "withdraw_selected", grants[:1], apply="1", reason="not allowed")
    assert SubsidyGrant.objects.get(pk=grants[0].pk).status == GrantStatus.PROPOSED

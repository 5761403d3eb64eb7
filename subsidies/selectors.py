"""Reads of subsidies. Each returns rows that already carry their joins."""

from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from subsidies.models import GrantStatus, SubsidyGrant, SubsidyPolicy

PUBLIC_STATUSES = (GrantStatus.APPROVED, GrantStatus.PAID)


def grant_public_notice_list() -> QuerySet[SubsidyGrant]:
    """The public notice (公示) of approved and paid grants, newest first.

    Only public fields are loaded: the enterprise's name and code, an individual's name (never
    an ID number or phone), the rule, the triggering record as it read, amount and dates. One
    query whatever the number of rows."""
    return (SubsidyGrant.objects.filter(status__in=PUBLIC_STATUSES)
            .select_related("rule", "rule__policy", "enterprise", "person")
            .only("id", "amount", "fiscal_year", "status", "record_label", "record_date",
                  "approved_at", "paid_on", "rule__title", "rule__policy__title",
                  "rule__policy__document_number", "enterprise__name", "enterprise__uscc",
                  "person__name")
            .order_by("-fiscal_year", "-record_date", "id"))


def grant_payment_list(queryset: QuerySet[SubsidyGrant] | None = None
                       ) -> QuerySet[SubsidyGrant]:
    """Approved and paid grants for the finance office's payment list."""
    queryset = queryset if queryset is not None else SubsidyGrant.objects.all()
    return (queryset.filter(status__in=PUBLIC_STATUSES)
            .select_related("rule", "rule__policy", "enterprise", "person")
            .order_by("fiscal_year", "rule__policy__title", "rule__title", "id"))


def grant_totals(queryset: QuerySet[SubsidyGrant] | None = None) -> dict:
    """Totals of `queryset` (every grant by default) per fiscal year, policy, rule and
    status: {"by_year_rule": [...], "by_policy": [...], "by_status": [...], "total": {...}}.
    Four aggregate queries, whatever the number of grants."""
    queryset = queryset if queryset is not None else SubsidyGrant.objects.all()
    queryset = queryset.order_by()
    by_year_rule = list(
        queryset.values("fiscal_year", "rule_id", "rule__title", "rule__policy__title")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by("-fiscal_year", "rule__policy__title", "rule__title"))
    status_amounts = {
        (row["fiscal_year"], row["rule_id"], row["status"]): row["amount"]
        for row in queryset.values("fiscal_year", "rule_id", "status")
        .annotate(amount=Sum("amount")).order_by()
    }
    for row in by_year_rule:
        for status in GrantStatus.values:
            row[status] = status_amounts.get((row["fiscal_year"], row["rule_id"], status),
                                             Decimal("0"))
    by_policy = list(queryset.values("rule__policy_id", "rule__policy__title")
                     .annotate(count=Count("id"), amount=Sum("amount"))
                     .order_by("rule__policy__title"))
    labels = dict(GrantStatus.choices)
    by_status = [dict(row, label=labels[row["status"]]) for row in
                 queryset.values("status").annotate(count=Count("id"), amount=Sum("amount"))
                 .order_by("status")]
    total = {"count": sum(row["count"] for row in by_status),
             "amount": sum((row["amount"] for row in by_status), Decimal("0"))}
    return {"by_year_rule": by_year_rule, "by_policy": by_policy, "by_status": by_status,
            "total": total, **_pivot(by_year_rule)}


def _pivot(by_year_rule: list[dict]) -> dict:
    """The same totals as a table: a row per fiscal year, a column per rule."""
    rules = {}
    for row in sorted(by_year_rule, key=lambda r: (r["rule__policy__title"], r["rule__title"])):
        rules.setdefault(row["rule_id"], {"id": row["rule_id"], "title": row["rule__title"],
                                          "policy": row["rule__policy__title"],
                                          "count": 0, "amount": Decimal("0")})
    cells = {(row["fiscal_year"], row["rule_id"]): row for row in by_year_rule}
    years = []
    for year in sorted({row["fiscal_year"] for row in by_year_rule}, reverse=True):
        year_cells = [cells.get((year, rule_id)) for rule_id in rules]
        years.append({"fiscal_year": year, "cells": year_cells,
                      "count": sum(c["count"] for c in year_cells if c),
                      "amount": sum((c["amount"] for c in year_cells if c), Decimal("0"))})
    for row in by_year_rule:
        rules[row["rule_id"]]["count"] += row["count"]
        rules[row["rule_id"]]["amount"] += row["amount"]
    return {"rules": list(rules.values()), "years": years}


def policy_list() -> QuerySet[SubsidyPolicy]:
    """Policies with their paying division and their rules' programs and lists: four queries
    for a page, whatever its size."""
    return (SubsidyPolicy.objects.select_related("division")
            .prefetch_related("rules__award_program", "rules__designation_list"))


def grant_list() -> QuerySet[SubsidyGrant]:
    """Every grant, whatever its status, joined with what the private serializer shows."""
    return SubsidyGrant.objects.select_related(
        "rule__policy", "enterprise__division", "person__division")

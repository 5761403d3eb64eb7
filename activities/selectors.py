"""Reads of the bureau's activities: the figures counted over them and the API's lists.

Every figure function takes the as-of date and the ids of a division subtree
(registry.selectors.division_subtree_ids) and runs one aggregate query. A record counts when
its date is on or before the as-of date; it belongs to the division of its enterprise (credit,
support) or to its own division (products, exhibitions, cases)."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from activities.models import (
    CaseKind,
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    SupportKind,
    SupportVisit,
)


def credit_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int | Decimal]:
    """Distinct enterprises of the divisions granted credit on or before `as_of`, and the sum
    of that credit in yuan (an enterprise with several credit lines counts once, its amounts
    all add up)."""
    counts = (CreditLine.objects
              .filter(granted_on__lte=as_of, enterprise__division_id__in=division_ids)
              .aggregate(enterprises=Count("enterprise", distinct=True), amount=Sum("amount")))
    return {"quality_credit.enterprises": counts["enterprises"],
            "quality_credit.amount_yuan": (counts["amount"] or Decimal("0")).quantize(
                Decimal("0.01"))}


def support_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """Distinct enterprises of the divisions helped on site, and distinct enterprises given a
    "one enterprise, one policy" manual, on or before `as_of` (the release counts 家企业:
    a second visit or a revised manual adds no enterprise)."""
    counts = (SupportVisit.objects
              .filter(visited_on__lte=as_of, enterprise__division_id__in=division_ids)
              .aggregate(
                  on_site=Count("enterprise", distinct=True,
                                filter=Q(kind=SupportKind.ON_SITE_HELP)),
                  manuals=Count("enterprise", distinct=True,
                                filter=Q(kind=SupportKind.POLICY_MANUAL))))
    return {"support.on_site_enterprises": counts["on_site"],
            "support.policy_manuals": counts["manuals"]}


def characteristic_product_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """Characteristic products of the divisions recognised on or before `as_of`, all kinds."""
    count = CharacteristicProduct.objects.filter(recognised_on__lte=as_of,
                                                 division_id__in=division_ids).count()
    return {"characteristic_products.total": count}


def exhibition_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """Exhibitions held in the divisions on or before `as_of`."""
    count = Exhibition.objects.filter(held_on__lte=as_of, division_id__in=division_ids).count()
    return {"exhibitions.count": count}


def enforcement_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """IP protection cases of the divisions opened on or before `as_of`, per kind, and the
    adjudications whose ruling was issued on or before `as_of`."""
    counts = (EnforcementCase.objects
              .filter(opened_on__lte=as_of, division_id__in=division_ids)
              .aggregate(
                  adjudications=Count("pk", filter=Q(kind=CaseKind.ADJUDICATION)),
                  rulings=Count("pk", filter=Q(kind=CaseKind.ADJUDICATION,
                                               ruling_issued_on__lte=as_of)),
                  enforcement=Count("pk", filter=Q(kind=CaseKind.ENFORCEMENT)),
                  unlicensed=Count("pk", filter=Q(kind=CaseKind.UNLICENSED_AGENCY))))
    return {"adjudication.cases": counts["adjudications"],
            "adjudication.rulings": counts["rulings"],
            "enforcement.cases": counts["enforcement"],
            "unlicensed_agency.acts": counts["unlicensed"]}


def credit_line_list() -> QuerySet[CreditLine]:
    return CreditLine.objects.select_related("enterprise__division")


def support_visit_list() -> QuerySet[SupportVisit]:
    return SupportVisit.objects.select_related("enterprise__division")


def characteristic_product_list() -> QuerySet[CharacteristicProduct]:
    return CharacteristicProduct.objects.select_related("enterprise", "division")


def exhibition_list() -> QuerySet[Exhibition]:
    return Exhibition.objects.select_related("division")


def enforcement_case_list() -> QuerySet[EnforcementCase]:
    return EnforcementCase.objects.select_related("division")

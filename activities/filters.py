"""Filters of the activities' resources, shared by the API and the dashboard."""

import django_filters
from django.utils.translation import gettext_lazy as _

from activities.models import (
    CaseKind,
    CaseSubject,
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    ProductKind,
    SupportKind,
    SupportVisit,
)
from registry.filters import DivisionCodeFilter, USCCFilter, year_filters


def _date_range(field_name: str):
    return (django_filters.DateFilter(field_name=field_name, lookup_expr="gte",
                                      label=_("on or after")),
            django_filters.DateFilter(field_name=field_name, lookup_expr="lte",
                                      label=_("on or before")))


class CreditLineFilter(django_filters.FilterSet):
    division = DivisionCodeFilter(path="enterprise__division")
    enterprise = django_filters.NumberFilter(field_name="enterprise_id",
                                             label=_("enterprise id"))
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    bank = django_filters.CharFilter(field_name="bank", lookup_expr="icontains",
                                     label=_("bank contains"))
    product = django_filters.CharFilter(field_name="product", label=_("credit product"))
    year, year__gte, year__lte = year_filters("granted_on__year")
    granted_on__gte, granted_on__lte = _date_range("granted_on")

    class Meta:
        model = CreditLine
        fields = []


class SupportVisitFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SupportKind.choices)
    division = DivisionCodeFilter(path="enterprise__division")
    enterprise = django_filters.NumberFilter(field_name="enterprise_id",
                                             label=_("enterprise id"))
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    year, year__gte, year__lte = year_filters("visited_on__year")
    visited_on__gte, visited_on__lte = _date_range("visited_on")

    class Meta:
        model = SupportVisit
        fields = []


class CharacteristicProductFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ProductKind.choices)
    division = DivisionCodeFilter()
    enterprise = django_filters.NumberFilter(field_name="enterprise_id",
                                             label=_("enterprise id"))
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    name = django_filters.CharFilter(field_name="name", lookup_expr="icontains",
                                     label=_("name contains"))
    year, year__gte, year__lte = year_filters("recognised_on__year")
    recognised_on__gte, recognised_on__lte = _date_range("recognised_on")

    class Meta:
        model = CharacteristicProduct
        fields = []


class ExhibitionFilter(django_filters.FilterSet):
    division = DivisionCodeFilter()
    year, year__gte, year__lte = year_filters("held_on__year")
    held_on__gte, held_on__lte = _date_range("held_on")

    class Meta:
        model = Exhibition
        fields = []


class EnforcementCaseFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=CaseKind.choices)
    subject = django_filters.ChoiceFilter(choices=CaseSubject.choices)
    division = DivisionCodeFilter()
    ruling_issued = django_filters.BooleanFilter(field_name="ruling_issued_on",
                                                 lookup_expr="isnull", exclude=True,
                                                 label=_("a ruling was issued"))
    year, year__gte, year__lte = year_filters("opened_on__year")
    opened_on__gte, opened_on__lte = _date_range("opened_on")

    class Meta:
        model = EnforcementCase
        fields = []

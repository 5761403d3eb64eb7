"""Filters of patents, China Patent Awards, pledges and transfers, shared by the API and the
dashboard."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.validators import normalize_patent_number, normalize_uscc
from patents.models import (
    Patent,
    PatentAward,
    PatentAwardLevel,
    PatentAwardSession,
    PatentPledge,
    PatentStatus,
    PatentTransfer,
    PatentType,
    TransferKind,
)
from registry.filters import DivisionCodeFilter, USCCFilter, year_filters
from registry.models import RecordStatus


class PatentFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(choices=PatentType.choices)
    status = django_filters.ChoiceFilter(choices=PatentStatus.choices)
    division = DivisionCodeFilter(paths=("holder_enterprises__division",
                                         "holder_persons__division"), distinct=True)
    enterprise = django_filters.NumberFilter(field_name="holder_enterprises", distinct=True,
                                             label=_("holder enterprise id"))
    enterprise_uscc = USCCFilter(field_name="holder_enterprises__uscc", distinct=True)
    number = django_filters.CharFilter(method="filter_number",
                                       label=_("patent number, e.g. ZL201610956306.3"))
    year, year__gte, year__lte = year_filters("granted_on__year")

    class Meta:
        model = Patent
        fields = {"filed_on": ["gte", "lte"], "granted_on": ["gte", "lte"]}

    def filter_number(self, queryset, name, value):
        return queryset.filter(number=normalize_patent_number(value))


class PatentAwardFilter(django_filters.FilterSet):
    session = django_filters.ModelChoiceFilter(
        field_name="session", to_field_name="number", queryset=PatentAwardSession.objects.all(),
        label=_("session number, e.g. 25"))
    level = django_filters.ChoiceFilter(choices=PatentAwardLevel.choices)
    status = django_filters.ChoiceFilter(choices=RecordStatus.choices)
    patent_type = django_filters.ChoiceFilter(field_name="patent__type",
                                              choices=PatentType.choices)
    division = DivisionCodeFilter(paths=("enterprise__division", "person__division"))
    enterprise = django_filters.NumberFilter(field_name="enterprise_id",
                                             label=_("enterprise id"))
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    year, year__gte, year__lte = year_filters("session__decided_on__year")

    class Meta:
        model = PatentAward
        fields = []


class PatentPledgeFilter(django_filters.FilterSet):
    division = DivisionCodeFilter(path="pledgor__division")
    enterprise = django_filters.NumberFilter(field_name="pledgor_id",
                                             label=_("pledgor enterprise id"))
    enterprise_uscc = USCCFilter(field_name="pledgor__uscc")
    pledgee = django_filters.CharFilter(lookup_expr="icontains", label=_("pledgee contains"))
    released = django_filters.BooleanFilter(field_name="released_on", lookup_expr="isnull",
                                            exclude=True, label=_("released"))
    year, year__gte, year__lte = year_filters("registered_on__year")

    class Meta:
        model = PatentPledge
        fields = {"amount": ["gte", "lte"], "registered_on": ["gte", "lte"]}


class PatentTransferFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=TransferKind.choices)
    division = DivisionCodeFilter(paths=("from_enterprise__division",
                                         "to_enterprise__division"))
    enterprise_uscc = django_filters.CharFilter(
        method="filter_enterprise_uscc",
        label=_("unified social credit code of either party"))
    patent_type = django_filters.ChoiceFilter(field_name="patent__type",
                                              choices=PatentType.choices)
    year, year__gte, year__lte = year_filters("recorded_on__year")

    class Meta:
        model = PatentTransfer
        fields = {"recorded_on": ["gte", "lte"]}

    def filter_enterprise_uscc(self, queryset, name, value):
        uscc = normalize_uscc(value)
        return queryset.filter(Q(from_enterprise__uscc=uscc) | Q(to_enterprise__uscc=uscc))

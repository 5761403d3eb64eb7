import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registry.filters import DivisionCodeFilter, USCCFilter, year_filters
from subsidies.models import GrantStatus, SubsidyGrant, SubsidyPolicy, Trigger


class SubsidyPolicyFilter(django_filters.FilterSet):
    division = DivisionCodeFilter(label=_("paying division code (includes those under it)"))
    in_force_on = django_filters.DateFilter(method="filter_in_force_on",
                                            label=_("in force on this date"))

    class Meta:
        model = SubsidyPolicy
        fields = {"effective_from": ["gte", "lte"]}

    def filter_in_force_on(self, queryset, name, value):
        return queryset.filter(Q(effective_to__isnull=True) | Q(effective_to__gte=value),
                               effective_from__lte=value)


class SubsidyGrantFilter(django_filters.FilterSet):
    division = DivisionCodeFilter(paths=("enterprise__division", "person__division"))
    status = django_filters.ChoiceFilter(choices=GrantStatus.choices)
    policy = django_filters.NumberFilter(field_name="rule__policy_id", label=_("policy id"))
    rule = django_filters.NumberFilter(field_name="rule_id", label=_("rule id"))
    trigger = django_filters.ChoiceFilter(field_name="rule__trigger", choices=Trigger.choices)
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    year, year__gte, year__lte = year_filters("fiscal_year")

    class Meta:
        model = SubsidyGrant
        fields = {"amount": ["gte", "lte"], "record_date": ["gte", "lte"]}

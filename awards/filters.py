"""Filters of award programs, sessions and records, shared by the API and the dashboard."""

import django_filters
from django.utils.translation import gettext_lazy as _

from awards.models import AwardProgram, AwardRecord, AwardSession, Tier
from registry.filters import DivisionCodeFilter, IndustryCodeFilter, USCCFilter, year_filters
from registry.models import ListLevel, RecordStatus

AWARDEE_KINDS = [("enterprise", _("enterprise")), ("person", _("person"))]


class AwardProgramFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=ListLevel.choices)

    class Meta:
        model = AwardProgram
        fields = ["level"]


class AwardSessionFilter(django_filters.FilterSet):
    year, year__gte, year__lte = year_filters("year")
    program = django_filters.ModelChoiceFilter(
        field_name="program", to_field_name="code", queryset=AwardProgram.objects.all(),
        label=_("program code, e.g. china_quality_award"))

    class Meta:
        model = AwardSession
        fields = {"number": ["exact"], "announced_on": ["gte", "lte"]}


class AwardRecordFilter(django_filters.FilterSet):
    program = django_filters.ModelChoiceFilter(
        field_name="session__program", to_field_name="code",
        queryset=AwardProgram.objects.all(), label=_("program code, e.g. china_quality_award"))
    session = django_filters.NumberFilter(field_name="session_id", label=_("session id"))
    session_number = django_filters.NumberFilter(field_name="session__number",
                                                 label=_("session number (届)"))
    tier = django_filters.ChoiceFilter(choices=Tier.choices)
    status = django_filters.ChoiceFilter(choices=RecordStatus.choices)
    awardee = django_filters.ChoiceFilter(choices=AWARDEE_KINDS, method="filter_awardee",
                                          label=_("kind of awardee"))
    division = DivisionCodeFilter(paths=("enterprise__division", "person__division"))
    industry = IndustryCodeFilter(path="enterprise__industry")
    enterprise = django_filters.NumberFilter(field_name="enterprise_id",
                                             label=_("enterprise id"))
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    person = django_filters.NumberFilter(field_name="person_id", label=_("person id"))
    year, year__gte, year__lte = year_filters("session__year")
    announced_on__gte = django_filters.DateFilter(field_name="session__announced_on",
                                                  lookup_expr="gte",
                                                  label=_("announced on or after"))
    announced_on__lte = django_filters.DateFilter(field_name="session__announced_on",
                                                  lookup_expr="lte",
                                                  label=_("announced on or before"))

    class Meta:
        model = AwardRecord
        fields = []

    def filter_awardee(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})

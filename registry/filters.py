"""Filters of the registry's resources, shared by the API and the dashboard.

Foreign keys filter by id and by their human key (`division=370783`, `enterprise_uscc=...`).
A value that names nothing (an unknown division, industry or list code, a malformed date or
number) is a 400 naming the parameter, never an empty result that looks like an answer."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.validators import normalize_uscc
from registry.models import (
    Designation,
    DesignationList,
    Division,
    Enterprise,
    EntryKind,
    GICategory,
    GIProduct,
    GISystem,
    Industry,
    Person,
    ProvincialFigure,
    RecordStatus,
)
from registry.selectors import division_subtree_ids


class DivisionCodeFilter(django_filters.CharFilter):
    """`?division=370700` matches the division and every division under it (a city: its
    counties and zones).

    `path` is the lookup from the record to its Division; `paths` several of them (an award's
    enterprise or person), any of which may match. `distinct` filters through a subquery, for
    paths that cross a many-to-many relation (a patent's holders), so rows never repeat."""

    def __init__(self, *args, path="division", paths=None, distinct=False, **kwargs):
        self.paths = tuple(paths or (path,))
        self.path = self.paths[0]
        kwargs.setdefault("label", _("division code (includes the divisions under it)"))
        # django-filter's own `distinct` argument; setting the attribute before __init__ would
        # be overwritten by it.
        super().__init__(*args, distinct=distinct, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        division = Division.objects.filter(code=value.strip()).first()
        if division is None:
            raise ValidationError({self.field_name: _("Unknown division code %(code)s.")
                                   % {"code": value}})
        ids = division_subtree_ids(division)
        condition = Q()
        for path in self.paths:
            condition |= Q(**{f"{path}__in": ids})
        if self.distinct:
            # One subquery per path, united: joining two many-to-many tables in one query
            # repeats rows and is slower than the union of the two primary-key sets.
            manager = qs.model._default_manager
            subqueries = [manager.filter(**{f"{path}__in": ids}).order_by().values("pk")
                          for path in self.paths]
            united = subqueries[0].union(*subqueries[1:]) if len(subqueries) > 1 \
                else subqueries[0]
            return qs.filter(pk__in=united)
        return qs.filter(condition)


class IndustryCodeFilter(django_filters.CharFilter):
    """`?industry=C` matches the GB/T 4754 section and its divisions; `?industry=C36` one
    division."""

    def __init__(self, *args, path="industry", **kwargs):
        self.path = path
        kwargs.setdefault("label", _("industry code (a section letter includes its divisions)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        code = value.strip().upper()
        if not Industry.objects.filter(code=code).exists():
            raise ValidationError({self.field_name: _("Unknown industry code %(code)s.")
                                   % {"code": value}})
        return qs.filter(Q(**{f"{self.path}__code": code})
                         | Q(**{f"{self.path}__parent__code": code}))


class USCCFilter(django_filters.CharFilter):
    """A unified social credit code, accepted with spaces or dashes and in lower case."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("unified social credit code"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, normalize_uscc(value) if value else value)


class YearFilter(django_filters.NumberFilter):
    """A year, 1 to 9999: a date's year outside that range cannot even be looked up."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


def year_filters(field_name: str) -> tuple[YearFilter, YearFilter, YearFilter]:
    """`year`, `year__gte` and `year__lte` on a year field or a date's year:
    `year, year__gte, year__lte = year_filters("approved_on__year")`."""
    return (YearFilter(field_name=field_name, label=_("year")),
            YearFilter(field_name=field_name, lookup_expr="gte", label=_("year from")),
            YearFilter(field_name=field_name, lookup_expr="lte", label=_("year to")))


class DivisionFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(field_name="parent__code",
                                       label=_("code of the parent division"))
    level = django_filters.ChoiceFilter(choices=Division._meta.get_field("level").choices)

    class Meta:
        model = Division
        fields = ["level", "parent"]


class IndustryFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(field_name="parent__code",
                                       label=_("code of the section"))

    class Meta:
        model = Industry
        fields = ["parent"]


class EnterpriseFilter(django_filters.FilterSet):
    division = DivisionCodeFilter()
    industry = IndustryCodeFilter()
    uscc = USCCFilter(field_name="uscc")
    name = django_filters.CharFilter(field_name="name", lookup_expr="icontains",
                                     label=_("name contains"))
    is_active = django_filters.BooleanFilter()

    class Meta:
        model = Enterprise
        fields = {"founded_on": ["gte", "lte"]}


class PersonFilter(django_filters.FilterSet):
    division = DivisionCodeFilter()
    employer = django_filters.NumberFilter(field_name="employer_id", label=_("employer id"))
    employer_uscc = USCCFilter(field_name="employer__uscc")
    name = django_filters.CharFilter(field_name="name", lookup_expr="icontains",
                                     label=_("name contains"))

    class Meta:
        model = Person
        fields = ["division", "employer", "employer_uscc", "name"]


class DesignationFilter(django_filters.FilterSet):
    list = django_filters.ModelChoiceFilter(
        field_name="designation_list", to_field_name="code",
        queryset=DesignationList.objects.all(), label=_("code of the designation list"))
    division = DivisionCodeFilter(path="enterprise__division")
    industry = IndustryCodeFilter(path="enterprise__industry")
    enterprise = django_filters.NumberFilter(field_name="enterprise_id",
                                             label=_("enterprise id"))
    enterprise_uscc = USCCFilter(field_name="enterprise__uscc")
    entry_kind = django_filters.ChoiceFilter(choices=EntryKind.choices)
    status = django_filters.ChoiceFilter(choices=RecordStatus.choices)
    sector = django_filters.CharFilter(lookup_expr="icontains")
    category = django_filters.CharFilter(lookup_expr="icontains")
    year, year__gte, year__lte = year_filters("year")

    class Meta:
        model = Designation
        fields = {"batch": ["exact"], "designated_on": ["gte", "lte"]}


class GIProductFilter(django_filters.FilterSet):
    division = DivisionCodeFilter(path="divisions", distinct=True)
    system = django_filters.ChoiceFilter(choices=GISystem.choices)
    category = django_filters.ChoiceFilter(choices=GICategory.choices)
    status = django_filters.ChoiceFilter(choices=RecordStatus.choices)
    year, year__gte, year__lte = year_filters("approved_on__year")

    class Meta:
        model = GIProduct
        fields = {"approved_on": ["gte", "lte"]}


class ProvincialFigureFilter(django_filters.FilterSet):
    division = DivisionCodeFilter()
    key = django_filters.CharFilter(label=_("figure key, e.g. gi_products.total"))
    year, year__gte, year__lte = year_filters("year")

    class Meta:
        model = ProvincialFigure
        fields = []

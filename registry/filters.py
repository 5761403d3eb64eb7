import django_filters
from django.utils.translation import gettext_lazy as _

from registry.models import Division, Enterprise
from registry.selectors import division_subtree_ids


class DivisionCodeFilter(django_filters.CharFilter):
    """`?division=370700` matches the division and every division under it."""

    def __init__(self, *args, path="division", **kwargs):
        self.path = path
        kwargs.setdefault("label", _("division code (includes the divisions under it)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        division = Division.objects.filter(code=value).first()
        if division is None:
            from django.core.exceptions import ValidationError

            raise ValidationError({self.field_name: _("Unknown division code %(code)s.")
                                   % {"code": value}})
        return qs.filter(**{f"{self.path}__in": division_subtree_ids(division)})


class EnterpriseFilter(django_filters.FilterSet):
    division = DivisionCodeFilter()
    industry = django_filters.CharFilter(method="filter_industry",
                                         label=_("industry code (section letter or division)"))
    uscc = django_filters.CharFilter(field_name="uscc", lookup_expr="iexact")
    name = django_filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Enterprise
        fields = ["division", "industry", "uscc", "name", "is_active"]

    def filter_industry(self, qs, name, value):
        return qs.filter(industry__code=value) | qs.filter(industry__parent__code=value)


class DivisionFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(field_name="parent__code")

    class Meta:
        model = Division
        fields = ["level", "parent"]

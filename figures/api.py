"""Statistics: the seed's figures for a division and date, rankings of honours, and a figure's
yearly series. Computed by figures.selectors (the same functions as the `figures` command)
and cached until a record changes (figures.cache)."""

from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from core.renderers import CSVRenderer, XLSXRenderer
from core.viewsets import error_responses
from figures import selectors
from figures.cache import cached, summary_cached
from registry.models import Division

# A yearly series longer than this is refused rather than computed year by year.
MAX_SERIES_YEARS = 50
MIN_YEAR, MAX_YEAR = 1980, 2100


class DivisionParamField(serializers.CharField):
    """A division code that must exist; the value is the Division."""

    def to_internal_value(self, data):
        code = super().to_internal_value(data)
        division = Division.objects.filter(code=code).first()
        if division is None:
            raise serializers.ValidationError(_("Unknown division code %(code)s.")
                                              % {"code": code})
        return division


class DivisionRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


def _division_ref(division: Division) -> dict:
    return {"code": division.code, "name": division.name}


def _division_param():
    return DivisionParamField(required=False, default=None, help_text=_(
        "Division code; the figures include the divisions under it. Default: the city "
        "370700."))


def _division(value):
    return value or Division.objects.get(code=settings.REGISTRY_CITY_CODE)


class StatsView(APIView):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer, XLSXRenderer]
    params_class: type[serializers.Serializer]

    def params(self, request) -> dict:
        params = self.params_class(data=request.query_params)
        params.is_valid(raise_exception=True)
        return params.validated_data


# --- Summary -----------------------------------------------------------------------------------


class SummaryParams(serializers.Serializer):
    as_of = serializers.DateField(required=False, help_text=_(
        "Count records on or before this date (YYYY-MM-DD). Default: today."))
    division = _division_param()


class FigureSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.ChoiceField(choices=[selectors.COUNT, selectors.YUAN])
    group = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2)
    provincial_rank = serializers.IntegerField(allow_null=True)


class SummarySerializer(serializers.Serializer):
    as_of = serializers.DateField()
    division = DivisionRefSerializer()
    figures = FigureSerializer(many=True)
    values = serializers.DictField(
        child=serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True),
        help_text=_("Every figure key and `<key>.provincial_rank`, with its value."))


class StatsSummaryView(StatsView):
    """Every figure of the seed for a division as of a date: totals, new-in-year counts, and
    the provincial rank where the other cities' values have been entered."""

    params_class = SummaryParams

    @extend_schema(
        parameters=[SummaryParams],
        responses={200: SummarySerializer, **error_responses("GET")},
        examples=[OpenApiExample("Weifang on the day of the press release", value={
            "as_of": "2024-12-16", "division": {"code": "370700", "name": "潍坊市"},
            "figures": [{"key": "gi_products.total", "label": "GI protected products",
                         "unit": "count", "group": "gi_products", "value": 39,
                         "provincial_rank": 2}],
            "values": {"gi_products.total": 39, "gi_products.total.provincial_rank": 2}},
            response_only=True)])
    def get(self, request):
        params = self.params(request)
        as_of = params.get("as_of") or timezone.localdate()
        division = _division(params["division"])
        values = summary_cached(as_of=as_of, division=division)
        figures = [{"key": figure.key, "label": str(figure.label), "unit": figure.unit,
                    "group": figure.group, "value": values[figure.key],
                    "provincial_rank": values.get(figure.rank_key)}
                   for figure in selectors.FIGURES]
        return Response({"as_of": as_of, "division": _division_ref(division),
                         "figures": figures, "values": values})


# --- Rankings ----------------------------------------------------------------------------------


MAX_RANKING_ROWS = 1000


class RankingsParams(serializers.Serializer):
    by = serializers.ChoiceField(choices=list(selectors.RANKINGS_BY), default="division",
                                 help_text=_("Rank the divisions under `division`, or its "
                                             "enterprises."))
    program = serializers.CharField(required=False, default=None, help_text=_(
        "Only this honour: an award program's code, a designation list's code, or "
        "china_patent_award. Default: every honour."))
    year = serializers.IntegerField(required=False, min_value=MIN_YEAR, max_value=MAX_YEAR,
                                    help_text=_("Only records of this year."))
    year_from = serializers.IntegerField(required=False, default=None, min_value=MIN_YEAR,
                                         max_value=MAX_YEAR)
    year_to = serializers.IntegerField(required=False, default=None, min_value=MIN_YEAR,
                                       max_value=MAX_YEAR)
    division = _division_param()
    limit = serializers.IntegerField(required=False, default=100, min_value=1,
                                     max_value=MAX_RANKING_ROWS, help_text=_(
                                         "The best rows only: at most this many (default 100)."))

    def validate(self, attrs):
        if attrs.get("year") is not None:
            attrs["year_from"] = attrs["year_to"] = attrs["year"]
        if attrs["year_from"] and attrs["year_to"] and attrs["year_from"] > attrs["year_to"]:
            raise serializers.ValidationError(
                {"year_from": _("year_from is after year_to.")})
        return attrs


class RankingRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    code = serializers.CharField(required=False, help_text=_("Division rows"))
    uscc = serializers.CharField(required=False, help_text=_("Enterprise rows"))
    division_code = serializers.CharField(required=False, help_text=_("Enterprise rows"))
    division_name = serializers.CharField(required=False, help_text=_("Enterprise rows"))
    award_wins = serializers.IntegerField()
    award_nominations = serializers.IntegerField()
    designations = serializers.IntegerField()
    patent_awards = serializers.IntegerField()
    score = serializers.IntegerField()


class RankingsSerializer(serializers.Serializer):
    by = serializers.CharField()
    program = serializers.CharField(allow_null=True)
    year_from = serializers.IntegerField(allow_null=True)
    year_to = serializers.IntegerField(allow_null=True)
    division = DivisionRefSerializer()
    weights = serializers.DictField(child=serializers.IntegerField())
    count = serializers.IntegerField(help_text=_("Rows in the whole ranking, before `limit`."))
    results = RankingRowSerializer(many=True)


class StatsRankingsView(StatsView):
    """Honours (award wins and nominations, designations, China Patent Awards) counted per
    division or per enterprise, best first by a weighted score."""

    params_class = RankingsParams

    @extend_schema(parameters=[RankingsParams],
                   responses={200: RankingsSerializer, **error_responses("GET")})
    def get(self, request):
        params = self.params(request)
        division = _division(params["division"])
        arguments = {"by": params["by"], "program": params["program"],
                     "year_from": params["year_from"], "year_to": params["year_to"]}
        rows = cached("rankings", {**arguments, "division": division.code},
                      lambda: selectors.rankings(division=division, **arguments))
        # The whole ranking is cached; a province's enterprises make thousands of rows, so
        # the response carries only the best `limit` of them.
        return Response({**arguments, "division": _division_ref(division),
                         "weights": selectors.RANKING_WEIGHTS, "count": len(rows),
                         "results": rows[:params["limit"]]})


# --- Time series -------------------------------------------------------------------------------


class TimeseriesParams(serializers.Serializer):
    figure = serializers.ChoiceField(choices=[figure.key for figure in selectors.FIGURES],
                                     help_text=_("A figure key, e.g. gi_products.total."))
    division = _division_param()
    year_from = serializers.IntegerField(required=False, min_value=MIN_YEAR,
                                         max_value=MAX_YEAR,
                                         help_text=_("Default: nine years before year_to."))
    year_to = serializers.IntegerField(required=False, min_value=MIN_YEAR, max_value=MAX_YEAR,
                                       help_text=_("Default: this year."))

    def validate(self, attrs):
        year_to = attrs.get("year_to") or timezone.localdate().year
        year_from = attrs.get("year_from") or year_to - 9
        if year_from > year_to:
            raise serializers.ValidationError({"year_from": _("year_from is after year_to.")})
        if year_to - year_from >= MAX_SERIES_YEARS:
            raise serializers.ValidationError({"year_from": _(
                "A series covers at most %(n)d years.") % {"n": MAX_SERIES_YEARS}})
        attrs["year_from"], attrs["year_to"] = year_from, year_to
        return attrs


class TimeseriesPointSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)


class TimeseriesSerializer(serializers.Serializer):
    figure = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    division = DivisionRefSerializer()
    results = TimeseriesPointSerializer(many=True)


class StatsTimeseriesView(StatsView):
    """A figure's value at the end of each year (as of today for the current year)."""

    params_class = TimeseriesParams

    @extend_schema(parameters=[TimeseriesParams],
                   responses={200: TimeseriesSerializer, **error_responses("GET")})
    def get(self, request):
        params = self.params(request)
        division = _division(params["division"])
        figure = selectors.FIGURES_BY_KEY[params["figure"]]
        years = list(range(params["year_from"], params["year_to"] + 1))
        today: date = timezone.localdate()
        series = cached(
            "timeseries", {"figure": figure.key, "division": division.code,
                           "years": f"{years[0]}-{years[-1]}", "today": today},
            lambda: selectors.figure_timeseries(key=figure.key, division=division, years=years))
        return Response({"figure": figure.key, "label": str(figure.label), "unit": figure.unit,
                         "division": _division_ref(division), "results": series})

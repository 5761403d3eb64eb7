"""What the home page shows: the figure cards and the data of its four charts.

Everything is computed from the records through the figures selectors (the same code the stats
API and the `figures` command use), then cached per as-of date, language and records version,
so a cold page costs a bounded number of queries and a warm one none for the figures."""

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from awards.selectors import award_figures
from dashboard.selectors import gi_category_counts
from figures.cache import cached
from figures.selectors import FIGURES, RANKING_WEIGHTS, figures_as_of, rankings
from patents.selectors import valid_invention_patent_figures
from registry.models import Division
from registry.selectors import designation_figures, division_subtree_ids

CHART_YEARS = 10

# The title of each group of figures, shown on its card.
GROUP_TITLES = {
    "china_quality_award": _("China Quality Award"),
    "governor_quality_award": _("Governor's Quality Award"),
    "good_products_shandong": _("\"Good Products Shandong\" brands"),
    "high_end_brand_cultivation": _("High-end brand cultivation enterprises"),
    "china_patent_award": _("China Patent Award"),
    "gi_products": _("Geographic-indication protected products"),
    "valid_invention_patents": _("Valid invention patents"),
    "patent_pledges": _("Patent pledges"),
    "quality_credit": _("Quality loans"),
    "support": _("Support for enterprises"),
    "patent_pools": _("Patent pools"),
    "patent_transfers": _("Patent transfers"),
    "characteristic_products": _("Characteristic products"),
    "exhibitions": _("Exhibitions"),
    "adjudication": _("Administrative adjudication"),
    "enforcement": _("IP enforcement"),
    "unlicensed_agency": _("Unlicensed patent agency"),
}

# Honours by year and program: each program's honours held at the end of each year (the
# cumulative figure, so a revoked honour leaves the count it was in).
HONOUR_SERIES = (
    ("china_quality_award.total", _("China Quality Award")),
    ("governor_quality_award.total", _("Governor's Quality Award")),
    ("good_products_shandong.total", _("\"Good Products Shandong\" brands")),
    ("high_end_brand_cultivation.total", _("High-end brand cultivation enterprises")),
)

RANKING_KIND_LABELS = {
    "award_wins": _("Award wins"),
    "award_nominations": _("Nominations"),
    "patent_awards": _("China Patent Awards"),
    "designations": _("Brand designations"),
}


def figure_cards(values: dict) -> list[dict]:
    """One card per group of FIGURES, in their order: the group's first figure as the headline,
    the others as facts, each with its provincial rank where known."""
    cards: dict[str, dict] = {}
    for figure in FIGURES:
        item = {"key": figure.key, "label": figure.label, "unit": figure.unit,
                "value": values.get(figure.key),
                "rank": values.get(figure.rank_key) if figure.rankable else None,
                "is_new": figure.key.endswith(".new")}
        card = cards.setdefault(figure.group, {
            "group": figure.group, "title": GROUP_TITLES.get(figure.group, figure.label),
            "headline": item, "facts": []})
        if card["headline"] is not item:
            card["facts"].append(item)
    return list(cards.values())


def _year_end(year: int) -> date:
    """The day a chart's yearly value is taken, as figure_timeseries (and so the stats API)
    takes it: 31 December, or today in the current year."""
    today = timezone.localdate()
    return today if year == today.year else date(year, 12, 31)


def chart_years(as_of: date) -> list[int]:
    return list(range(as_of.year - CHART_YEARS + 1, as_of.year + 1))


def honours_by_year(*, division_ids: list[int], years: list[int]) -> list[dict]:
    """Per year, each program's honours held at the year's end: two aggregate queries a
    year."""
    rows = []
    for year in years:
        day = _year_end(year)
        values = {**award_figures(as_of=day, division_ids=division_ids),
                  **designation_figures(as_of=day, division_ids=division_ids)}
        counts = [values[key] for key, _label in HONOUR_SERIES]
        rows.append({"year": year, "counts": counts, "total": sum(counts)})
    return rows


def valid_invention_patents_by_year(*, division_ids: list[int], years: list[int]) -> list[dict]:
    """Valid invention patents at each year's end: one query a year."""
    return [{"year": year, "value": valid_invention_patent_figures(
        as_of=_year_end(year), division_ids=division_ids)["valid_invention_patents.total"]}
        for year in years]


def honours_by_district(*, city: Division) -> list[dict]:
    rows = rankings(by="division", program=None, year_from=None, year_to=None, division=city)
    return [{"code": row["code"], "name": row["name"],
             "counts": [row[kind] for kind in RANKING_WEIGHTS], "score": row["score"]}
            for row in sorted(rows, key=lambda row: row["code"])]


def _compute(*, as_of: date, city: Division) -> dict:
    division_ids = division_subtree_ids(city)
    years = chart_years(as_of)
    return {
        "values": figures_as_of(as_of=as_of, division=city),
        "years": years,
        "honours_by_year": honours_by_year(division_ids=division_ids, years=years),
        "honours_by_district": honours_by_district(city=city),
        "patents_by_year": valid_invention_patents_by_year(division_ids=division_ids,
                                                           years=years),
        "gi_by_category": [{**row, "label": str(row["label"])}
                           for row in gi_category_counts(as_of=as_of, division=city)],
    }


def home_data(*, as_of: date, city: Division) -> dict:
    """The home page's data for the city as of a date, cached with the stats (figures.cache)
until a record changes: the key holds the as-of date, the language and the records version."""
    # Today is part of the key: a chart's current year is counted as of today.
    data = cached("dashboard-home", {
        "division": city.code, "as_of": as_of.isoformat(), "language": get_language() or "",
        "today": timezone.localdate().isoformat()},
        lambda: _compute(as_of=as_of, city=city))
    return {
        **data,
        "cards": figure_cards(data["values"]),
        "honour_series": [str(label) for _key, label in HONOUR_SERIES],
        "district_series": [str(RANKING_KIND_LABELS[kind]) for kind in RANKING_WEIGHTS],
        "weights": [(RANKING_KIND_LABELS[kind], weight) for kind, weight in
                    RANKING_WEIGHTS.items()],
        **chart_configs(city=city, years=data["years"]),
    }


def _query(path: str, **params) -> str:
    return f"{path}?{urlencode(params)}"


def chart_configs(*, city: Division, years: list[int]) -> dict:
    """What charts.js needs to draw each chart: the stats API requests and the series names.
    The GI chart has no stats endpoint of its own: it draws its server-rendered table."""
    timeseries = reverse("stats-timeseries")
    first, last = years[0], years[-1]
    return {
        "honours_chart": {
            "kind": "stacked_bars", "years": years,
            "series": [{"name": str(label),
                        "url": _query(timeseries, figure=key, division=city.code,
                                      year_from=first, year_to=last)}
                       for key, label in HONOUR_SERIES]},
        "district_chart": {
            "kind": "districts", "kinds": list(RANKING_WEIGHTS),
            "names": [str(RANKING_KIND_LABELS[kind]) for kind in RANKING_WEIGHTS],
            "url": _query(reverse("stats-rankings"), by="division", division=city.code)},
        "patents_chart": {
            "kind": "line", "years": years,
            "series": [{"name": str(_("Valid invention patents")),
                        "url": _query(timeseries, figure="valid_invention_patents.total",
                                      division=city.code, year_from=first, year_to=last)}]},
        "gi_chart": {"kind": "pie_from_table"},
    }

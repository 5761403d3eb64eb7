"""The figures of the seed, computed from records: one stable key per figure (DOMAIN.md, "Figure
keys"), used alike by the stats API, the `figures` command, the dashboard and the tests.

Every function here reads; each figure is a COUNT or SUM over the records of a division and the
divisions under it, as of a date, computed in the database.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.selectors import (
    characteristic_product_figures,
    credit_figures,
    enforcement_figures,
    exhibition_figures,
    support_figures,
)
from awards.models import AwardProgram, AwardRecord, Tier
from awards.selectors import award_figures
from patents.models import PatentAward, PatentPool, PatentTransfer
from patents.selectors import (
    patent_award_figures,
    patent_pledge_figures,
    valid_invention_patent_figures,
)
from registry.models import Designation, DesignationList, Division, DivisionLevel, Enterprise
from registry.selectors import (
    active_on,
    designation_figures,
    division_subtree_ids,
    gi_product_figures,
    provincial_figure_values,
)

COUNT = "count"
YUAN = "yuan"
RANK_SUFFIX = ".provincial_rank"


@dataclass(frozen=True)
class Figure:
    """One figure: its stable key, an English label (translated on display), its unit ("count"
    or "yuan"), the group it is shown in, and whether a provincial rank is computed for it."""

    key: str
    label: str
    unit: str
    group: str
    rankable: bool

    @property
    def rank_key(self) -> str:
        return self.key + RANK_SUFFIX


# In the order the seed reports them. A figure is rankable where cities publish comparable
# values; the figures of one named session are not.
FIGURES: tuple[Figure, ...] = (
    Figure("china_quality_award.total",
           gettext_lazy("China Quality Awards and nominations, cumulative"),
           COUNT, "china_quality_award", True),
    Figure("governor_quality_award.total",
           gettext_lazy("Governor's Quality Awards and nominations, cumulative"),
           COUNT, "governor_quality_award", True),
    Figure("governor_quality_award.session_10.individual_winners",
           gettext_lazy("10th Governor's Quality Award: individual winners"),
           COUNT, "governor_quality_award", False),
    Figure("governor_quality_award.session_10.enterprise_nominations",
           gettext_lazy("10th Governor's Quality Award: enterprise nominations"),
           COUNT, "governor_quality_award", False),
    Figure("good_products_shandong.total",
           gettext_lazy("\"Good Products Shandong\" brands, total"),
           COUNT, "good_products_shandong", True),
    Figure("good_products_shandong.new",
           gettext_lazy("\"Good Products Shandong\" brands, new this year"),
           COUNT, "good_products_shandong", True),
    Figure("high_end_brand_cultivation.total",
           gettext_lazy("High-end brand cultivation enterprises, total"),
           COUNT, "high_end_brand_cultivation", True),
    Figure("high_end_brand_cultivation.new",
           gettext_lazy("High-end brand cultivation enterprises, new this year"),
           COUNT, "high_end_brand_cultivation", True),
    Figure("china_patent_award.gold", gettext_lazy("China Patent Award gold awards, cumulative"),
           COUNT, "china_patent_award", True),
    Figure("china_patent_award.silver",
           gettext_lazy("China Patent Award silver awards, cumulative"),
           COUNT, "china_patent_award", True),
    Figure("china_patent_award.excellence",
           gettext_lazy("China Patent Award excellence awards, cumulative"),
           COUNT, "china_patent_award", True),
    Figure("china_patent_award.design_excellence",
           gettext_lazy("China Patent Award design excellence awards, cumulative"),
           COUNT, "china_patent_award", True),
    Figure("china_patent_award.session_25.excellence_enterprises",
           gettext_lazy("25th China Patent Award: enterprises with an excellence award"),
           COUNT, "china_patent_award", False),
    Figure("gi_products.total", gettext_lazy("Geographic-indication protected products, total"),
           COUNT, "gi_products", True),
    Figure("gi_products.new",
           gettext_lazy("Geographic-indication protected products, new this year"),
           COUNT, "gi_products", True),
    Figure("valid_invention_patents.total", gettext_lazy("Valid invention patents"),
           COUNT, "valid_invention_patents", True),
    Figure("patent_pledges.count", gettext_lazy("Patent pledge registrations, cumulative"),
           COUNT, "patent_pledges", True),
    Figure("patent_pledges.amount_yuan",
           gettext_lazy("Patent pledge amount, cumulative (yuan)"),
           YUAN, "patent_pledges", True),
    Figure("quality_credit.enterprises",
           gettext_lazy("Quality-brand enterprises given credit, cumulative"),
           COUNT, "quality_credit", False),
    Figure("quality_credit.amount_yuan",
           gettext_lazy("Credit granted to quality-brand enterprises, cumulative (yuan)"),
           YUAN, "quality_credit", False),
    Figure("support.on_site_enterprises", gettext_lazy("Enterprises helped on site"),
           COUNT, "support", False),
    Figure("support.policy_manuals",
           gettext_lazy("Enterprises given a \"one enterprise, one policy\" manual"),
           COUNT, "support", False),
    Figure("patent_pools.count", gettext_lazy("Patent pools"), COUNT, "patent_pools", False),
    Figure("patent_pools.member_enterprises", gettext_lazy("Patent pool member enterprises"),
           COUNT, "patent_pools", False),
    Figure("patent_pools.core_patents", gettext_lazy("Core patents in patent pools"),
           COUNT, "patent_pools", False),
    Figure("patent_transfers.total", gettext_lazy("Patents transferred or licensed, cumulative"),
           COUNT, "patent_transfers", True),
    Figure("characteristic_products.total",
           gettext_lazy("Characteristic products improved, cumulative"),
           COUNT, "characteristic_products", False),
    Figure("exhibitions.count", gettext_lazy("Characteristic product exhibitions held"),
           COUNT, "exhibitions", False),
    Figure("adjudication.cases",
           gettext_lazy("Patent dispute administrative adjudication cases"),
           COUNT, "adjudication", False),
    Figure("adjudication.rulings", gettext_lazy("Administrative adjudication rulings issued"),
           COUNT, "adjudication", False),
    Figure("enforcement.cases", gettext_lazy("Patent and trademark enforcement cases"),
           COUNT, "enforcement", False),
    Figure("unlicensed_agency.acts", gettext_lazy("Unlicensed patent agency acts handled"),
           COUNT, "unlicensed_agency", False),
)
FIGURES_BY_KEY: dict[str, Figure] = {figure.key: figure for figure in FIGURES}

def patent_pool_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """Patent pools established on or before `as_of` (two queries).

    A pool belongs to the division of its lead enterprise (a pool without a lead, to the
    divisions of its members): `count` and `core_patents` (the sum of the pools' core patent
    counts) are over those pools. `member_enterprises` counts the distinct enterprises of the
    divisions that are members of any pool established by then, wherever the pool belongs."""
    members = PatentPool.members.through.objects.filter(patentpool__established_on__lte=as_of)
    leaderless_here = (members
                       .filter(patentpool__lead_enterprise__isnull=True,
                               enterprise__division_id__in=division_ids)
                       .values("patentpool_id"))
    pools = (PatentPool.objects
             .filter(established_on__lte=as_of)
             .filter(Q(lead_enterprise__division_id__in=division_ids) | Q(pk__in=leaderless_here))
             .aggregate(count=Count("pk"), core=Sum("core_patent_count")))
    member_count = (members.filter(enterprise__division_id__in=division_ids)
                    .aggregate(n=Count("enterprise_id", distinct=True))["n"])
    return {"patent_pools.count": pools["count"],
            "patent_pools.member_enterprises": member_count,
            "patent_pools.core_patents": pools["core"] or 0}


def patent_transfer_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """Patent transfers and licences recorded on or before `as_of` whose FROM enterprise (the
    assignor or licensor) is in the divisions: the release counts the patents the city's
    holders transferred out or licensed (转移转化), so a patent coming in from elsewhere does
    not count and a transfer between two of the city's enterprises counts once. A transfer
    whose assignor is named only (no enterprise record) has no division and is not counted.
    Each transfer record counts once (one query)."""
    count = PatentTransfer.objects.filter(recorded_on__lte=as_of,
                                          from_enterprise__division_id__in=division_ids).count()
    return {"patent_transfers.total": count}


# Each group's figures come from one selector of the app that owns the records (one query
# each); two groups may share a selector.
_GROUP_SOURCES: dict[str, Callable[..., dict]] = {
    "china_quality_award": award_figures,
    "governor_quality_award": award_figures,
    "good_products_shandong": designation_figures,
    "high_end_brand_cultivation": designation_figures,
    "china_patent_award": patent_award_figures,
    "gi_products": gi_product_figures,
    "valid_invention_patents": valid_invention_patent_figures,
    "patent_pledges": patent_pledge_figures,
    "quality_credit": credit_figures,
    "support": support_figures,
    "patent_pools": patent_pool_figures,
    "patent_transfers": patent_transfer_figures,
    "characteristic_products": characteristic_product_figures,
    "exhibitions": exhibition_figures,
    "adjudication": enforcement_figures,
    "enforcement": enforcement_figures,
    "unlicensed_agency": enforcement_figures,
}


def figure_get(key: str) -> Figure:
    """The figure of a key; a ValidationError naming the key when there is none."""
    try:
        return FIGURES_BY_KEY[key]
    except KeyError:
        raise ValidationError({"key": _("Unknown figure key: %(key)s.") % {"key": key}}) from None


def _compute(figures, *, as_of: date, division_ids: list[int]) -> dict[str, int | Decimal]:
    """Run each source the figures need once; return their values keyed as the figures."""
    computed: dict[str, int | Decimal] = {}
    for source in dict.fromkeys(_GROUP_SOURCES[figure.group] for figure in figures):
        computed.update(source(as_of=as_of, division_ids=division_ids))
    return {figure.key: computed[figure.key] for figure in figures}


def _rank(value, others: list[Decimal]) -> int | None:
    if not others:
        return None
    return 1 + sum(1 for other in others if other > value)


def _ranks(values: dict, *, as_of: date, division: Division) -> dict[str, int | None]:
    rankable = [FIGURES_BY_KEY[key] for key in values if FIGURES_BY_KEY[key].rankable]
    if division.level != DivisionLevel.CITY:
        # A rank is among Shandong's cities; a county or zone has none.
        return {figure.rank_key: None for figure in rankable}
    others = provincial_figure_values(keys=[figure.key for figure in rankable],
                                      year=as_of.year, exclude_division=division)
    return {figure.rank_key: _rank(values[figure.key], others.get(figure.key, []))
            for figure in rankable}


def figures_as_of(*, as_of: date, division: Division) -> dict[str, int | Decimal | None]:
    """Every figure key of the division (its subtree included) as of `as_of`, in FIGURES
    order, then `<key>.provincial_rank` for every rankable key: 1 + the number of other cities
    whose published value for the as-of year is greater, None where no other city has one
    (or the division is not a city). Counts are ints; `patent_pledges.amount_yuan` and
    `quality_credit.amount_yuan` are Decimals in yuan. Sixteen queries whatever the data: the
    division tree, one per source (thirteen sources, patent pools taking two), the other
    cities' values."""
    division_ids = division_subtree_ids(division)
    values: dict[str, int | Decimal | None] = dict(
        _compute(FIGURES, as_of=as_of, division_ids=division_ids))
    values.update(_ranks(values, as_of=as_of, division=division))
    return values


def figure_value(*, key: str, as_of: date, division: Division) -> int | Decimal | None:
    """One figure key (or `<key>.provincial_rank`) of the division as of `as_of`, computing only
    the source it needs."""
    if key.endswith(RANK_SUFFIX):
        return provincial_rank(key=key.removesuffix(RANK_SUFFIX), as_of=as_of, division=division)
    figure = figure_get(key)
    return _compute([figure], as_of=as_of, division_ids=division_subtree_ids(division))[key]


def provincial_rank(*, key: str, as_of: date, division: Division) -> int | None:
    """The division's rank among Shandong's 16 cities for a figure key in the as-of year:
    1 + the number of OTHER cities whose published ProvincialFigure value is greater than the
    division's computed value. None when no other city has a value, the figure is not
    rankable or the division is not a city."""
    figure = figure_get(key)
    if not figure.rankable:
        return None
    value = figure_value(key=key, as_of=as_of, division=division)
    return _ranks({key: value}, as_of=as_of, division=division)[figure.rank_key]


def figure_timeseries(*, key: str, division: Division, years: list[int]) -> list[dict]:
    """[{"year", "value"}] for each of `years` in the order given: the value as of 31 December
    of that year, as of today for the current year, None for a year still to come."""
    today = timezone.localdate()
    series = []
    for year in years:
        if year > today.year:
            value = None
        else:
            as_of = today if year == today.year else date(year, 12, 31)
            value = figure_value(key=key, as_of=as_of, division=division)
        series.append({"year": year, "value": value})
    return series


# --- Rankings of honours ----------------------------------------------------------------------

# The composite score of a rankings row is the sum of its counts times these weights: a win of
# any award program weighs most, a nomination or commendation less, a China Patent Award (any
# level) between the two, and one designation entry (a "Good Products Shandong" brand, a year on
# the high-end cultivation list...) least. Published so the dashboard can state the rule.
RANKING_WEIGHTS: dict[str, int] = {
    "award_wins": 5,
    "award_nominations": 3,
    "patent_awards": 2,
    "designations": 1,
}
PATENT_AWARD_PROGRAM = "china_patent_award"
RANKINGS_BY = ("division", "enterprise")


def _date_range(field: str, year_from: int | None, year_to: int | None) -> Q:
    condition = Q()
    if year_from is not None:
        condition &= Q(**{f"{field}__gte": date(year_from, 1, 1)})
    if year_to is not None:
        condition &= Q(**{f"{field}__lte": date(year_to, 12, 31)})
    return condition


def _program_kinds(program: str | None) -> dict[str, Q | None]:
    """Which honours a program code selects, and the filter on each: None for all of them, an
    award program's code for its award records, a designation list's code for its entries,
    "china_patent_award" for the China Patent Awards."""
    everything = {"awards": Q(), "designations": Q(), "patent_awards": Q()}
    if program is None:
        return everything
    if program == PATENT_AWARD_PROGRAM:
        return {"awards": None, "designations": None, "patent_awards": Q()}
    if AwardProgram.objects.filter(code=program).exists():
        return {"awards": Q(session__program__code=program), "designations": None,
                "patent_awards": None}
    if DesignationList.objects.filter(code=program).exists():
        return {"awards": None, "designations": Q(designation_list__code=program),
                "patent_awards": None}
    raise ValidationError({"program": _("Unknown program: %(program)s.") % {"program": program}})


def _honour_counts(*, by: str, program: str | None, year_from: int | None, year_to: int | None,
                   division_ids: list[int]) -> dict[int, dict[str, int]]:
    """{holder id: {kind: count}} where the holder is a division id or an enterprise id; one
    GROUP BY query per kind of honour. Only records in force today count."""
    kinds = _program_kinds(program)
    today = timezone.localdate()
    counts: dict[int, dict[str, int]] = {}

    def add(rows, kind_of):
        for row in rows:
            holder = counts.setdefault(row["holder"], dict.fromkeys(RANKING_WEIGHTS, 0))
            holder[kind_of(row)] += row["n"]

    if by == "division":
        record_holder = Coalesce(F("enterprise__division_id"), F("person__division_id"))
        in_divisions = (Q(enterprise__division_id__in=division_ids)
                        | Q(person__division_id__in=division_ids))
    else:
        record_holder = F("enterprise_id")
        in_divisions = Q(enterprise__division_id__in=division_ids)

    if kinds["awards"] is not None:
        rows = (AwardRecord.objects
                .filter(kinds["awards"], in_divisions,
                        active_on(today, date_field="session__announced_on"),
                        _date_range("session__announced_on", year_from, year_to))
                .values(holder=record_holder,
                        won=ExpressionWrapper(Q(tier=Tier.WINNER), output_field=BooleanField()))
                .annotate(n=Count("pk")).order_by())
        add(rows, lambda row: "award_wins" if row["won"] else "award_nominations")
    if kinds["designations"] is not None:
        holder = F("enterprise__division_id") if by == "division" else F("enterprise_id")
        rows = (Designation.objects
                .filter(kinds["designations"], active_on(today, date_field="designated_on"),
                        _date_range("designated_on", year_from, year_to),
                        enterprise__division_id__in=division_ids)
                .values(holder=holder).annotate(n=Count("pk")).order_by())
        add(rows, lambda row: "designations")
    if kinds["patent_awards"] is not None:
        rows = (PatentAward.objects
                .filter(kinds["patent_awards"], in_divisions,
                        active_on(today, date_field="session__decided_on"),
                        _date_range("session__decided_on", year_from, year_to))
                .values(holder=record_holder).annotate(n=Count("pk")).order_by())
        add(rows, lambda row: "patent_awards")
    return counts


def _scored(row: dict) -> dict:
    row["score"] = sum(row[kind] * weight for kind, weight in RANKING_WEIGHTS.items())
    return row


def rankings(*, by: str, program: str | None, year_from: int | None, year_to: int | None,
             division: Division) -> list[dict]:
    """Honours counted per division or per enterprise within `division`, best first (score
    descending, then name).

    `by="division"`: one row per division directly under `division` (a city's counties and
    zones; records of a division further down count for its ancestor among them), plus a row
    for `division` itself when records are held at its own level. Row: id, code, name, the
    counts, score.
    `by="enterprise"`: one row per enterprise of the subtree with at least one honour (persons'
    honours are not counted here). Row: id, uscc, name, division_code, division_name, the
    counts, score.
    Counts: award_wins, award_nominations (nominations and commendations), designations,
    patent_awards; score = sum of count x RANKING_WEIGHTS[kind]. `program`: None for every
    honour, an award program's code, a designation list's code or "china_patent_award" for
    that one only. `year_from`/`year_to` bound the year of the record's date (announcement,
    designation, decision), both inclusive. Records revoked by today do not count.
    Raises ValidationError naming `by` or `program` when it is unknown."""
    if by not in RANKINGS_BY:
        raise ValidationError({"by": _("Rank by %(choices)s, not %(by)s.")
                               % {"choices": " or ".join(RANKINGS_BY), "by": by}})
    tree = {row["pk"]: row for row in Division.objects.values(
        "pk", "parent_id", "code", "name_zh", "name_en")}
    division_ids = division_subtree_ids(division)
    counts = _honour_counts(by=by, program=program, year_from=year_from, year_to=year_to,
                            division_ids=division_ids)
    rows = _division_rows(division, tree, counts) if by == "division" else _enterprise_rows(
        counts, tree)
    return sorted((_scored(row) for row in rows), key=lambda row: (-row["score"], row["name"]))


def _display_name(division_row: dict) -> str:
    return Division(name_zh=division_row["name_zh"], name_en=division_row["name_en"]).name


def _division_rows(division: Division, tree: dict, counts: dict) -> list[dict]:
    def top(pk):
        # The ancestor of pk directly under `division` (or `division` itself).
        while pk != division.pk and tree[pk]["parent_id"] != division.pk:
            pk = tree[pk]["parent_id"]
        return pk

    rows = {pk: dict(id=pk, code=row["code"], name=_display_name(row),
                     **dict.fromkeys(RANKING_WEIGHTS, 0))
            for pk, row in tree.items() if row["parent_id"] == division.pk}
    for pk, kinds in counts.items():
        if pk is None:
            continue
        target = top(pk)
        if target not in rows:
            row = tree[target]
            rows[target] = dict(id=target, code=row["code"], name=_display_name(row),
                                **dict.fromkeys(RANKING_WEIGHTS, 0))
        for kind, n in kinds.items():
            rows[target][kind] += n
    return list(rows.values())


def _enterprise_rows(counts: dict, tree: dict) -> list[dict]:
    enterprises = Enterprise.objects.filter(pk__in=[pk for pk in counts if pk is not None])
    return [dict(id=enterprise.pk, uscc=enterprise.uscc, name=enterprise.name,
                 division_code=tree[enterprise.division_id]["code"],
                 division_name=_display_name(tree[enterprise.division_id]),
                 **counts[enterprise.pk])
            for enterprise in enterprises.only("pk", "uscc", "name", "division_id")]

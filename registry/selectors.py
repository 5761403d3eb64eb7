"""Reads of the registry. Each returns a queryset that already carries its joins."""

from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from registry.models import (
    Designation,
    Division,
    DivisionLevel,
    Enterprise,
    EntryKind,
    GIProduct,
    GISystem,
    Person,
    ProvincialFigure,
    RecordStatus,
)

CITY_BUREAU_GROUP = "city bureau"
DISTRICT_CLERK_GROUP = "district clerk"
AUDITOR_GROUP = "auditor"


def division_get(code: str) -> Division | None:
    return Division.objects.filter(code=code).first()


def division_subtree_ids(division: Division) -> list[int]:
    """The division and every division under it (a city: its counties and zones). The tree is
    a few dozen rows, so one query over all of them beats a recursive CTE per call."""
    children = {}
    for pk, parent_id in Division.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, frontier = [division.pk], [division.pk]
    while frontier:
        frontier = [child for pk in frontier for child in children.get(pk, [])]
        found.extend(frontier)
    return found


def user_is_district_clerk(user) -> bool:
    """A clerk limited to a division: in the district clerk group, not a superuser."""
    if not user.is_authenticated or user.is_superuser:
        return False
    return any(group.name == DISTRICT_CLERK_GROUP for group in user.groups.all())


def user_division_ids(user) -> list[int] | None:
    """The divisions a user may see and edit; None means every division. A district clerk
    without a division on their profile sees nothing rather than everything."""
    if not user_is_district_clerk(user):
        return None
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return []
    return division_subtree_ids(profile.division)


def enterprise_list(*, filters: dict | None = None) -> QuerySet[Enterprise]:
    return Enterprise.objects.select_related("division", "industry").filter(**(filters or {}))


def person_list() -> QuerySet[Person]:
    return Person.objects.select_related("division", "employer")


def gi_product_list() -> QuerySet[GIProduct]:
    return GIProduct.objects.prefetch_related("divisions")


def designation_list() -> QuerySet[Designation]:
    return Designation.objects.select_related("designation_list", "enterprise__division")


def active_on(as_of, *, date_field: str) -> Q:
    """Records dated on or before `as_of` and not revoked on or before it."""
    return Q(**{f"{date_field}__lte": as_of}) & (
        Q(status=RecordStatus.ACTIVE) | Q(revoked_on__gt=as_of)
    )


# --- Figures: aggregate counts for a division and an as-of date ---------------------------------

GOOD_PRODUCTS_LIST = "good_products_shandong"
HIGH_END_LIST = "high_end_brand_cultivation"


def year_start(as_of):
    return as_of.replace(month=1, day=1)


def designation_figures(*, as_of, division_ids: list[int]) -> dict[str, int]:
    """The designation figures of the divisions `division_ids` as of `as_of`, in one query:
    "Good Products Shandong" entries (brands) in force, and those designated in the as-of year;
    distinct enterprises with a high-end brand cultivation entry in force, and the enterprises
    listed as new (新增培育) in the as-of year."""
    this_year = Q(designated_on__gte=year_start(as_of))
    good = Q(designation_list__code=GOOD_PRODUCTS_LIST)
    high_end = Q(designation_list__code=HIGH_END_LIST)
    counts = (
        Designation.objects
        .filter(active_on(as_of, date_field="designated_on"),
                enterprise__division_id__in=division_ids,
                designation_list__code__in=[GOOD_PRODUCTS_LIST, HIGH_END_LIST])
        .aggregate(
            good_total=Count("pk", filter=good),
            good_new=Count("pk", filter=good & this_year),
            high_end_total=Count("enterprise", filter=high_end, distinct=True),
            high_end_new=Count("enterprise", distinct=True,
                               filter=high_end & this_year & Q(entry_kind=EntryKind.NEW)),
        )
    )
    return {
        "good_products_shandong.total": counts["good_total"],
        "good_products_shandong.new": counts["good_new"],
        "high_end_brand_cultivation.total": counts["high_end_total"],
        "high_end_brand_cultivation.new": counts["high_end_new"],
    }


def gi_product_figures(*, as_of, division_ids: list[int]) -> dict[str, int]:
    """GI protected products (the CNIPA system only; GI trademarks and agricultural GIs are
    other systems) approved on or before `as_of`, not revoked by then, whose protected area
    touches the divisions; each product counted once, in one query."""
    in_area = GIProduct.divisions.through.objects.filter(division_id__in=division_ids)
    counts = (
        GIProduct.objects
        .filter(active_on(as_of, date_field="approved_on"),
                system=GISystem.PROTECTED_PRODUCT,
                pk__in=in_area.values("giproduct_id"))
        .aggregate(total=Count("pk"),
                   new=Count("pk", filter=Q(approved_on__gte=year_start(as_of))))
    )
    return {"gi_products.total": counts["total"], "gi_products.new": counts["new"]}


def provincial_figure_values(*, keys, year: int, exclude_division: Division
                             ) -> dict[str, list[Decimal]]:
    """Published values per key of the other cities for `year`, in one query."""
    values: dict[str, list[Decimal]] = {}
    rows = (ProvincialFigure.objects
            .filter(key__in=list(keys), year=year, division__level=DivisionLevel.CITY)
            .exclude(division=exclude_division)
            .values_list("key", "value"))
    for key, value in rows:
        values.setdefault(key, []).append(value)
    return values


def division_list() -> QuerySet[Division]:
    return Division.objects.select_related("parent")


def industry_list() -> QuerySet:
    from registry.models import Industry

    return Industry.objects.select_related("parent")


def provincial_figure_list() -> QuerySet:
    from registry.models import ProvincialFigure

    return ProvincialFigure.objects.select_related("division")

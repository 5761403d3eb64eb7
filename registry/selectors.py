"""Reads of the registry. Each returns a queryset that already carries its joins."""

from django.db.models import Q, QuerySet

from registry.models import (
    Designation,
    Division,
    Enterprise,
    GIProduct,
    Person,
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

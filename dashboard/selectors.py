"""Reads behind the public pages that are not figures: honour rolls, profiles, catalogues.

Only public facts leave here: a person is shown by name, employer and division; an
enterprise's contact person and phone are never selected for a page."""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from awards.models import AwardProgram, AwardRecord, AwardSession, Tier
from core.validators import normalize_uscc
from patents.models import Patent, PatentAward, PatentStatus, PatentType
from registry.models import (
    Designation,
    DesignationList,
    Division,
    Enterprise,
    GIAuthorization,
    GIProduct,
)

# Fields of an enterprise a public page may show.
ENTERPRISE_PUBLIC_FIELDS = ["id", "name", "uscc", "division", "industry", "address", "founded_on",
                            "legal_representative", "is_active", "source"]


def city_get() -> Division | None:
    """The registry's own city (settings.REGISTRY_CITY_CODE)."""
    return Division.objects.filter(code=settings.REGISTRY_CITY_CODE).first()


def award_program_list() -> QuerySet[AwardProgram]:
    return AwardProgram.objects.annotate(
        session_count=Count("sessions", distinct=True),
        record_count=Count("sessions__records", distinct=True),
    ).order_by("level", "code")


def designation_list_list() -> QuerySet[DesignationList]:
    return DesignationList.objects.annotate(
        entry_count=Count("designations", distinct=True),
    ).order_by("level", "code")


def _public_record_queryset():
    return AwardRecord.objects.select_related(
        "enterprise__division", "person__division", "person__employer",
    ).only(
        "id", "tier", "citation", "status", "revoked_on", "session_id",
        "enterprise__id", "enterprise__name", "enterprise__uscc",
        "enterprise__division__code", "enterprise__division__name_zh",
        "enterprise__division__name_en",
        "person__id", "person__name", "person__division__code", "person__division__name_zh",
        "person__division__name_en", "person__employer__id", "person__employer__name",
        "person__employer__uscc",
    ).order_by("tier", "id")


def award_session_list(*, program: AwardProgram) -> QuerySet[AwardSession]:
    """The program's sessions, newest first, each with its records (winners before
    nominations) and the awardees' public facts."""
    return (AwardSession.objects.filter(program=program)
            .prefetch_related(Prefetch("records", queryset=_public_record_queryset()))
            .order_by("-number"))


def session_tiers(session: AwardSession) -> list[tuple[str, list[AwardRecord]]]:
    """A session's records grouped by tier in the order of Tier: winners, then nominations."""
    grouped = defaultdict(list)
    for record in session.records.all():
        grouped[record.tier].append(record)
    return [(Tier(tier).label, grouped[tier]) for tier in Tier.values if grouped[tier]]


def designation_entries(*, designation_list: DesignationList) -> list[dict]:
    """A list's entries grouped by year and batch, newest first."""
    entries = (Designation.objects.filter(designation_list=designation_list)
               .select_related("enterprise__division")
               .order_by("-year", "-batch", "enterprise__name", "id"))
    groups: dict[tuple, list] = {}
    for entry in entries:
        groups.setdefault((entry.year, entry.batch, entry.designated_on), []).append(entry)
    return [{"year": year, "batch": batch, "designated_on": designated_on, "entries": rows}
            for (year, batch, designated_on), rows in groups.items()]


def enterprise_search(*, text: str) -> QuerySet[Enterprise]:
    """Enterprises whose name contains the text or whose USCC is the text (in any spacing)."""
    text = (text or "").strip()
    if not text:
        return Enterprise.objects.none()
    condition = Q(name__icontains=text)
    compact = normalize_uscc(text)
    if len(compact) >= 6:
        condition |= Q(uscc__startswith=compact)
    return (Enterprise.objects.filter(condition).select_related("division", "industry")
            .only(*[f for f in ENTERPRISE_PUBLIC_FIELDS if f not in ("division", "industry")],
                  "division__code", "division__name_zh", "division__name_en",
                  "industry__code", "industry__name_zh", "industry__name_en")
            .order_by("name", "uscc"))


def gi_product_search(*, text: str) -> QuerySet[GIProduct]:
    text = (text or "").strip()
    if not text:
        return GIProduct.objects.none()
    return GIProduct.objects.filter(name__icontains=text).order_by("name")


def enterprise_public_list() -> QuerySet[Enterprise]:
    return (Enterprise.objects.select_related("division", "industry")
            .only(*[f for f in ENTERPRISE_PUBLIC_FIELDS if f not in ("division", "industry")],
                  "division__code", "division__name_zh", "division__name_en",
                  "industry__code", "industry__name_zh", "industry__name_en")
            .annotate(honour_count=Count("award_records", distinct=True)
                      + Count("designations", distinct=True))
            .order_by("name", "uscc"))


def enterprise_profile_get(*, uscc: str) -> Enterprise | None:
    """An enterprise with its public record: honours, designations, patent awards and GI
    authorisations prefetched (one query each)."""
    return (Enterprise.objects.filter(uscc=normalize_uscc(uscc))
            .select_related("division", "industry")
            .only(*[f for f in ENTERPRISE_PUBLIC_FIELDS if f not in ("division", "industry")],
                  "division__code", "division__name_zh", "division__name_en",
                  "industry__code", "industry__name_zh", "industry__name_en")
            .prefetch_related(
                Prefetch("award_records", queryset=AwardRecord.objects
                         .select_related("session__program")
                         .order_by("-session__announced_on", "id")),
                Prefetch("designations", queryset=Designation.objects
                         .select_related("designation_list")
                         .order_by("-designated_on", "id")),
                Prefetch("patent_awards", queryset=PatentAward.objects
                         .select_related("session", "patent")
                         .order_by("-session__number", "id")),
                Prefetch("gi_authorizations", queryset=GIAuthorization.objects
                         .select_related("product").order_by("approved_on", "id")),
            )
            .first())


def enterprise_patent_counts(*, enterprise: Enterprise, as_of: date) -> dict[str, int]:
    """Patents the enterprise holds, by type, and its valid invention patents as of a date."""
    rows = (Patent.objects.filter(holder_enterprises=enterprise)
            .values("type").annotate(n=Count("id", distinct=True)))
    counts = {row["type"]: row["n"] for row in rows}
    valid_inventions = (Patent.objects.filter(
        holder_enterprises=enterprise, type=PatentType.INVENTION, granted_on__lte=as_of)
        .filter(Q(status=PatentStatus.VALID) | Q(status_changed_on__gt=as_of))
        .distinct().count())
    return {
        "invention": counts.get(PatentType.INVENTION, 0),
        "utility_model": counts.get(PatentType.UTILITY_MODEL, 0),
        "design": counts.get(PatentType.DESIGN, 0),
        "valid_invention": valid_inventions,
    }


def gi_product_catalogue() -> QuerySet[GIProduct]:
    return (GIProduct.objects.prefetch_related("divisions")
            .annotate(authorization_count=Count("authorizations", distinct=True))
            .order_by("-approved_on", "name"))


def gi_product_get(*, pk: int) -> GIProduct | None:
    return (GIProduct.objects.filter(pk=pk)
            .prefetch_related("divisions", Prefetch(
                "authorizations", queryset=GIAuthorization.objects
                .select_related("enterprise__division").order_by("approved_on", "id")))
            .first())


def gi_category_counts(*, as_of: date, division: Division) -> list[dict]:
    """GI protected products in force on a date, by category, for the division's area."""
    from registry.models import GICategory, GISystem
    from registry.selectors import active_on, division_subtree_ids

    # The same products the gi_products.total figure counts: a subquery on the area table
    # keeps a product whose area spans several districts to one row.
    in_area = GIProduct.divisions.through.objects.filter(
        division_id__in=division_subtree_ids(division))
    rows = (GIProduct.objects.filter(active_on(as_of, date_field="approved_on"),
                                     system=GISystem.PROTECTED_PRODUCT,
                                     pk__in=in_area.values("giproduct_id"))
            .values("category").annotate(n=Count("id")).order_by("-n", "category"))
    return [{"category": row["category"], "label": GICategory(row["category"]).label,
             "count": row["n"]} for row in rows]


def patent_award_list() -> QuerySet[PatentAward]:
    return (PatentAward.objects.select_related(
        "session", "patent", "enterprise__division", "person__division", "person__employer")
        .only("id", "level", "status", "revoked_on",
              "session__id", "session__number", "session__decided_on",
              "patent__id", "patent__number", "patent__title", "patent__type",
              "enterprise__id", "enterprise__name", "enterprise__uscc",
              "enterprise__division__name_zh", "enterprise__division__name_en",
              "enterprise__division__code",
              "person__id", "person__name", "person__division__name_zh",
              "person__division__name_en", "person__division__code",
              "person__employer__id", "person__employer__name", "person__employer__uscc")
        .order_by("-session__number", "level", "id"))

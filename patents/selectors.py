"""Reads of patents, China Patent Awards and pledges: the figures counted over them."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from patents.models import (
    Patent,
    PatentAward,
    PatentAwardLevel,
    PatentPledge,
    PatentStatus,
    PatentType,
)
from registry.selectors import active_on

# The seed reports the enterprises with an excellence award in the 25th session.
PATENT_AWARD_SESSION_REPORTED = 25
# The cumulative levels the seed reports, as figure keys china_patent_award.<level>.
PATENT_AWARD_LEVELS_REPORTED = (PatentAwardLevel.GOLD, PatentAwardLevel.SILVER,
                                PatentAwardLevel.EXCELLENCE, PatentAwardLevel.DESIGN_EXCELLENCE)


def patents_held_in(division_ids: list[int]) -> Q:
    """Patents with at least one holder (an enterprise or a person) in the divisions. Two
    subqueries on the through tables rather than joins, so a patent with several holders is
    one row and COUNT needs no DISTINCT."""
    by_enterprise = Patent.holder_enterprises.through.objects.filter(
        enterprise__division_id__in=division_ids).values("patent_id")
    by_person = Patent.holder_persons.through.objects.filter(
        person__division_id__in=division_ids).values("patent_id")
    return Q(pk__in=by_enterprise) | Q(pk__in=by_person)


def valid_invention_patents(*, as_of: date, division_ids: list[int]) -> QuerySet[Patent]:
    """Invention patents granted on or before `as_of` and not lapsed, expired or invalidated
    on or before it, held in the divisions."""
    ended = ~Q(status=PatentStatus.VALID) & Q(status_changed_on__lte=as_of)
    return (Patent.objects
            .filter(type=PatentType.INVENTION, granted_on__lte=as_of)
            .exclude(ended)
            .filter(patents_held_in(division_ids)))


def valid_invention_patent_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """The number of valid invention patents held in the divisions as of `as_of` (one query;
    a patent with several holders in the divisions counts once)."""
    count = valid_invention_patents(as_of=as_of, division_ids=division_ids).count()
    return {"valid_invention_patents.total": count}


def patent_award_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """China Patent Awards of sessions decided on or before `as_of` (not revoked by then) to
    awardees in the divisions: one count per reported level, and the distinct enterprises with
    an excellence award in the reported session."""
    awards = PatentAward.objects.filter(
        active_on(as_of, date_field="session__decided_on"),
        Q(enterprise__division_id__in=division_ids) | Q(person__division_id__in=division_ids))
    session = PATENT_AWARD_SESSION_REPORTED
    counts = awards.aggregate(
        **{level.value: Count("pk", filter=Q(level=level))
           for level in PATENT_AWARD_LEVELS_REPORTED},
        excellence_enterprises=Count(
            "enterprise", distinct=True,
            filter=Q(level=PatentAwardLevel.EXCELLENCE, session__number=session)),
    )
    figures = {f"china_patent_award.{level.value}": counts[level.value]
               for level in PATENT_AWARD_LEVELS_REPORTED}
    figures[f"china_patent_award.session_{session}.excellence_enterprises"] = (
        counts["excellence_enterprises"])
    return figures


def patent_pledge_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int | Decimal]:
    """Pledge registrations on or before `as_of` by pledgors in the divisions: their number
    and the sum of their amounts in yuan (a released pledge was still registered)."""
    counts = (PatentPledge.objects
              .filter(registered_on__lte=as_of, pledgor__division_id__in=division_ids)
              .aggregate(count=Count("pk"), amount=Sum("amount")))
    return {"patent_pledges.count": counts["count"],
            "patent_pledges.amount_yuan": (counts["amount"] or Decimal("0")).quantize(
                Decimal("0.01"))}


def patent_list() -> QuerySet[Patent]:
    """Patents with their holders: two prefetch queries for a whole page, whatever its size."""
    return Patent.objects.prefetch_related("holder_enterprises", "holder_persons")


def patent_award_list() -> QuerySet[PatentAward]:
    return PatentAward.objects.select_related("session", "patent", "enterprise__division",
                                              "person__division")


def patent_pledge_list() -> QuerySet[PatentPledge]:
    return PatentPledge.objects.select_related("pledgor__division").prefetch_related("patents")


def patent_transfer_list() -> QuerySet:
    from patents.models import PatentTransfer

    return PatentTransfer.objects.select_related("patent", "from_enterprise", "to_enterprise")

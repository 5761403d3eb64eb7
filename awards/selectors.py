"""Reads of award records: the figures counted over them and the querysets the API lists."""

from datetime import date

from django.db.models import Count, Q, QuerySet

from awards.models import AwardRecord, Tier
from registry.selectors import active_on

CHINA_QUALITY_AWARD = "china_quality_award"
GOVERNOR_QUALITY_AWARD = "governor_quality_award"
# The seed reports the 10th Governor's Quality Award session on its own.
GOVERNOR_SESSION_REPORTED = 10


def award_record_list() -> QuerySet[AwardRecord]:
    return AwardRecord.objects.select_related("session__program", "enterprise__division",
                                              "person__division")


def held_in(division_ids: list[int]) -> Q:
    """Records whose awardee (an enterprise or a person) belongs to one of the divisions."""
    return Q(enterprise__division_id__in=division_ids) | Q(person__division_id__in=division_ids)


def award_records_as_of(*, as_of: date, division_ids: list[int]) -> QuerySet[AwardRecord]:
    """Records announced on or before `as_of`, not revoked by then, of awardees in the
    divisions."""
    return AwardRecord.objects.filter(
        active_on(as_of, date_field="session__announced_on"), held_in(division_ids))


def award_figures(*, as_of: date, division_ids: list[int]) -> dict[str, int]:
    """The award figure keys for the divisions as of `as_of`, in one aggregate query. Totals
    count each win and each nomination once."""
    governor = Q(session__program__code=GOVERNOR_QUALITY_AWARD)
    reported = governor & Q(session__number=GOVERNOR_SESSION_REPORTED)
    counts = award_records_as_of(as_of=as_of, division_ids=division_ids).aggregate(
        china_total=Count("pk", filter=Q(session__program__code=CHINA_QUALITY_AWARD)),
        governor_total=Count("pk", filter=governor),
        governor_individual_winners=Count(
            "pk", filter=reported & Q(tier=Tier.WINNER, person__isnull=False)),
        governor_enterprise_nominations=Count(
            "pk", filter=reported & Q(tier=Tier.NOMINATION, enterprise__isnull=False)),
    )
    session = f"session_{GOVERNOR_SESSION_REPORTED}"
    return {
        "china_quality_award.total": counts["china_total"],
        "governor_quality_award.total": counts["governor_total"],
        f"governor_quality_award.{session}.individual_winners":
            counts["governor_individual_winners"],
        f"governor_quality_award.{session}.enterprise_nominations":
            counts["governor_enterprise_nominations"],
    }


def award_program_list() -> QuerySet:
    from awards.models import AwardProgram

    return AwardProgram.objects.all()


def award_session_list() -> QuerySet:
    from awards.models import AwardSession

    return AwardSession.objects.select_related("program")

"""Writes to subsidies: the engine that proposes grants, and the steps staff take on them.

The database decides who got there first. The engine inserts inside a savepoint and reads the
unique constraint's refusal as "already proposed"; each step on a grant is a conditional UPDATE
on the status it expects, so two clerks clicking at once cannot approve, reject or pay twice.
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardRecord
from core.exceptions import ApplicationError
from core.services import model_save
from patents.models import PatentAward
from registry.models import Designation, RecordStatus
from registry.selectors import division_subtree_ids
from subsidies.models import (
    EligibleAwardees,
    GrantStatus,
    SubsidyGrant,
    SubsidyPolicy,
    SubsidyRule,
    Trigger,
)

logger = logging.getLogger(__name__)

# The kinds of record a rule can be triggered by.
TRIGGER_MODELS = {AwardRecord: Trigger.AWARD, Designation: Trigger.DESIGNATION,
                  PatentAward: Trigger.PATENT_AWARD}


def record_date(record) -> date:
    """The date that decides which rules are in force: when the award was announced, the
    list published, the patent award decided (reads the session when not already loaded)."""
    if isinstance(record, AwardRecord):
        return record.session.announced_on
    if isinstance(record, Designation):
        return record.designated_on
    return record.session.decided_on


def _rule_applies(rule: SubsidyRule, record, day: date) -> bool:
    """Whether `rule` pays for `record`: its policy is in force on the record's date, the
    record is of the program and tier, list or level it names, the awardee is of the kind it
    pays. Plain comparisons on loaded rows: the rules are few and read once per run."""
    if not rule.policy.in_force_on(day):
        return False
    eligible = (EligibleAwardees.ENTERPRISES if record.enterprise_id
                else EligibleAwardees.PERSONS)
    if rule.eligible_awardees not in (eligible, EligibleAwardees.BOTH):
        return False
    if isinstance(record, AwardRecord):
        return (rule.trigger == Trigger.AWARD and rule.award_tier == record.tier
                and rule.award_program_id == record.session.program_id)
    if isinstance(record, Designation):
        return (rule.trigger == Trigger.DESIGNATION
                and rule.designation_list_id == record.designation_list_id
                and rule.designation_entry_kind in ("", record.entry_kind))
    return rule.trigger == Trigger.PATENT_AWARD and rule.patent_award_level == record.level


class _RuleBook:
    """The rules with their policies, and each paying division's subtree, read once."""

    def __init__(self):
        self.rules = list(SubsidyRule.objects.select_related("policy", "policy__division")
                          .order_by("pk"))
        self._subtrees: dict[int, set[int]] = {}

    def pays_in(self, rule: SubsidyRule, division_id: int) -> bool:
        policy = rule.policy
        if policy.division_id not in self._subtrees:
            self._subtrees[policy.division_id] = set(division_subtree_ids(policy.division))
        return division_id in self._subtrees[policy.division_id]


def _has_earlier_record(record, rule: SubsidyRule, day: date) -> bool:
    """Whether the awardee received the same award (program and tier, list, or level) before
    this record. Revoked records were never validly received and do not count. Two records
    of one date are ordered by id, so exactly one of them is "the first"."""
    before = Q(**{_DATE_LOOKUP[type(record)] + "__lt": day}) | Q(
        **{_DATE_LOOKUP[type(record)]: day, "pk__lt": record.pk})
    model = type(record)
    if record.enterprise_id:
        same_awardee = Q(enterprise_id=record.enterprise_id)
    else:
        same_awardee = Q(person_id=record.person_id)
    if isinstance(record, AwardRecord):
        same_award = Q(session__program_id=rule.award_program_id, tier=rule.award_tier)
    elif isinstance(record, Designation):
        same_award = Q(designation_list_id=rule.designation_list_id)
    else:
        same_award = Q(level=rule.patent_award_level)
    return (model.objects.filter(same_awardee & same_award & before)
            .exclude(status=RecordStatus.REVOKED).exclude(pk=record.pk).exists())


_DATE_LOOKUP = {AwardRecord: "session__announced_on", Designation: "designated_on",
                PatentAward: "session__decided_on"}


@dataclass
class Proposal:
    """What one engine run did: the grants it created and how many already existed."""

    proposed: list[SubsidyGrant] = field(default_factory=list)
    already: int = 0


def grant_propose_for_record(*, record, rule_book: _RuleBook | None = None,
                             existing: set[int] | None = None) -> Proposal:
    """Propose every grant the rules call for on `record` (an award record, a designation or
    a China Patent Award) that does not exist yet. Safe to run any number of times, at the
    same moment in several processes: the unique constraint on (rule, record) decides.

    A grant in any status counts as existing: a withdrawn or rejected one is not proposed
    again (a record reinstated after revocation is for staff to look at, not the engine).
    `rule_book` and `existing` (the ids of the rules that already have a grant for the record)
    let a reconciliation read them once for all records instead of once per record."""
    result = Proposal()
    if type(record) not in TRIGGER_MODELS or record.status == RecordStatus.REVOKED:
        return result
    rule_book = rule_book or _RuleBook()
    day = record_date(record)
    content_type = ContentType.objects.get_for_model(record)
    if existing is None:
        existing = set(SubsidyGrant.objects.filter(content_type=content_type,
                                                   object_id=record.pk)
                       .order_by().values_list("rule_id", flat=True))
    awardee = record.enterprise if record.enterprise_id else record.person
    for rule in rule_book.rules:
        if not _rule_applies(rule, record, day):
            continue
        if rule.pk in existing:
            result.already += 1
            continue
        if not rule_book.pays_in(rule, awardee.division_id):
            continue  # a city pays its own enterprises and people only
        if rule.first_time_only and _has_earlier_record(record, rule, day):
            continue
        grant = SubsidyGrant(
            rule=rule, enterprise_id=record.enterprise_id,
            person_id=getattr(record, "person_id", None), content_type=content_type,
            object_id=record.pk, record_label=str(record)[:255], record_date=day,
            amount=rule.amount, fiscal_year=day.year,
            source=_("Proposed from the record under %(policy)s") % {"policy": rule.policy})
        # The unique constraint is checked by the INSERT itself: another run may commit the
        # same grant between our look-up and our insert, and that is "already done".
        grant.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                grant.save()
        except IntegrityError:
            if not SubsidyGrant.objects.filter(rule=rule, content_type=content_type,
                                               object_id=record.pk).exists():
                raise
            result.already += 1
        else:
            result.proposed.append(grant)
            logger.info("Proposed subsidy grant %s (%s) for %s", grant.pk, rule, record)
    return result


def qualifying_records():
    """Every record that may trigger a rule, model by model (for reconciliation)."""
    yield from AwardRecord.objects.exclude(status=RecordStatus.REVOKED).select_related(
        "session", "session__program", "enterprise", "person").order_by("pk").iterator(
        chunk_size=500)
    yield from Designation.objects.exclude(status=RecordStatus.REVOKED).select_related(
        "designation_list", "enterprise").order_by("pk").iterator(chunk_size=500)
    yield from PatentAward.objects.exclude(status=RecordStatus.REVOKED).select_related(
        "session", "patent", "enterprise", "person").order_by("pk").iterator(chunk_size=500)


def grants_reconcile() -> dict[str, int]:
    """Run the engine over every qualifying record, so that nothing is missed when a task was
    lost (the broker down, a worker killed). Returns the counts for the report."""
    report = {"records": 0, "proposed": 0, "already": 0, "amount_proposed": 0}
    rule_book = _RuleBook()
    granted: dict[tuple[int, int], set[int]] = {}
    for content_type_id, object_id, rule_id in SubsidyGrant.objects.order_by().values_list(
            "content_type_id", "object_id", "rule_id"):
        granted.setdefault((content_type_id, object_id), set()).add(rule_id)
    for record in qualifying_records():
        content_type = ContentType.objects.get_for_model(record)
        outcome = grant_propose_for_record(
            record=record, rule_book=rule_book,
            existing=granted.get((content_type.pk, record.pk), set()))
        report["records"] += 1
        report["proposed"] += len(outcome.proposed)
        report["already"] += outcome.already
        report["amount_proposed"] += sum(grant.amount for grant in outcome.proposed)
    report["amount_proposed"] = str(report["amount_proposed"])
    return report


# --- Policies and rules -----------------------------------------------------------------------

def policy_save(*, instance: SubsidyPolicy) -> SubsidyPolicy:
    return model_save(instance)


def rule_save(*, instance: SubsidyRule) -> SubsidyRule:
    return model_save(instance)


# --- Steps on a grant -------------------------------------------------------------------------

def _transition(grant: SubsidyGrant, *, expected: tuple[str, ...], to: str, user,
                reason: str = "", **fields) -> SubsidyGrant:
    """Move a grant from one of the `expected` statuses to `to` with one conditional UPDATE.
    When another clerk moved it first the UPDATE matches no row and the caller is told what
    happened instead."""
    with transaction.atomic():
        updated = SubsidyGrant.objects.filter(pk=grant.pk, status__in=expected).update(
            status=to, updated_at=timezone.now(), **fields)
        if updated != 1:
            current = SubsidyGrant.objects.filter(pk=grant.pk).values_list(
                "status", flat=True).first()
            if current is None:
                raise ApplicationError(_("This grant no longer exists."))
            raise ApplicationError(
                _("Grant %(grant)s is %(status)s now: someone else acted on it first. "
                  "Nothing was changed.")
                % {"grant": grant.pk, "status": GrantStatus(current).label},
                extra={"grant": grant.pk, "status": current})
        grant.refresh_from_db()
        # A queryset UPDATE bypasses the history signals: record the step explicitly.
        SubsidyGrant.history.bulk_history_create(
            [grant], update=True, default_user=user if user and user.pk else None,
            default_change_reason=reason[:100])
    return grant


def grant_approve(*, grant: SubsidyGrant, user) -> SubsidyGrant:
    return _transition(grant, expected=(GrantStatus.PROPOSED,), to=GrantStatus.APPROVED,
                       user=user, reason="approved", approved_by=user,
                       approved_at=timezone.now())


def grant_reject(*, grant: SubsidyGrant, user, reason: str) -> SubsidyGrant:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"rejection_reason": _("Give the reason for the rejection.")})
    return _transition(grant, expected=(GrantStatus.PROPOSED,), to=GrantStatus.REJECTED,
                       user=user, reason="rejected", rejected_by=user,
                       rejected_at=timezone.now(), rejection_reason=reason[:255])


def grant_pay(*, grant: SubsidyGrant, user, payment_reference: str, paid_on: date
              ) -> SubsidyGrant:
    payment_reference = (payment_reference or "").strip()
    errors = {}
    if not payment_reference:
        errors["payment_reference"] = _("Give the payment reference.")
    if not paid_on:
        errors["paid_on"] = _("Give the date of the payment.")
    elif paid_on > timezone.localdate():
        errors["paid_on"] = _("The date %(date)s is in the future.") % {"date": paid_on}
    if errors:
        raise ValidationError(errors)
    return _transition(grant, expected=(GrantStatus.APPROVED,), to=GrantStatus.PAID, user=user,
                       reason="paid", paid_by=user, paid_at=timezone.now(), paid_on=paid_on,
                       payment_reference=payment_reference[:100])


def grant_withdraw(*, grant: SubsidyGrant, reason: str, user=None) -> SubsidyGrant:
    """Withdraw a grant not paid yet (its record was revoked or deleted, or it was proposed
    in error)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"withdrawal_reason": _("Give the reason for the withdrawal.")})
    return _transition(grant, expected=(GrantStatus.PROPOSED, GrantStatus.APPROVED),
                       to=GrantStatus.WITHDRAWN, user=user, reason="withdrawn",
                       withdrawn_by=user, withdrawn_at=timezone.now(),
                       withdrawal_reason=reason[:255])


def grants_release_record(*, record, reason: str) -> list[SubsidyGrant]:
    """Called before a record is revoked or deleted: refuse when one of its grants is paid,
    otherwise withdraw the grants not paid yet. Locks the grants, so a payment recorded at the
    same moment waits for this transaction and then finds the grant withdrawn."""
    content_type = ContentType.objects.get_for_model(record)
    grants = list(SubsidyGrant.objects.select_for_update().filter(
        content_type=content_type, object_id=record.pk).select_related("rule"))
    paid = [grant for grant in grants if grant.status == GrantStatus.PAID]
    if paid:
        raise ApplicationError(
            _("%(record)s has a paid subsidy (%(rules)s, payment %(refs)s); it cannot be "
              "revoked or deleted. Recover the payment first.")
            % {"record": record, "rules": ", ".join(str(g.rule) for g in paid),
               "refs": ", ".join(g.payment_reference for g in paid)},
            extra={"grants": [g.pk for g in paid]})
    return [grant_withdraw(grant=grant, reason=reason)
            for grant in grants if grant.status in (GrantStatus.PROPOSED, GrantStatus.APPROVED)]

"""Subsidy policies, their rules, and the grants the engine proposes from the records.

A policy document (with its validity dates) holds rules; a rule says which record triggers it
(an award program and tier, a designation list, or a China Patent Award level) and how much it
pays. A grant is one rule applied to one triggering record; the database refuses a second one.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models import AwardProgram, Tier
from core.models import BaseModel
from patents.models import PatentAwardLevel
from registry.models import (
    AwardeeMixin,
    DesignationList,
    Division,
    Enterprise,
    EntryKind,
    Person,
    one_awardee,
)


class Trigger(models.TextChoices):
    AWARD = "award", _("award record")
    DESIGNATION = "designation", _("designation")
    PATENT_AWARD = "patent_award", _("China Patent Award")


class EligibleAwardees(models.TextChoices):
    ENTERPRISES = "enterprises", _("enterprises")
    PERSONS = "persons", _("persons")
    BOTH = "both", _("enterprises and persons")


class GrantStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    PAID = "paid", _("paid")
    WITHDRAWN = "withdrawn", _("withdrawn")


class SubsidyPolicy(BaseModel):
    """A policy document that pays subsidies, in force from one date to another (or open)."""

    title = models.CharField(_("title"), max_length=255)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    issuer = models.CharField(_("issuer"), max_length=100, blank=True)
    division = models.ForeignKey(Division, verbose_name=_("paying division"),
                                 on_delete=models.PROTECT, related_name="subsidy_policies",
                                 help_text=_("The city (or district) that pays: only awardees "
                                             "of this division and those under it qualify."))
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective to"), null=True, blank=True,
                                    help_text=_("Leave empty while the policy is in force."))
    is_demo = models.BooleanField(_("demo data"), default=False)
    source = models.CharField(_("source"), max_length=255, blank=True,
                              help_text=_("Where the policy was published: URL or gazette."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from", "title"]
        verbose_name = _("subsidy policy")
        verbose_name_plural = _("subsidy policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F(
                    "effective_from")),
                name="subsidies_subsidypolicy_valid_period",
                violation_error_message=_("A policy cannot end before it starts."),
            ),
        ]

    def __str__(self):
        if self.document_number:
            return f"{self.title} ({self.document_number})"
        return self.title

    def in_force_on(self, day) -> bool:
        return self.effective_from <= day and (self.effective_to is None
                                               or day <= self.effective_to)


class SubsidyRule(BaseModel):
    """What one record earns under a policy."""

    policy = models.ForeignKey(SubsidyPolicy, verbose_name=_("policy"), on_delete=models.PROTECT,
                               related_name="rules")
    title = models.CharField(_("title"), max_length=200,
                             help_text=_("How the rule reads in the policy, e.g. \"first China "
                                         "Quality Award\"."))
    trigger = models.CharField(_("triggered by"), max_length=16, choices=Trigger.choices)
    award_program = models.ForeignKey(AwardProgram, verbose_name=_("award program"), null=True,
                                      blank=True, on_delete=models.PROTECT,
                                      related_name="subsidy_rules")
    award_tier = models.CharField(_("award tier"), max_length=16, choices=Tier.choices,
                                  blank=True)
    designation_list = models.ForeignKey(DesignationList, verbose_name=_("designation list"),
                                         null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="subsidy_rules")
    designation_entry_kind = models.CharField(
        _("new or continuing entries"), max_length=12, choices=EntryKind.choices, blank=True,
        help_text=_("Leave empty to pay for every entry of the list."))
    patent_award_level = models.CharField(_("China Patent Award level"), max_length=20,
                                          choices=PatentAwardLevel.choices, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=16, decimal_places=2)
    first_time_only = models.BooleanField(
        _("first time only"), default=False,
        help_text=_("Pay only when the awardee never received this award or listing before."))
    eligible_awardees = models.CharField(_("eligible awardees"), max_length=12,
                                         choices=EligibleAwardees.choices,
                                         default=EligibleAwardees.BOTH)
    source = models.CharField(_("source"), max_length=255, blank=True,
                              help_text=_("Article or paragraph of the policy document."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["policy", "trigger", "title", "id"]
        verbose_name = _("subsidy rule")
        verbose_name_plural = _("subsidy rules")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0),
                                   name="subsidies_subsidyrule_amount_not_negative"),
            models.CheckConstraint(
                condition=(
                    Q(trigger="award", award_program__isnull=False, award_tier__gt="",
                      designation_list__isnull=True, patent_award_level="")
                    | Q(trigger="designation", designation_list__isnull=False,
                        award_program__isnull=True, award_tier="", patent_award_level="")
                    | Q(trigger="patent_award", patent_award_level__gt="",
                        award_program__isnull=True, award_tier="",
                        designation_list__isnull=True)
                ),
                name="subsidies_subsidyrule_trigger_fields",
                violation_error_message=_("Give exactly what the trigger needs: a program and "
                                          "tier, a designation list, or a patent award level."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.trigger == Trigger.AWARD:
            if not self.award_program_id:
                errors["award_program"] = _("An award rule needs the award program.")
            if not self.award_tier:
                errors["award_tier"] = _("An award rule needs the tier.")
            elif self.award_program_id and self.award_program.tiers and \
                    self.award_tier not in self.award_program.tiers:
                errors["award_tier"] = _("%(program)s does not give this tier.") % {
                    "program": self.award_program}
        if self.trigger == Trigger.DESIGNATION and not self.designation_list_id:
            errors["designation_list"] = _("A designation rule needs the list.")
        if self.trigger == Trigger.PATENT_AWARD and not self.patent_award_level:
            errors["patent_award_level"] = _("A patent award rule needs the level.")
        if self.trigger == Trigger.DESIGNATION and \
                self.eligible_awardees == EligibleAwardees.PERSONS:
            errors["eligible_awardees"] = _("Designations go to enterprises only.")
        if errors:
            raise ValidationError(errors)
        # Clear the fields another trigger would use, so the check constraint holds.
        if self.trigger != Trigger.AWARD:
            self.award_program, self.award_tier = None, ""
        if self.trigger != Trigger.DESIGNATION:
            self.designation_list, self.designation_entry_kind = None, ""
        if self.trigger != Trigger.PATENT_AWARD:
            self.patent_award_level = ""

    @property
    def trigger_label(self) -> str:
        """The program and tier, list or level this rule pays for (reads the related row)."""
        if self.trigger == Trigger.AWARD:
            return f"{self.award_program} {self.get_award_tier_display()}"
        if self.trigger == Trigger.DESIGNATION:
            return str(self.designation_list)
        return str(self.get_patent_award_level_display())


class SubsidyGrant(AwardeeMixin, BaseModel):
    """One rule applied to one triggering record, and the money trail that follows."""

    rule = models.ForeignKey(SubsidyRule, verbose_name=_("rule"), on_delete=models.PROTECT,
                             related_name="grants")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), null=True,
                                   blank=True, on_delete=models.PROTECT,
                                   related_name="subsidy_grants")
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="subsidy_grants")
    # The triggering record is an award record, a designation or a China Patent Award: a
    # generic relation. It cannot PROTECT, so subsidies.events guards deletion and revocation.
    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of record"),
                                     on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    record_label = models.CharField(_("triggering record"), max_length=255,
                                    help_text=_("The record as it read when the grant was "
                                                "proposed."))
    record_date = models.DateField(_("date of the record"))
    amount = models.DecimalField(_("amount (yuan)"), max_digits=16, decimal_places=2)
    # The budget year the grant is charged to: the year of the triggering record.
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=GrantStatus.choices,
                              default=GrantStatus.PROPOSED, db_index=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"),
                                    null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    rejected_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("rejected by"),
                                    null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)
    rejection_reason = models.CharField(_("reason for rejection"), max_length=255, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("payment recorded by"),
                                null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    paid_at = models.DateTimeField(_("payment recorded at"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("withdrawn by"),
                                     null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year", "-record_date", "id"]
        verbose_name = _("subsidy grant")
        verbose_name_plural = _("subsidy grants")
        permissions = [
            ("approve_subsidygrant", _("Can approve or reject subsidy grants")),
            ("pay_subsidygrant", _("Can mark subsidy grants paid")),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"],
                                name="subsidies_grant_record_idx")]
        constraints = [
            # Never twice: one rule pays one record once, whatever runs twice.
            models.UniqueConstraint(fields=["rule", "content_type", "object_id"],
                                    name="subsidies_subsidygrant_unique_rule_record",
                                    violation_error_message=_(
                                        "This rule already has a grant for this record.")),
            one_awardee("subsidies_subsidygrant_one_awardee",
                        _("A grant goes to an enterprise or to a person.")),
            models.CheckConstraint(condition=Q(amount__gte=0),
                                   name="subsidies_subsidygrant_amount_not_negative"),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="subsidies_subsidygrant_rejected_has_reason",
                violation_error_message=_("A rejection needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | (~Q(payment_reference="")
                                               & Q(paid_on__isnull=False)),
                name="subsidies_subsidygrant_paid_has_reference",
                violation_error_message=_("A payment needs its reference and date."),
            ),
        ]

    def __str__(self):
        return f"{self.rule}: {self.awardee} ({self.amount})"


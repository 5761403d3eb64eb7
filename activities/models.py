"""The bureau's own work the press release counts: "quality loan" credit granted to
quality-brand enterprises, on-site help and "one enterprise, one policy" manuals, characteristic
products and their exhibitions, and IP protection cases."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import BaseModel
from registry.models import Division, Enterprise, validate_not_future


class CreditLine(BaseModel):
    """Bank credit (授信) granted to a quality-brand enterprise under a product such as 质量贷."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"),
                                   on_delete=models.PROTECT, related_name="credit_lines")
    bank = models.CharField(_("bank"), max_length=200)
    product = models.CharField(_("credit product"), max_length=100, default="质量贷",
                               help_text=_("e.g. 质量贷 (\"quality loan\")"))
    amount = models.DecimalField(_("amount (yuan)"), max_digits=16, decimal_places=2)
    granted_on = models.DateField(_("date the credit was granted"), validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-granted_on", "id"]
        verbose_name = _("credit line")
        verbose_name_plural = _("credit lines")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0),
                                   name="activities_creditline_amount_positive",
                                   violation_error_message=_("A credit line has a positive "
                                                             "amount.")),
            models.UniqueConstraint(fields=["enterprise", "bank", "product", "granted_on"],
                                    name="activities_creditline_unique_grant",
                                    violation_error_message=_(
                                        "This bank already granted this product to this "
                                        "enterprise on that day.")),
        ]

    def __str__(self):
        return f"{self.enterprise} {self.bank} {self.product} {self.granted_on}"

    def clean(self):
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": _("A credit line has a positive amount.")})


class SupportKind(models.TextChoices):
    ON_SITE_HELP = "on_site_help", _("on-site help")
    POLICY_MANUAL = "policy_manual", _("\"one enterprise, one policy\" manual")


class SupportVisit(BaseModel):
    """Help given to one enterprise: a visit on site (现场帮扶) or a cultivation manual written
    for it by experts (一企一策培育手册)."""

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"),
                                   on_delete=models.PROTECT, related_name="support_visits")
    kind = models.CharField(_("kind"), max_length=16, choices=SupportKind.choices)
    visited_on = models.DateField(_("date"), validators=[validate_not_future])
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-visited_on", "id"]
        verbose_name = _("support visit")
        verbose_name_plural = _("support visits")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=SupportKind.values),
                                   name="activities_supportvisit_kind_valid"),
            models.UniqueConstraint(fields=["enterprise", "kind", "visited_on"],
                                    name="activities_supportvisit_unique_day",
                                    violation_error_message=_(
                                        "This enterprise already has this kind of support on "
                                        "that day.")),
        ]

    def __str__(self):
        return f"{self.enterprise} {self.get_kind_display()} {self.visited_on}"


class ProductKind(models.TextChoices):
    GI = "gi", _("geographic indication")
    HANDICRAFT = "handicraft", _("handicraft (手造)")
    INTANGIBLE_HERITAGE = "intangible_heritage", _("intangible cultural heritage (非遗)")
    CULTURAL_CREATIVE = "cultural_creative", _("cultural-creative (文创)")
    FARM_PRODUCT = "farm_product", _("farm product")
    TIME_HONOURED = "time_honoured", _("time-honoured brand (老字号)")


class CharacteristicProduct(BaseModel):
    """A characteristic product (特色产品) the bureau found and helped improve, of a division and
    optionally of one enterprise."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ProductKind.choices)
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), null=True,
                                   blank=True, on_delete=models.PROTECT,
                                   related_name="characteristic_products")
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="characteristic_products")
    recognised_on = models.DateField(_("recognised on"), validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recognised_on", "name"]
        verbose_name = _("characteristic product")
        verbose_name_plural = _("characteristic products")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ProductKind.values),
                                   name="activities_characteristicproduct_kind_valid"),
            models.UniqueConstraint(fields=["name", "kind"],
                                    name="activities_characteristicproduct_unique_name_kind",
                                    violation_error_message=_(
                                        "A product of this name and kind is already "
                                        "recorded.")),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # A product of an enterprise belongs where the enterprise is registered.
        if (self.enterprise_id and self.division_id
                and self.enterprise.division_id != self.division_id):
            raise ValidationError({"division": _("An enterprise's product belongs to the "
                                                 "enterprise's division.")})


class Exhibition(BaseModel):
    """A characteristic-product exhibition (特色产品展) held in a division."""

    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"), validators=[validate_not_future])
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="exhibitions")
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "title"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        constraints = [
            models.UniqueConstraint(fields=["title", "held_on"],
                                    name="activities_exhibition_unique_title_day",
                                    violation_error_message=_(
                                        "An exhibition of this title is already recorded on "
                                        "that day.")),
        ]

    def __str__(self):
        return f"{self.title} ({self.held_on})"


class CaseKind(models.TextChoices):
    ADJUDICATION = "adjudication", _("patent dispute administrative adjudication")
    ENFORCEMENT = "enforcement", _("patent or trademark enforcement case")
    UNLICENSED_AGENCY = "unlicensed_agency", _("unlicensed patent agency")


class CaseSubject(models.TextChoices):
    PATENT = "patent", _("patent")
    TRADEMARK = "trademark", _("trademark")


class EnforcementCase(BaseModel):
    """An IP protection case handled by the bureau: an administrative adjudication of a patent
    dispute (行政裁决), an enforcement case (查处案件) or an unlicensed patent-agency act
    (无资质专利代理行为). The parties are not recorded here: only what the figures count."""

    case_number = models.CharField(_("case number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    subject = models.CharField(_("subject"), max_length=12, choices=CaseSubject.choices)
    opened_on = models.DateField(_("opened on"), validators=[validate_not_future])
    closed_on = models.DateField(_("closed on"), null=True, blank=True,
                                 validators=[validate_not_future])
    ruling_issued_on = models.DateField(_("ruling issued on"), null=True, blank=True,
                                        validators=[validate_not_future],
                                        help_text=_("adjudications only: the date the "
                                                    "written ruling (裁决书) was issued"))
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="enforcement_cases")
    outcome = models.TextField(_("outcome"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "case_number"]
        verbose_name = _("IP protection case")
        verbose_name_plural = _("IP protection cases")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=CaseKind.values),
                                   name="activities_enforcementcase_kind_valid"),
            models.CheckConstraint(condition=Q(subject__in=CaseSubject.values),
                                   name="activities_enforcementcase_subject_valid"),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="activities_enforcementcase_closed_after_opened",
                violation_error_message=_("A case is closed on or after it is opened.")),
            models.CheckConstraint(
                condition=Q(ruling_issued_on__isnull=True)
                | (Q(kind=CaseKind.ADJUDICATION) & Q(ruling_issued_on__gte=F("opened_on"))),
                name="activities_enforcementcase_ruling_of_adjudication",
                violation_error_message=_("Only an adjudication has a ruling, issued on or "
                                          "after the case is opened.")),
        ]

    def __str__(self):
        return self.case_number

    def clean(self):
        errors = {}
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            errors["closed_on"] = _("A case is closed on or after it is opened.")
        if self.ruling_issued_on:
            if self.kind != CaseKind.ADJUDICATION:
                errors["ruling_issued_on"] = _("Only an adjudication has a ruling.")
            elif self.opened_on and self.ruling_issued_on < self.opened_on:
                errors["ruling_issued_on"] = _("A ruling is issued on or after the case is "
                                               "opened.")
        if errors:
            raise ValidationError(errors)

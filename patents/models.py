from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import BaseModel
from core.validators import normalize_patent_number, patent_number_type, validate_patent_number
from registry.models import (
    AwardeeMixin,
    Enterprise,
    Person,
    RevocableRecord,
    one_awardee,
    revoked_has_date,
    validate_not_future,
)


class PatentType(models.TextChoices):
    INVENTION = "invention", _("invention")
    UTILITY_MODEL = "utility_model", _("utility model")
    DESIGN = "design", _("design")


class PatentStatus(models.TextChoices):
    VALID = "valid", _("valid")
    LAPSED = "lapsed", _("lapsed")
    EXPIRED = "expired", _("expired")
    INVALIDATED = "invalidated", _("invalidated")


class Patent(BaseModel):
    number = models.CharField(_("patent number"), max_length=20, unique=True,
                              validators=[validate_patent_number],
                              help_text=_("ZL + application number + check digit, e.g. "
                                          "ZL201610956306.3"))
    type = models.CharField(_("type"), max_length=16, choices=PatentType.choices)
    title = models.CharField(_("title"), max_length=255)
    holder_enterprises = models.ManyToManyField(Enterprise, verbose_name=_("holders (enterprises)"),
                                                blank=True, related_name="patents")
    holder_persons = models.ManyToManyField(Person, verbose_name=_("holders (persons)"),
                                            blank=True, related_name="patents")
    filed_on = models.DateField(_("filed on"), validators=[validate_not_future])
    granted_on = models.DateField(_("granted on"), null=True, blank=True,
                                  validators=[validate_not_future])
    publication_number = models.CharField(_("grant publication number"), max_length=16,
                                          blank=True, help_text=_("CN + 9 digits + kind code "
                                                                  "(A, B, U or S)"))
    status = models.CharField(_("status"), max_length=12, choices=PatentStatus.choices,
                              default=PatentStatus.VALID)
    status_changed_on = models.DateField(_("lapsed, expired or invalidated on"), null=True,
                                         blank=True, validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords(m2m_fields=[holder_enterprises])

    class Meta:
        ordering = ["number"]
        verbose_name = _("patent")
        verbose_name_plural = _("patents")
        indexes = [
            models.Index(fields=["type", "status", "granted_on"], name="patents_valid_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="valid", status_changed_on__isnull=True)
                | (~Q(status="valid") & Q(status_changed_on__isnull=False)),
                name="patents_patent_status_has_date",
                violation_error_message=_("A lapsed, expired or invalidated patent needs the date "
                                          "of that change; a valid one has none."),
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def clean(self):
        self.number = normalize_patent_number(self.number)
        self.publication_number = (self.publication_number or "").replace(" ", "").upper()
        errors = {}
        number_type = patent_number_type(self.number)
        if number_type and self.type and number_type != self.type:
            errors["type"] = _("The number's type digit says %(number_type)s, not %(type)s.") % {
                "number_type": PatentType(number_type).label, "type": PatentType(self.type).label}
        if self.publication_number and not _valid_publication_number(self.publication_number):
            errors["publication_number"] = _("A grant publication number is CN, 9 digits and a "
                                             "kind code A, B, U or S (e.g. CN106400123B).")
        if self.granted_on and self.filed_on and self.granted_on < self.filed_on:
            errors["granted_on"] = _("A patent is granted after it is filed.")
        if self.status == PatentStatus.VALID and self.status_changed_on:
            errors["status_changed_on"] = _("A valid patent has no date of lapse.")
        if self.status != PatentStatus.VALID and not self.status_changed_on:
            errors["status_changed_on"] = _("Give the date the patent stopped being valid.")
        if self.status != PatentStatus.VALID and not self.granted_on:
            errors["granted_on"] = _("Only a granted patent can lapse, expire or be invalidated.")
        if errors:
            raise ValidationError(errors)


def _valid_publication_number(value: str) -> bool:
    return len(value) == 12 and value[:2] == "CN" and value[2:11].isdigit() and value[11] in "ABUS"


class PatentAwardLevel(models.TextChoices):
    GOLD = "gold", _("gold award")
    SILVER = "silver", _("silver award")
    EXCELLENCE = "excellence", _("excellence award")
    DESIGN_GOLD = "design_gold", _("design gold award")
    DESIGN_SILVER = "design_silver", _("design silver award")
    DESIGN_EXCELLENCE = "design_excellence", _("design excellence award")


DESIGN_LEVELS = {PatentAwardLevel.DESIGN_GOLD, PatentAwardLevel.DESIGN_SILVER,
                 PatentAwardLevel.DESIGN_EXCELLENCE}


class PatentAwardSession(BaseModel):
    """A session of the China Patent Award. Its number and its decision date are separate
    facts: the 24th was decided on 2023-07-21."""

    number = models.PositiveSmallIntegerField(_("session number"), unique=True)
    decided_on = models.DateField(_("decided on"), validators=[validate_not_future])
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("China Patent Award session")
        verbose_name_plural = _("China Patent Award sessions")

    def __str__(self):
        return _("China Patent Award, session %(number)s") % {"number": self.number}


class PatentAward(AwardeeMixin, RevocableRecord, BaseModel):
    """A China Patent Award for one patent, received by one awardee (enterprise or person)."""

    session = models.ForeignKey(PatentAwardSession, verbose_name=_("session"),
                                on_delete=models.PROTECT, related_name="awards")
    level = models.CharField(_("level"), max_length=20, choices=PatentAwardLevel.choices)
    patent = models.ForeignKey(Patent, verbose_name=_("patent"), on_delete=models.PROTECT,
                               related_name="awards")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), null=True,
                                   blank=True, on_delete=models.PROTECT,
                                   related_name="patent_awards")
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="patent_awards")
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-session__number", "level", "id"]
        verbose_name = _("China Patent Award")
        verbose_name_plural = _("China Patent Awards")
        constraints = [
            one_awardee("patents_patentaward_one_awardee"),
            models.UniqueConstraint(fields=["session", "patent"],
                                    name="patents_patentaward_unique_patent",
                                    violation_error_message=_("This patent already has an award "
                                                              "in this session.")),
            revoked_has_date("patents_patentaward_revoked_has_date"),
        ]

    def __str__(self):
        return f"{self.session} {self.get_level_display()}: {self.patent.number}"

    def clean(self):
        self.clean_awardee()
        if self.patent_id and self.level:
            is_design = self.patent.type == PatentType.DESIGN
            if is_design != (self.level in DESIGN_LEVELS):
                raise ValidationError({"level": _("Design awards go to design patents, the "
                                                  "others to inventions and utility models.")})
        self.clean_revocation()


class PatentPledge(BaseModel):
    registration_number = models.CharField(_("registration number"), max_length=64, unique=True)
    pledgor = models.ForeignKey(Enterprise, verbose_name=_("pledgor"), on_delete=models.PROTECT,
                                related_name="patent_pledges")
    pledgee = models.CharField(_("pledgee (bank)"), max_length=200)
    patents = models.ManyToManyField(Patent, verbose_name=_("patents"), blank=True,
                                     related_name="pledges")
    amount = models.DecimalField(_("amount (yuan)"), max_digits=16, decimal_places=2)
    registered_on = models.DateField(_("registered on"), validators=[validate_not_future])
    released_on = models.DateField(_("released on"), null=True, blank=True,
                                   validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-registered_on", "registration_number"]
        verbose_name = _("patent pledge")
        verbose_name_plural = _("patent pledges")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0),
                                   name="patents_patentpledge_amount_not_negative",
                                   violation_error_message=_("An amount cannot be negative.")),
        ]

    def __str__(self):
        return self.registration_number

    def clean(self):
        if self.released_on and self.registered_on and self.released_on < self.registered_on:
            raise ValidationError({"released_on": _("A pledge is released after it is "
                                                    "registered.")})


class TransferKind(models.TextChoices):
    ASSIGNMENT = "assignment", _("assignment")
    LICENCE = "licence", _("licence")


class PatentTransfer(BaseModel):
    patent = models.ForeignKey(Patent, verbose_name=_("patent"), on_delete=models.PROTECT,
                               related_name="transfers")
    kind = models.CharField(_("kind"), max_length=12, choices=TransferKind.choices)
    from_enterprise = models.ForeignKey(Enterprise, verbose_name=_("from (enterprise)"),
                                        null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="patents_transferred_out")
    from_name = models.CharField(_("from (name)"), max_length=200, blank=True)
    to_enterprise = models.ForeignKey(Enterprise, verbose_name=_("to (enterprise)"), null=True,
                                      blank=True, on_delete=models.PROTECT,
                                      related_name="patents_transferred_in")
    to_name = models.CharField(_("to (name)"), max_length=200, blank=True)
    recorded_on = models.DateField(_("recorded on"), validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_on", "id"]
        verbose_name = _("patent transfer")
        verbose_name_plural = _("patent transfers")

    def __str__(self):
        return f"{self.patent.number} {self.get_kind_display()} {self.recorded_on}"

    def clean(self):
        if not (self.from_enterprise_id or self.from_name):
            raise ValidationError({"from_name": _("Name the party the patent comes from.")})
        if not (self.to_enterprise_id or self.to_name):
            raise ValidationError({"to_name": _("Name the party the patent goes to.")})


class PatentPool(BaseModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    sector = models.CharField(_("industry sector"), max_length=100, blank=True)
    lead_enterprise = models.ForeignKey(Enterprise, verbose_name=_("lead enterprise"), null=True,
                                        blank=True, on_delete=models.PROTECT,
                                        related_name="led_patent_pools")
    members = models.ManyToManyField(Enterprise, verbose_name=_("member enterprises"),
                                     blank=True, related_name="patent_pools")
    core_patent_count = models.PositiveIntegerField(_("core patents"), default=0)
    established_on = models.DateField(_("established on"), validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["established_on", "name"]
        verbose_name = _("patent pool")
        verbose_name_plural = _("patent pools")

    def __str__(self):
        return self.name

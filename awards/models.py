from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import BaseModel
from registry.models import (
    AwardeeMixin,
    BilingualNameMixin,
    Enterprise,
    ListLevel,
    Person,
    RevocableRecord,
    one_awardee,
    revoked_has_date,
    validate_not_future,
)


class Tier(models.TextChoices):
    WINNER = "winner", _("award")
    NOMINATION = "nomination", _("nomination award")
    COMMENDATION = "commendation", _("commendation")


class AwardProgram(BilingualNameMixin, BaseModel):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    level = models.CharField(_("level"), max_length=12, choices=ListLevel.choices)
    issuer = models.CharField(_("issuer"), max_length=100, blank=True)
    tiers = models.JSONField(_("tiers"), default=list,
                             help_text=_("The tiers the program gives, e.g. [\"winner\", "
                                         "\"nomination\"]."))
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("award program")
        verbose_name_plural = _("award programs")

    def __str__(self):
        return self.name_zh

    def clean(self):
        unknown = [tier for tier in self.tiers or [] if tier not in Tier.values]
        if unknown:
            raise ValidationError({"tiers": _("Unknown tier(s): %(tiers)s. Known: %(known)s.")
                                   % {"tiers": ", ".join(map(str, unknown)),
                                      "known": ", ".join(Tier.values)}})


class AwardSession(BaseModel):
    """A numbered session (届) of a program, dated by its announcement."""

    program = models.ForeignKey(AwardProgram, verbose_name=_("program"), on_delete=models.PROTECT,
                                related_name="sessions")
    number = models.PositiveSmallIntegerField(_("session number"))
    year = models.PositiveSmallIntegerField(_("year"))
    announced_on = models.DateField(_("announced on"), validators=[validate_not_future])
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    source_url = models.URLField(_("source URL"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["program__code", "number"]
        verbose_name = _("award session")
        verbose_name_plural = _("award sessions")
        constraints = [
            models.UniqueConstraint(fields=["program", "number"],
                                    name="awards_awardsession_unique_number"),
        ]

    def __str__(self):
        return _("%(program)s, session %(number)s (%(year)s)") % {
            "program": self.program.name_zh if self.program_id else "?",
            "number": self.number, "year": self.year}

    def clean(self):
        if self.announced_on and self.year and self.announced_on.year != self.year:
            raise ValidationError({"year": _("The session's year %(year)s does not match its "
                                             "announcement date %(date)s.")
                                   % {"year": self.year, "date": self.announced_on}})


class AwardRecord(AwardeeMixin, RevocableRecord, BaseModel):
    """One win or nomination of one awardee, an enterprise or a person (never both)."""

    session = models.ForeignKey(AwardSession, verbose_name=_("session"), on_delete=models.PROTECT,
                                related_name="records")
    tier = models.CharField(_("tier"), max_length=16, choices=Tier.choices)
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), null=True,
                                   blank=True, on_delete=models.PROTECT,
                                   related_name="award_records")
    person = models.ForeignKey(Person, verbose_name=_("person"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="award_records")
    citation = models.TextField(_("citation"), blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True,
                              help_text=_("Announcement number, document or URL."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-session__announced_on", "id"]
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        constraints = [
            one_awardee("awards_awardrecord_one_awardee"),
            models.UniqueConstraint(fields=["session", "tier", "enterprise"],
                                    condition=Q(enterprise__isnull=False),
                                    name="awards_awardrecord_unique_enterprise",
                                    violation_error_message=_(
                                        "This enterprise already has a record of this tier in "
                                        "this session.")),
            models.UniqueConstraint(fields=["session", "tier", "person"],
                                    condition=Q(person__isnull=False),
                                    name="awards_awardrecord_unique_person",
                                    violation_error_message=_(
                                        "This person already has a record of this tier in this "
                                        "session.")),
            revoked_has_date("awards_awardrecord_revoked_has_date"),
        ]

    def __str__(self):
        return f"{self.session} {self.get_tier_display()}: {self.awardee}"

    def clean(self):
        self.clean_awardee()
        if self.session_id and self.tier:
            tiers = self.session.program.tiers or []
            if tiers and self.tier not in tiers:
                raise ValidationError({"tier": _("%(program)s does not give this tier.")
                                       % {"program": self.session.program}})
        self.clean_revocation()

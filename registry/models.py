from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import BaseModel
from core.validators import (
    normalize_id_number,
    normalize_uscc,
    validate_id_number,
    validate_uscc,
)


def validate_not_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(_("The date %(date)s is in the future."), code="future_date",
                              params={"date": value})


class BilingualNameMixin:
    """`name` follows the active language: Chinese by default, English where it exists."""

    @property
    def name(self):
        if (get_language() or "").startswith("en") and self.name_en:
            return self.name_en
        return self.name_zh


class DivisionLevel(models.TextChoices):
    PROVINCE = "province", _("province")
    CITY = "city", _("city")
    COUNTY = "county", _("county-level unit")
    ZONE = "zone", _("functional zone")


class DivisionCodeKind(models.TextChoices):
    GB = "gb", _("GB/T 2260 code")
    STATISTICS = "statistics", _("statistics code")
    LOCAL = "local", _("code assigned by the registry")


class Division(BilingualNameMixin, BaseModel):
    code = models.CharField(_("division code"), max_length=12, unique=True)
    code_kind = models.CharField(_("kind of code"), max_length=12, choices=DivisionCodeKind.choices,
                                 default=DivisionCodeKind.GB)
    name_zh = models.CharField(_("Chinese name"), max_length=64)
    name_en = models.CharField(_("English name"), max_length=64, blank=True)
    level = models.CharField(_("level"), max_length=12, choices=DivisionLevel.choices)
    parent = models.ForeignKey("self", verbose_name=_("parent division"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")

    def __str__(self):
        return f"{self.name_zh} ({self.code})"


class Industry(BilingualNameMixin, BaseModel):
    """GB/T 4754-2017 national economic classification: sections A-T, optionally divisions."""

    code = models.CharField(_("industry code"), max_length=8, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    parent = models.ForeignKey("self", verbose_name=_("parent"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    source = models.CharField(_("source"), max_length=255, blank=True,
                              default="GB/T 4754-2017")
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")

    def __str__(self):
        return f"{self.code} {self.name_zh}"


class Enterprise(BaseModel):
    name = models.CharField(_("enterprise name"), max_length=200, db_index=True)
    uscc = models.CharField(_("unified social credit code"), max_length=18, unique=True,
                            validators=[validate_uscc])
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="enterprises")
    industry = models.ForeignKey(Industry, verbose_name=_("industry"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="enterprises")
    address = models.CharField(_("address"), max_length=255, blank=True)
    founded_on = models.DateField(_("date founded"), null=True, blank=True,
                                  validators=[validate_not_future])
    legal_representative = models.CharField(_("legal representative"), max_length=64, blank=True)
    # Private: contact details never leave through public pages or the anonymous API.
    contact_person = models.CharField(_("contact person"), max_length=64, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    source = models.CharField(_("source"), max_length=255, blank=True,
                              help_text=_("Announcement number, document or URL the record "
                                          "comes from."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["uscc"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")

    def __str__(self):
        return self.name

    def clean(self):
        self.uscc = normalize_uscc(self.uscc)


class Person(BaseModel):
    """An individual awardee. Only the name, employer and division are public."""

    name = models.CharField(_("name"), max_length=64, db_index=True)
    employer = models.ForeignKey(Enterprise, verbose_name=_("employer"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="people")
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="people")
    # Private fields: masked in admin lists, never on public pages or the anonymous API.
    id_number = models.CharField(_("ID card number"), max_length=18, blank=True,
                                 validators=[validate_id_number])
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        constraints = [
            models.UniqueConstraint(fields=["id_number"], condition=~Q(id_number=""),
                                    name="registry_person_unique_id_number"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.id_number = normalize_id_number(self.id_number)


class StaffProfile(BaseModel):
    """Where a member of staff works. A district clerk sees and edits only records of this
    division and the divisions under it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"),
                                on_delete=models.CASCADE, related_name="staff_profile")
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="staff")

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user} @ {self.division}"


# --- Brand designations ----------------------------------------------------------------------

class RecordStatus(models.TextChoices):
    ACTIVE = "active", _("in force")
    REVOKED = "revoked", _("revoked")


class ListLevel(models.TextChoices):
    NATIONAL = "national", _("national")
    PROVINCIAL = "provincial", _("provincial")
    MUNICIPAL = "municipal", _("municipal")


class RevocableRecord(models.Model):
    """A record that is revoked, never deleted: a status with the date and the reason. It stops
    counting from the date of revocation on."""

    status = models.CharField(_("status"), max_length=12, choices=RecordStatus.choices,
                              default=RecordStatus.ACTIVE)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True,
                                  validators=[validate_not_future])
    revoke_reason = models.CharField(_("reason for revocation"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def clean_revocation(self):
        if self.status == RecordStatus.REVOKED and not self.revoked_on:
            raise ValidationError({"revoked_on": _("A revoked record needs the date of "
                                                   "revocation.")})
        if self.status == RecordStatus.ACTIVE and self.revoked_on:
            raise ValidationError({"revoked_on": _("Only a revoked record has a date of "
                                                   "revocation.")})


def revoked_has_date(name: str) -> models.CheckConstraint:
    """The database's copy of clean_revocation(): revoked rows have a date, others none."""
    return models.CheckConstraint(
        condition=Q(status="active", revoked_on__isnull=True)
        | Q(status="revoked", revoked_on__isnull=False),
        name=name,
        violation_error_message=_("A revoked record has a date of revocation; one in force has "
                                  "none."),
    )


AWARDEE_MESSAGE = _("An award goes to an enterprise or to a person: give exactly one.")


class AwardeeMixin:
    """For records that go to an enterprise or to a person, never both and never neither. The
    model declares the nullable foreign keys `enterprise` and `person` and the constraint
    one_awardee(); this adds what derives from them."""

    @property
    def awardee(self):
        return self.enterprise or self.person

    def clean_awardee(self):
        if bool(self.enterprise_id) == bool(self.person_id):
            raise ValidationError({"enterprise": AWARDEE_MESSAGE})


def one_awardee(name: str, message=AWARDEE_MESSAGE) -> models.CheckConstraint:
    """The database's copy of AwardeeMixin.clean_awardee()."""
    return models.CheckConstraint(
        condition=(Q(enterprise__isnull=False, person__isnull=True)
                   | Q(enterprise__isnull=True, person__isnull=False)),
        name=name,
        violation_error_message=message,
    )


class DesignationList(BilingualNameMixin, BaseModel):
    """A list an enterprise can be put on: 好品山东, 高端品牌培育企业, 老字号, 潍有尚品..."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    level = models.CharField(_("level"), max_length=12, choices=ListLevel.choices)
    issuer = models.CharField(_("issuer"), max_length=100, blank=True)
    has_batches = models.BooleanField(_("published in numbered batches"), default=False)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("designation list")
        verbose_name_plural = _("designation lists")

    def __str__(self):
        return self.name_zh


class EntryKind(models.TextChoices):
    NEW = "new", _("new (新增培育)")
    CONTINUING = "continuing", _("continuing (持续培育)")


class Designation(RevocableRecord, BaseModel):
    """One entry of a designation list: a holder, its brand or product, the batch or year."""

    designation_list = models.ForeignKey(DesignationList, verbose_name=_("list"),
                                         on_delete=models.PROTECT, related_name="designations")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"),
                                   on_delete=models.PROTECT, related_name="designations")
    brand = models.CharField(_("brand or product"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    batch = models.PositiveSmallIntegerField(_("batch"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    designated_on = models.DateField(_("date of the batch or list"),
                                     validators=[validate_not_future])
    entry_kind = models.CharField(_("new or continuing"), max_length=12,
                                  choices=EntryKind.choices, default=EntryKind.NEW)
    source = models.CharField(_("source"), max_length=255, blank=True,
                              help_text=_("Announcement number, document or URL."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-designated_on", "id"]
        verbose_name = _("designation")
        verbose_name_plural = _("designations")
        constraints = [
            models.UniqueConstraint(fields=["designation_list", "enterprise", "brand", "year"],
                                    name="registry_designation_unique_entry"),
            revoked_has_date("registry_designation_revoked_has_date"),
        ]

    def __str__(self):
        label = self.brand or self.enterprise.name
        return f"{self.designation_list} {self.year}: {label}"

    def clean(self):
        if self.designated_on and self.year and self.designated_on.year != self.year:
            raise ValidationError({"year": _("The year %(year)s does not match the date of the "
                                             "list (%(date)s).")
                                   % {"year": self.year, "date": self.designated_on}})
        self.clean_revocation()



# --- Geographic indications -------------------------------------------------------------------

class GISystem(models.TextChoices):
    PROTECTED_PRODUCT = "protected_product", _("GI protected product (地理标志保护产品)")
    TRADEMARK = "trademark", _("GI certification or collective trademark")
    AGRICULTURAL = "agricultural", _("agricultural GI (农产品地理标志)")


class GICategory(models.TextChoices):
    VEGETABLE = "vegetable", _("vegetables")
    FRUIT = "fruit", _("fruit")
    GRAIN = "grain", _("grain and oil")
    LIVESTOCK = "livestock", _("livestock and aquatic products")
    TEA = "tea", _("tea and beverages")
    MEDICINAL = "medicinal", _("medicinal materials")
    HANDICRAFT = "handicraft", _("handicrafts")
    FOOD = "food", _("processed food and liquor")
    OTHER = "other", _("other")


class GIProduct(RevocableRecord, BaseModel):
    name = models.CharField(_("product name"), max_length=100)
    system = models.CharField(_("GI system"), max_length=20, choices=GISystem.choices,
                              default=GISystem.PROTECTED_PRODUCT)
    category = models.CharField(_("category"), max_length=20, choices=GICategory.choices)
    divisions = models.ManyToManyField(Division, verbose_name=_("protected area (divisions)"),
                                       related_name="gi_products")
    protected_area = models.TextField(_("protected area (towns)"), blank=True)
    approval_authority = models.CharField(_("approval authority"), max_length=100, blank=True)
    announcement_number = models.CharField(_("announcement number"), max_length=100, blank=True)
    approved_on = models.DateField(_("approved on"), validators=[validate_not_future])
    applicant = models.CharField(_("applicant"), max_length=200, blank=True)
    quality_requirements = models.TextField(_("quality requirements (summary)"), blank=True)
    testing_body = models.CharField(_("testing body"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["approved_on", "name"]
        verbose_name = _("geographic-indication product")
        verbose_name_plural = _("geographic-indication products")
        constraints = [
            models.UniqueConstraint(fields=["name", "system"],
                                    name="registry_giproduct_unique_name_system"),
            revoked_has_date("registry_giproduct_revoked_has_date"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.clean_revocation()


class GIAuthorization(BaseModel):
    """An enterprise approved to use the GI special mark on its product."""

    product = models.ForeignKey(GIProduct, verbose_name=_("GI product"), on_delete=models.CASCADE,
                                related_name="authorizations")
    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"),
                                   on_delete=models.PROTECT, related_name="gi_authorizations")
    approved_on = models.DateField(_("approved on"), validators=[validate_not_future])
    announcement_number = models.CharField(_("announcement number"), max_length=100, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True,
                                  validators=[validate_not_future])
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["product", "approved_on", "id"]
        verbose_name = _("GI mark authorisation")
        verbose_name_plural = _("GI mark authorisations")
        constraints = [
            models.UniqueConstraint(fields=["product", "enterprise"],
                                    name="registry_giauthorization_unique_holder"),
        ]

    def __str__(self):
        return f"{self.product} - {self.enterprise}"


# --- Other cities' published figures, for provincial ranks ----------------------------------

class ProvincialFigure(BaseModel):
    """The published value of a figure key for a city and year, so a rank can be computed.

    For the registry's own city the value is computed from records; these rows hold the other
    cities' values (and may hold the own city's published value, for comparison)."""

    division = models.ForeignKey(Division, verbose_name=_("city"), on_delete=models.PROTECT,
                                 related_name="provincial_figures")
    key = models.CharField(_("figure key"), max_length=100,
                           help_text=_("e.g. good_products_shandong.new"))
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    source = models.CharField(_("source"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["key", "year", "division__code"]
        verbose_name = _("provincial figure")
        verbose_name_plural = _("provincial figures")
        constraints = [
            models.UniqueConstraint(fields=["division", "key", "year"],
                                    name="registry_provincialfigure_unique_city_key_year"),
            models.CheckConstraint(condition=Q(value__gte=0),
                                   name="registry_provincialfigure_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.division.name_zh} {self.year} {self.key} = {self.value}"

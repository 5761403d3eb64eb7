"""Spreadsheet import and export of patents, China Patent Awards and pledges.

What "the same record" means (natural key):
- patents: the patent number (normalised to ZL...). A known number updates the patent (its
  status, grant date and holders change over its life); it is never an error.
- China Patent Awards: (session, patent number), the database's rule: a patent gets one award
  a session. A row already in the registry is an error.
- pledges: the registration number. A known one is updated (a later list adds the release).
A second row with the same natural key in one file is always an error.

Holders and pledged patents are written several to a cell, separated by ；、, or ;. Holders
are named by USCC and must already be in the registry (a patent list gives no division);
the patents of an award or pledge must have been imported first.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export.fields import Field

from core.spreadsheets import (
    INVALID,
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    OrdinalWidget,
    RowInvalid,
    RowPlan,
    TextWidget,
    split_list,
)
from core.validators import (
    normalize_patent_number,
    normalize_uscc,
    patent_number_type,
    validate_patent_number,
)
from patents import services
from patents.models import (
    Patent,
    PatentAward,
    PatentAwardLevel,
    PatentAwardSession,
    PatentPledge,
    PatentStatus,
    PatentType,
)
from registry.models import Enterprise
from registry.resources import (
    DIVISION,
    NAME,
    SOURCE,
    USCC,
    ManyNamedWidget,
    NamedWidget,
    RegistryResource,
)

NUMBER, HOLDER_USCCS, HOLDER_NAMES = "专利号", "专利权人统一社会信用代码", "专利权人"

PATENT_TYPE_TERMS = {PatentType.INVENTION: ["发明", "发明专利"],
                     PatentType.UTILITY_MODEL: ["实用新型", "实用新型专利"],
                     PatentType.DESIGN: ["外观设计", "外观设计专利"]}
PATENT_STATUS_TERMS = {PatentStatus.VALID: ["有效", "授权"], PatentStatus.LAPSED: ["失效", "终止"],
                       PatentStatus.EXPIRED: ["届满", "期限届满"],
                       PatentStatus.INVALIDATED: ["无效", "全部无效", "被宣告无效"]}
LEVEL_TERMS = {
    PatentAwardLevel.GOLD: ["金奖", "中国专利金奖"],
    PatentAwardLevel.SILVER: ["银奖", "中国专利银奖"],
    PatentAwardLevel.EXCELLENCE: ["优秀奖", "中国专利优秀奖"],
    PatentAwardLevel.DESIGN_GOLD: ["外观设计金奖", "中国外观设计金奖"],
    PatentAwardLevel.DESIGN_SILVER: ["外观设计银奖", "中国外观设计银奖"],
    PatentAwardLevel.DESIGN_EXCELLENCE: ["外观设计优秀奖", "中国外观设计优秀奖"],
}


class PatentsResource(RegistryResource):
    """Resolves patent numbers from one prefetched map."""

    record_service = staticmethod(services.record_save)
    number_columns: tuple[str, ...] = (NUMBER,)

    def prepare(self, rows):
        super().prepare(rows)
        numbers = {normalize_patent_number(number) for row in rows
                   for column in self.number_columns
                   for number in split_list(row.get(column, ""))}
        self.patents = {}
        for chunk in _chunks(numbers):
            for patent in Patent.objects.filter(number__in=chunk).prefetch_related(
                    "holder_enterprises__division"):
                self.patents[patent.number] = patent

    def number_from(self, text, column, errors):
        text = text.strip()
        if not text:
            errors.append((column, _("This column is required.")))
            return None
        try:
            validate_patent_number(text)
        except ValidationError as error:
            errors.extend((column, message) for message in error.messages)
            return None
        return normalize_patent_number(text)

    def known_patent(self, text, column, errors):
        number = self.number_from(text, column, errors)
        if number is None:
            return None
        patent = self.patents.get(number)
        if patent is None:
            errors.append((column, _("Patent %(number)s is not in the registry; import the "
                                     "patent list first.") % {"number": number}))
        return patent


def _chunks(values, size=2000):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


class PatentResource(PatentsResource):
    number = Field("number", NUMBER, widget=TextWidget())
    type = Field("type", "专利类型", widget=ChoiceWidget(PatentType, PATENT_TYPE_TERMS))
    title = Field("title", "专利名称", widget=TextWidget())
    holders = Field("holder_enterprises", HOLDER_NAMES, widget=ManyNamedWidget("name"))
    holder_usccs = Field("holder_enterprises", HOLDER_USCCS, widget=ManyNamedWidget("uscc"))
    filed_on = Field("filed_on", "申请日", widget=DateWidget())
    granted_on = Field("granted_on", "授权日", widget=DateWidget())
    publication_number = Field("publication_number", "授权公告号", widget=TextWidget())
    status = Field("status", "法律状态", widget=ChoiceWidget(PatentStatus, PATENT_STATUS_TERMS))
    status_changed_on = Field("status_changed_on", "状态变更日", widget=DateWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    required_columns = (NUMBER, "专利名称", "申请日")

    class Meta:
        model = Patent
        fields = ("number", "type", "title", "holders", "holder_usccs", "filed_on",
                  "granted_on", "publication_number", "status", "status_changed_on", "source")
        export_order = fields
        import_id_fields = ("number",)

    def get_queryset(self):
        return Patent.objects.prefetch_related("holder_enterprises")

    def usccs_in(self, row):
        return split_list(row.get(HOLDER_USCCS, ""))

    def build(self, values, row_number):
        errors = []
        number = self.number_from(values.get(NUMBER, ""), NUMBER, errors)
        existing = self.patents.get(number) if number else None
        instance = existing or Patent()
        if number:
            instance.number = number
            self.note_key(number, row_number, errors, NUMBER)
        self.assign(instance, values, ("type", "title", "filed_on", "granted_on",
                                       "publication_number", "status", "status_changed_on",
                                       "source"), errors)
        if not instance.type and number:
            instance.type = patent_number_type(number) or ""
        instance.status = instance.status or PatentStatus.VALID
        m2m = {}
        if HOLDER_USCCS in values:
            holders = self.holders_from(values[HOLDER_USCCS], errors)
            m2m["holder_enterprises"] = holders
        else:
            holders = list(existing.holder_enterprises.all()) if existing else []
        if self.allowed_division_ids is not None and not any(
                holder.division_id in self.allowed_division_ids for holder in holders):
            errors.append((HOLDER_USCCS, _("A patent you import needs at least one holder in "
                                           "your division.")))
        self.full_clean(instance, errors, exclude=["number"])
        if errors:
            raise RowInvalid(errors)
        return RowPlan(row_number, instance, created=existing is None, m2m=m2m)

    def holders_from(self, text, errors) -> list[Enterprise]:
        holders = []
        for code in split_list(text):
            code = normalize_uscc(code)
            enterprise = self.enterprises.get(code)
            if enterprise is None:
                if self.uscc_from(code, HOLDER_USCCS, errors) is not None:
                    errors.append((HOLDER_USCCS, _(
                        "No enterprise with the code %(code)s is in the registry; import it "
                        "with the enterprise list first.") % {"code": code}))
                continue
            holders.append(enterprise)
        return holders


class PatentAwardResource(PatentsResource):
    session = Field("session__number", "届次", widget=OrdinalWidget())
    level = Field("level", "奖项等次", widget=ChoiceWidget(PatentAwardLevel, LEVEL_TERMS))
    number = Field("patent__number", NUMBER, widget=TextWidget())
    title = Field("patent__title", "专利名称", widget=TextWidget())
    enterprise_name = Field("enterprise__name", NAME, widget=TextWidget())
    uscc = Field("enterprise__uscc", USCC, widget=TextWidget())
    division = Field("enterprise__division", DIVISION, widget=NamedWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    required_columns = ("届次", "奖项等次", NUMBER, USCC)

    class Meta:
        model = PatentAward
        fields = ("session", "level", "number", "title", "enterprise_name", "uscc", "division",
                  "source")
        export_order = fields
        import_id_fields = ("session", "number")

    def get_queryset(self):
        return PatentAward.objects.select_related("session", "patent", "enterprise__division")

    def prepare(self, rows):
        super().prepare(rows)
        self.sessions = {session.number: session for session in PatentAwardSession.objects.all()}
        self.existing = set(PatentAward.objects.filter(patent__number__in=list(self.patents))
                            .values_list("session_id", "patent__number"))

    def build(self, values, row_number):
        errors = []
        number = self.parse(values, "session", errors)
        session = self.sessions.get(number) if isinstance(number, int) else None
        if number is None:
            errors.append(("届次", _("This column is required.")))
        elif number is not INVALID and session is None:
            errors.append(("届次", _("Session %(number)s of the China Patent Award is not in the "
                                   "registry; add the session first.") % {"number": number}))
        patent = self.known_patent(values.get(NUMBER, ""), NUMBER, errors)
        enterprise = self.enterprise_from(values, errors)
        instance = PatentAward(session=session, patent=patent, enterprise=enterprise)
        self.assign(instance, values, ("level", "source"), errors)
        duplicate = False
        if session is not None and patent is not None:
            key = (session.pk, patent.number)
            before = len(errors)
            self.note_key(key, row_number, errors, NUMBER)
            duplicate = len(errors) > before
            if key in self.existing:
                duplicate = True
                errors.append((NUMBER, _("This patent already has an award in this session.")))
        requires = {"enterprise": enterprise} if enterprise and enterprise.pk is None else {}
        exclude = [name for name, value in (("session", session), ("patent", patent))
                   if value is None]
        if requires or enterprise is None:
            exclude.append("enterprise")
        self.full_clean(instance, errors, exclude=exclude, constraints=not duplicate)
        if errors:
            raise RowInvalid(errors)
        return RowPlan(row_number, instance, created=True, requires=requires)


PLEDGOR, PLEDGOR_USCC = "出质人", "出质人统一社会信用代码"


class PatentPledgeResource(PatentsResource):
    registration_number = Field("registration_number", "登记号", widget=TextWidget())
    pledgor = Field("pledgor__name", PLEDGOR, widget=TextWidget())
    uscc = Field("pledgor__uscc", PLEDGOR_USCC, widget=TextWidget())
    division = Field("pledgor__division", DIVISION, widget=NamedWidget())
    pledgee = Field("pledgee", "质权人", widget=TextWidget())
    patents = Field("patents", NUMBER, widget=ManyNamedWidget("number"))
    amount = Field("amount", "质押金额（元）", widget=DecimalWidget())
    registered_on = Field("registered_on", "登记日", widget=DateWidget())
    released_on = Field("released_on", "解除日", widget=DateWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    enterprise_columns = (PLEDGOR, PLEDGOR_USCC, DIVISION)
    required_columns = ("登记号", PLEDGOR_USCC, "质权人", "质押金额（元）", "登记日")

    class Meta:
        model = PatentPledge
        fields = ("registration_number", "pledgor", "uscc", "division", "pledgee", "patents",
                  "amount", "registered_on", "released_on", "source")
        export_order = fields
        import_id_fields = ("registration_number",)

    def get_queryset(self):
        return PatentPledge.objects.select_related("pledgor__division").prefetch_related(
            "patents")

    def prepare(self, rows):
        super().prepare(rows)
        numbers = {row.get("登记号", "").strip() for row in rows}
        self.pledges = {pledge.registration_number: pledge
                        for pledge in PatentPledge.objects.filter(registration_number__in=numbers)}

    def build(self, values, row_number):
        errors = []
        registration_number = values.get("登记号", "").strip()
        existing = self.pledges.get(registration_number)
        instance = existing or PatentPledge()
        if registration_number:
            self.note_key(registration_number, row_number, errors, "登记号")
        pledgor = self.enterprise_from(values, errors)
        if pledgor is not None:
            instance.pledgor = pledgor
        self.assign(instance, values, ("registration_number", "pledgee", "amount",
                                       "registered_on", "released_on", "source"), errors)
        m2m = {}
        if NUMBER in values:
            patents = [self.known_patent(text, NUMBER, errors)
                       for text in split_list(values[NUMBER])]
            m2m["patents"] = [patent for patent in patents if patent is not None]
        requires = {"pledgor": pledgor} if pledgor and pledgor.pk is None else {}
        self.full_clean(instance, errors,
                        exclude=["pledgor"] if requires or pledgor is None else ())
        if errors:
            raise RowInvalid(errors)
        return RowPlan(row_number, instance, created=existing is None, requires=requires,
                       m2m=m2m)

"""Spreadsheet import and export of the registry's records.

Headers are the Chinese labels of the official lists whatever the interface language (see
core.spreadsheets). What "the same record" means for each resource (its natural key):

- enterprises: the USCC. A known USCC updates the enterprise; it is never duplicated.
- designations: (list, enterprise USCC, brand, year), the database's unique entry. A row that
  is already in the registry is an error, so importing one list twice cannot double it.
- GI products: (name, GI system). A known product is updated.
- provincial figures: (city, figure key, year). A known figure is replaced, as entering it
  again in the admin would.
A second row with the same natural key in one file is always an error.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.fields import Field
from simple_history.utils import bulk_create_with_history

from core.services import announce
from core.spreadsheets import (
    ABSENT,
    INVALID,
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    OrdinalWidget,
    RowInvalid,
    RowPlan,
    SpreadsheetResource,
    TextWidget,
    split_list,
)
from core.validators import normalize_uscc, validate_uscc
from registry import services
from registry.models import (
    Designation,
    DesignationList,
    Division,
    Enterprise,
    EntryKind,
    GICategory,
    GIProduct,
    GISystem,
    Industry,
    ProvincialFigure,
)
from registry.signals import record_changed

NAME, USCC, DIVISION, SOURCE = "企业名称", "统一社会信用代码", "所属区县", "来源"


class NamedWidget(widgets.Widget):
    """Exports a related row by one attribute (its Chinese name, its code)."""

    def __init__(self, attribute="name_zh", **kwargs):
        self.attribute = attribute
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        return value

    def render(self, value, obj=None, **kwargs):
        return getattr(value, self.attribute, "") if value is not None else ""


class ManyNamedWidget(NamedWidget):
    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "；".join(getattr(item, self.attribute) for item in value.all())


ENTRY_KIND_TERMS = {EntryKind.NEW: ["新增培育", "新增"],
                    EntryKind.CONTINUING: ["持续培育", "持续"]}
GI_SYSTEM_TERMS = {
    GISystem.PROTECTED_PRODUCT: ["地理标志保护产品"],
    GISystem.TRADEMARK: ["地理标志证明商标", "地理标志集体商标", "地理标志商标"],
    GISystem.AGRICULTURAL: ["农产品地理标志"],
}
GI_CATEGORY_TERMS = {
    GICategory.VEGETABLE: ["蔬菜"], GICategory.FRUIT: ["水果", "果品"],
    GICategory.GRAIN: ["粮油"], GICategory.LIVESTOCK: ["畜禽水产", "畜禽", "水产"],
    GICategory.TEA: ["茶叶饮品", "茶叶"], GICategory.MEDICINAL: ["中药材"],
    GICategory.HANDICRAFT: ["手工艺品", "工艺品"], GICategory.FOOD: ["加工食品", "酒类", "食品"],
    GICategory.OTHER: ["其他"],
}


def _chunks(values, size=2000):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


class RegistryResource(SpreadsheetResource):
    """Resolves what rows refer to: divisions (by code or Chinese name) and enterprises (by
    USCC only, never by name), from maps loaded once per file. A row naming an unknown USCC
    creates the enterprise when it gives the name and division (`creates_enterprises`)."""

    record_service = staticmethod(services.record_save)
    enterprise_columns = (NAME, USCC, DIVISION)
    creates_enterprises = True

    def prepare(self, rows):
        self.divisions_by_code = {}
        self.divisions_by_name = defaultdict(list)
        for division in Division.objects.all():
            self.divisions_by_code[division.code] = division
            self.divisions_by_name[division.name_zh].append(division)
        usccs = {normalize_uscc(code) for row in rows for code in self.usccs_in(row)} - {""}
        self.enterprises = {}
        for chunk in _chunks(usccs):
            for enterprise in Enterprise.objects.filter(uscc__in=chunk).select_related("division"):
                self.enterprises[enterprise.uscc] = enterprise
        self.new_enterprises = {}

    def usccs_in(self, row: dict[str, str]) -> list[str]:
        return [row.get(self.enterprise_columns[1], "")]

    def division_from(self, text: str, column: str, errors: list):
        text = (text or "").strip()
        if not text:
            errors.append((column, _("This column is required.")))
            return None
        if text in self.divisions_by_code:
            return self.divisions_by_code[text]
        found = self.divisions_by_name.get(text, [])
        if len(found) == 1:
            return found[0]
        if found:
            errors.append((column, _("Several divisions are named %(value)s; give the six-digit "
                                     "code instead.") % {"value": text}))
        else:
            errors.append((column, _("%(value)s is not a known division; give its six-digit "
                                     "code or its Chinese name, e.g. 370783 or 寿光市.")
                           % {"value": text}))
        return None

    def check_scope(self, division, column: str, errors: list) -> None:
        if (division is not None and self.allowed_division_ids is not None
                and division.pk not in self.allowed_division_ids):
            errors.append((column, _("%(division)s is outside your division; you may import "
                                     "only records of your own division.")
                           % {"division": division.name_zh}))

    def uscc_from(self, text: str, column: str, errors: list) -> str | None:
        code = normalize_uscc(text)
        if not code:
            errors.append((column, _("This column is required.")))
            return None
        try:
            validate_uscc(code)
        except ValidationError as error:
            errors.extend((column, message) for message in error.messages)
            return None
        return code

    def enterprise_from(self, values: dict[str, str], errors: list):
        """The enterprise a row names by USCC: a known one, one created earlier in this
        file, or a new one built from the row's name and division (saved in pass 2)."""
        name_column, uscc_column, division_column = self.enterprise_columns
        code = self.uscc_from(values.get(uscc_column, ""), uscc_column, errors)
        if code is None:
            return None
        enterprise = self.enterprises.get(code) or self.new_enterprises.get(code)
        if enterprise is not None:
            self.check_scope(enterprise.division, division_column, errors)
            return enterprise
        name = values.get(name_column, "").strip()
        if not (self.creates_enterprises and name and values.get(division_column, "").strip()):
            errors.append((uscc_column, _(
                "No enterprise with the code %(code)s is in the registry; give its name "
                "(%(name)s) and division (%(division)s) in this row to add it.")
                % {"code": code, "name": name_column, "division": division_column}))
            return None
        division = self.division_from(values[division_column], division_column, errors)
        if division is None:
            return None
        self.check_scope(division, division_column, errors)
        enterprise = Enterprise(name=name, uscc=code, division=division,
                                source=values.get(SOURCE, ""))
        self.full_clean(enterprise, errors, exclude=["uscc"], columns={
            "name": name_column, "uscc": uscc_column, "division": division_column})
        self.new_enterprises[code] = enterprise
        return enterprise

    def save_required(self, obj) -> None:
        obj._history_user = self.user
        services.record_save(instance=obj)

    def save_plan(self, plan: RowPlan) -> None:
        plan.instance._history_user = self.user
        super().save_plan(plan)


def _update_rows(instances, field_names) -> None:
    """UPDATE each instance's row with one parameterised statement run by executemany: the
    statement save() sends, once per row. Django's bulk_update builds a CASE expression per
    column in Python, which took longer than the rest of a 10,000-row import together."""
    if not instances:
        return
    model = type(instances[0])
    connection = connections[model.objects.db]
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(model._meta.pk.column))
    params = [[field.get_db_prep_save(getattr(instance, field.attname), connection)
               for field in fields] + [instance.pk] for instance in instances]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.Database.__name__ == "psycopg2":
            # psycopg2's executemany makes one round trip a row; execute_batch sends pages.
            from psycopg2.extras import execute_batch

            execute_batch(cursor.cursor, sql, params, page_size=500)
        else:
            cursor.executemany(sql, params)


class EnterpriseResource(RegistryResource):
    name = Field("name", NAME, widget=TextWidget())
    uscc = Field("uscc", USCC, widget=TextWidget())
    division = Field("division", DIVISION, widget=NamedWidget())
    industry = Field("industry", "行业", widget=NamedWidget("code"))
    address = Field("address", "地址", widget=TextWidget())
    founded_on = Field("founded_on", "成立日期", widget=DateWidget())
    legal_representative = Field("legal_representative", "法定代表人", widget=TextWidget())
    contact_person = Field("contact_person", "联系人", widget=TextWidget())
    contact_phone = Field("contact_phone", "联系电话", widget=TextWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    required_columns = (NAME, USCC, DIVISION)
    # Uniqueness of the USCC is decided from the prefetched map and the file itself, and the
    # division and industry come from prefetched rows: skipping those per-row queries is what
    # lets a 10,000-row list validate in seconds. Every other rule of full_clean runs.
    clean_kwargs = {"validate_unique": False, "validate_constraints": False}
    updatable = ("name", "division", "industry", "address", "founded_on",
                 "legal_representative", "contact_person", "contact_phone", "source",
                 "updated_at")
    compared = ("name", "division_id", "industry_id", "address", "founded_on",
                "legal_representative", "contact_person", "contact_phone", "source")

    class Meta:
        model = Enterprise
        fields = ("name", "uscc", "division", "industry", "address", "founded_on",
                  "legal_representative", "contact_person", "contact_phone", "source")
        export_order = fields
        import_id_fields = ("uscc",)

    def get_queryset(self):
        return Enterprise.objects.select_related("division", "industry")

    def prepare(self, rows):
        super().prepare(rows)
        self.industries = {}
        for industry in Industry.objects.all():
            self.industries[industry.code] = industry
            self.industries.setdefault(industry.name_zh, industry)

    def build(self, values, row_number):
        errors = []
        code = self.uscc_from(values.get(USCC, ""), USCC, errors)
        existing = self.enterprises.get(code) if code else None
        instance = existing or Enterprise()
        before = [getattr(instance, name) for name in self.compared]
        if code:
            instance.uscc = code
            self.note_key(code, row_number, errors, USCC)
        if existing is not None:
            self.check_scope(existing.division, DIVISION, errors)
        division = self.division_from(values.get(DIVISION, ""), DIVISION, errors)
        if division is not None:
            self.check_scope(division, DIVISION, errors)
            instance.division = division
        if "行业" in values:
            text = values["行业"].strip()
            instance.industry = self.industries.get(text) if text else None
            if text and instance.industry is None:
                errors.append(("行业", _("%(value)s is not a known industry; give its GB/T 4754 "
                                        "code (e.g. C35) or Chinese name.") % {"value": text}))
        self.assign(instance, values, ("name", "address", "founded_on", "legal_representative",
                                       "contact_person", "contact_phone", "source"), errors)
        self.full_clean(instance, errors, exclude=["uscc", "division", "industry"])
        if errors:
            raise RowInvalid(errors)
        changed = existing is None or before != [getattr(instance, name)
                                                 for name in self.compared]
        return RowPlan(row_number, instance, created=existing is None, changed=changed)

    def save_plans(self, plans):
        """Bulk writes: rows were validated by full_clean in pass 1; history rows and the
        after-commit record_changed announcement are the ones record_save would make."""
        created = [plan.instance for plan in plans if plan.created]
        updated = [plan.instance for plan in plans if plan.changed and not plan.created]
        now = timezone.now()
        for instance in updated:
            instance.updated_at = now
        bulk_create_with_history(created, Enterprise, batch_size=500, default_user=self.user)
        _update_rows(updated, self.updatable)
        Enterprise.history.bulk_history_create(updated, batch_size=500, update=True,
                                               default_user=self.user)
        for instance in created:
            announce(record_changed, instance, created=True)
        for instance in updated:
            announce(record_changed, instance, created=False)
        return len(created), len(updated)


class DesignationResource(RegistryResource):
    designation_list = Field("designation_list", "名单", widget=NamedWidget())
    enterprise_name = Field("enterprise__name", NAME, widget=TextWidget())
    uscc = Field("enterprise__uscc", USCC, widget=TextWidget())
    division = Field("enterprise__division", DIVISION, widget=NamedWidget())
    brand = Field("brand", "品牌名称", widget=TextWidget())
    category = Field("category", "类别", widget=TextWidget())
    sector = Field("sector", "领域", widget=TextWidget())
    batch = Field("batch", "批次", widget=OrdinalWidget())
    year = Field("year", "年度", widget=IntegerWidget())
    designated_on = Field("designated_on", "发布日期", widget=DateWidget())
    entry_kind = Field("entry_kind", "培育类型",
                       widget=ChoiceWidget(EntryKind, ENTRY_KIND_TERMS))
    source = Field("source", SOURCE, widget=TextWidget())

    required_columns = ("名单", USCC, "发布日期")

    class Meta:
        model = Designation
        fields = ("designation_list", "enterprise_name", "uscc", "division", "brand", "category",
                  "sector", "batch", "year", "designated_on", "entry_kind", "source")
        export_order = fields
        import_id_fields = ("designation_list", "uscc", "brand", "year")

    def get_queryset(self):
        return Designation.objects.select_related("designation_list", "enterprise__division")

    def prepare(self, rows):
        super().prepare(rows)
        self.lists = {}
        for item in DesignationList.objects.all():
            for label in (item.code, item.name_zh, item.name_en):
                if label:
                    self.lists.setdefault(label, item)
        self.existing = set(
            Designation.objects.filter(enterprise__uscc__in=list(self.enterprises))
            .values_list("designation_list_id", "enterprise__uscc", "brand", "year"))

    def build(self, values, row_number):
        errors = []
        text = values.get("名单", "").strip()
        designation_list = self.lists.get(text)
        if designation_list is None:
            errors.append(("名单", _("%(value)s is not a known designation list (e.g. 好品山东).")
                           % {"value": text}))
        enterprise = self.enterprise_from(values, errors)
        instance = Designation(designation_list=designation_list, enterprise=enterprise)
        self.assign(instance, values, ("brand", "category", "sector", "batch", "year",
                                       "designated_on", "entry_kind", "source"), errors)
        instance.entry_kind = instance.entry_kind or EntryKind.NEW
        if instance.year is None and instance.designated_on:
            instance.year = instance.designated_on.year
        duplicate = False
        if designation_list and enterprise and instance.year:
            key = (designation_list.pk, enterprise.uscc, instance.brand, instance.year)
            before = len(errors)
            self.note_key(key, row_number, errors, "品牌名称")
            duplicate = len(errors) > before
            if key in self.existing:
                duplicate = True
                errors.append(("品牌名称", _("This entry is already on %(list)s for %(year)s.")
                               % {"list": designation_list.name_zh, "year": instance.year}))
        new_enterprise = enterprise is None or enterprise.pk is None
        self.full_clean(instance, errors, exclude=["enterprise"] if new_enterprise else (),
                        constraints=not duplicate)
        if errors:
            raise RowInvalid(errors)
        requires = {"enterprise": enterprise} if enterprise.pk is None else {}
        return RowPlan(row_number, instance, created=True, requires=requires)


class GIProductResource(RegistryResource):
    name = Field("name", "产品名称", widget=TextWidget())
    system = Field("system", "地理标志类型", widget=ChoiceWidget(GISystem, GI_SYSTEM_TERMS))
    category = Field("category", "产品类别", widget=ChoiceWidget(GICategory, GI_CATEGORY_TERMS))
    divisions = Field("divisions", "保护范围区县", widget=ManyNamedWidget())
    protected_area = Field("protected_area", "保护范围", widget=TextWidget())
    approval_authority = Field("approval_authority", "批准机关", widget=TextWidget())
    announcement_number = Field("announcement_number", "公告号", widget=TextWidget())
    approved_on = Field("approved_on", "批准日期", widget=DateWidget())
    applicant = Field("applicant", "申请人", widget=TextWidget())
    quality_requirements = Field("quality_requirements", "质量技术要求", widget=TextWidget())
    testing_body = Field("testing_body", "检测机构", widget=TextWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    required_columns = ("产品名称", "产品类别", "保护范围区县", "批准日期")

    class Meta:
        model = GIProduct
        fields = ("name", "system", "category", "divisions", "protected_area",
                  "approval_authority", "announcement_number", "approved_on", "applicant",
                  "quality_requirements", "testing_body", "source")
        export_order = fields
        import_id_fields = ("name", "system")

    def get_queryset(self):
        return GIProduct.objects.prefetch_related("divisions")

    def usccs_in(self, row):
        return []

    def prepare(self, rows):
        super().prepare(rows)
        names = {row.get("产品名称", "").strip() for row in rows}
        self.products = {(product.name, product.system): product
                         for product in GIProduct.objects.filter(name__in=names)}

    def build(self, values, row_number):
        errors = []
        system = self.parse(values, "system", errors)
        system = system if system not in (ABSENT, INVALID, "") else GISystem.PROTECTED_PRODUCT
        name = values.get("产品名称", "").strip()
        existing = self.products.get((name, system))
        instance = existing or GIProduct(system=system)
        self.assign(instance, values, ("name", "category", "protected_area",
                                       "approval_authority", "announcement_number",
                                       "approved_on", "applicant", "quality_requirements",
                                       "testing_body", "source"), errors)
        instance.system = system
        self.note_key((name, system), row_number, errors, "产品名称")
        divisions = []
        for text in split_list(values.get("保护范围区县", "")):
            division = self.division_from(text, "保护范围区县", errors)
            if division is not None:
                divisions.append(division)
        if not divisions and not any(column == "保护范围区县" for column, _m in errors):
            errors.append(("保护范围区县", _("This column is required.")))
        if divisions and self.allowed_division_ids is not None and not any(
                division.pk in self.allowed_division_ids for division in divisions):
            self.check_scope(divisions[0], "保护范围区县", errors)
        self.full_clean(instance, errors)
        if errors:
            raise RowInvalid(errors)
        return RowPlan(row_number, instance, created=existing is None,
                       m2m={"divisions": divisions})


class ProvincialFigureResource(RegistryResource):
    division = Field("division", "城市", widget=NamedWidget())
    key = Field("key", "指标", widget=TextWidget())
    year = Field("year", "年度", widget=IntegerWidget())
    value = Field("value", "数值", widget=DecimalWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    required_columns = ("城市", "指标", "年度", "数值")

    class Meta:
        model = ProvincialFigure
        fields = ("division", "key", "year", "value", "source")
        export_order = fields
        import_id_fields = ("division", "key", "year")

    def get_queryset(self):
        return ProvincialFigure.objects.select_related("division")

    def usccs_in(self, row):
        return []

    def prepare(self, rows):
        super().prepare(rows)
        keys = {row.get("指标", "").strip() for row in rows}
        self.figures = {(figure.division_id, figure.key, figure.year): figure
                        for figure in ProvincialFigure.objects.filter(key__in=keys)}

    def build(self, values, row_number):
        errors = []
        division = self.division_from(values.get("城市", ""), "城市", errors)
        if division is not None and division.level != "city":
            errors.append(("城市", _("Provincial figures are entered for cities; %(value)s is "
                                   "not a city.") % {"value": division.name_zh}))
        key = values.get("指标", "").strip()
        year = self.parse(values, "year", errors)
        existing = None
        if division is not None and year not in (None, INVALID):
            existing = self.figures.get((division.pk, key, year))
            self.note_key((division.pk, key, year), row_number, errors, "指标")
        instance = existing or ProvincialFigure(division=division)
        self.assign(instance, values, ("key", "year", "value", "source"), errors)
        self.full_clean(instance, errors, exclude=["division"], constraints=False)
        if errors:
            raise RowInvalid(errors)
        return RowPlan(row_number, instance, created=existing is None)


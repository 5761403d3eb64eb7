"""Spreadsheets in and out: formula escaping, reading uploaded tables, the resource base class
that imports validate through, and the admin mixin that puts Import/Export on a changelist.

Column headers are Chinese whatever the interface language: the official lists (the province's
"Good Products Shandong" batches, the CNIPA award lists) are published in Chinese and clerks
paste from them, so a header is part of the file format, not of the user interface. Error
messages, buttons and pages around them are translated as usual.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# OWASP's list for CSV injection: a cell starting with one of these is run as a formula by
# Excel, LibreOffice or WPS. Tab and carriage return start formulas in some of them too.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """Prefix a text cell that a spreadsheet would read as a formula with a single quote, so
    it shows as text. Other values (numbers, dates, None) are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def sheet_text(value):
    """A value as a worksheet cell can hold it: text escaped as by escape_formula and without
    the control characters an .xlsx file cannot store; other values unchanged."""
    if isinstance(value, str):
        return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


# --- Reading an uploaded table ------------------------------------------------------------

SPREADSHEET_EXTENSIONS = ("xlsx", "csv")


@dataclass
class Table:
    """Headers and data rows of the first sheet; every cell as stripped text. `rows` holds
    (row number as the spreadsheet shows it, cells); blank rows are skipped, not renumbered."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else \
            value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # Excel stores every number as a float: 370783 must not become "370783.0".
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def read_table(content: bytes, file_name: str) -> Table:
    """Parse an uploaded .xlsx or .csv. CSV may be UTF-8 (with or without BOM) or GB18030,
    which is what Excel writes on a Chinese Windows."""
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if extension == "csv":
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValidationError(_("The CSV file is neither UTF-8 nor GB18030 text."))
        raw_rows = list(csv.reader(io.StringIO(text)))
    elif extension == "xlsx":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise ValidationError(_("The file could not be read as an Excel workbook."),
                                  code="bad_xlsx") from error
        sheet = workbook.worksheets[0]
        raw_rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    else:
        raise ValidationError(_("Upload an Excel (.xlsx) or CSV (.csv) file."), code="format")
    if not raw_rows:
        raise ValidationError(_("The file is empty."), code="empty")
    headers = [cell_text(value) for value in raw_rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    rows = []
    for number, raw in enumerate(raw_rows[1:], start=2):
        cells = [cell_text(value) for value in raw[:len(headers)]]
        cells += [""] * (len(headers) - len(cells))
        if any(cells):
            rows.append((number, cells))
    return Table(headers=headers, rows=rows)


# --- Cell widgets: parse text cells, render values for export ------------------------------

class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).replace("/", "-").replace(".", "-")
        if not text:
            return None
        parsed = parse_date(text[:10]) if len(text) >= 8 else None
        if parsed is None:
            raise ValueError(_("%(value)s is not a date; write it as 2024-05-10.")
                             % {"value": text})
        return parsed

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class IntegerWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(_("%(value)s is not a whole number.") % {"value": text})
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class DecimalWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).replace(",", "").replace("，", "")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(_("%(value)s is not a number.") % {"value": text}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                   "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """'十' -> 10, '二十五' -> 25, '25' -> 25 (sessions and batches are written both ways)."""
    if text.isdigit():
        return int(text)
    if not text or any(char not in _CHINESE_DIGITS and char != "十" for char in text):
        return None
    if "十" not in text:
        return int("".join(str(_CHINESE_DIGITS[char]) for char in text))
    tens, _sep, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


class OrdinalWidget(IntegerWidget):
    """A session or batch number: 10, 第10届, 第十届, 第三批."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).removeprefix("第").rstrip("届批次期").strip()
        if not text:
            return None
        number = chinese_number(text)
        if number is None:
            raise ValueError(_("%(value)s is not a session or batch number (e.g. 10 or 第十届).")
                             % {"value": cell_text(value)})
        return number


class ChoiceWidget(widgets.Widget):
    """A choice written as the Chinese term of the official lists (`aliases`: stored value ->
    terms, the first is what exports write), as the stored value or as its label."""

    def __init__(self, choices, aliases: dict[str, list[str]], **kwargs):
        self.choices = choices
        self.aliases = aliases
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        for stored, terms in self.aliases.items():
            if text in terms:
                return stored
        for stored, label in self.choices.choices:
            if text.lower() in (stored.lower(), str(label).lower()):
                return stored
        accepted = "、".join(terms[0] for terms in self.aliases.values())
        raise ValueError(_("%(value)s is not one of: %(accepted)s.")
                         % {"value": text, "accepted": accepted})

    def render(self, value, obj=None, **kwargs):
        terms = self.aliases.get(value)
        return terms[0] if terms else (value or "")


LIST_SEPARATORS = (";", "；", "、", ",", "，", "\n")


def split_list(text: str) -> list[str]:
    """'a；b、c' -> ['a', 'b', 'c']: several values in one cell, as the lists write them."""
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]


# --- The resource base class -----------------------------------------------------------------

class RowInvalid(Exception):
    """A row's problems, each (column header, message)."""

    def __init__(self, errors: list[tuple[str, str]], row_number: int | None = None):
        super().__init__(errors)
        self.errors = errors
        self.row_number = row_number


@dataclass
class RowPlan:
    """What one valid row will write: `instance` (new or changed), the objects it needs saved
    first (`requires`: attribute -> unsaved object) and many-to-many values to set after."""

    row_number: int
    instance: object
    created: bool
    requires: dict = field(default_factory=dict)
    m2m: dict = field(default_factory=dict)
    # False when the row repeats what the registry holds: nothing to write, no history row.
    changed: bool = True


class SpreadsheetResource(resources.ModelResource):
    """A django-import-export resource whose import runs in two passes: `build` turns every
    row into a RowPlan or a RowInvalid (nothing is written), then, if no row failed,
    `save_plans` writes them all through the app's service inside one transaction.

    Subclasses declare their columns as Fields (attribute, Chinese column_name, widget),
    `required_columns`, `natural_key` (what "the same record" means) and `record_service`.
    """

    required_columns: tuple[str, ...] = ()
    record_service = None
    # Keyword arguments for full_clean() in the validation pass; a resource that checks
    # uniqueness and foreign keys from prefetched maps may skip the per-row queries.
    clean_kwargs: dict = {}

    def __init__(self, *, user=None, allowed_division_ids=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.allowed_division_ids = (None if allowed_division_ids is None
                                     else set(allowed_division_ids))
        self.seen_keys: dict = {}

    # Export: every text cell escaped against formula injection.
    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    # Import, pass 1 -------------------------------------------------------------------

    def missing_columns(self, headers: list[str]) -> list[str]:
        present = set(headers)
        return [column for column in self.required_columns if column not in present]

    def prepare(self, rows: list[dict[str, str]]) -> None:
        """Load in a few queries what the rows refer to (existing records, divisions)."""

    def build(self, values: dict[str, str], row_number: int) -> RowPlan:
        """Turn a row into the plan of the record it describes: every resource defines it."""
        raise TypeError(f"{type(self).__name__} must define build()")

    def column(self, attribute: str) -> str:
        return self.fields[attribute].column_name

    def parse(self, values: dict[str, str], attribute: str, errors: list):
        """The cleaned value of a column. A column absent from the file gives ABSENT (an
        update leaves the field alone); a value that does not parse gives INVALID, with the
        error noted under its header."""
        field = self.fields[attribute]
        if field.column_name not in values:
            return ABSENT
        try:
            return field.widget.clean(values[field.column_name], row=values)
        except ValueError as error:
            errors.append((field.column_name, str(error)))
            return INVALID

    def assign(self, instance, values: dict[str, str], attributes, errors: list) -> None:
        for attribute in attributes:
            value = self.parse(values, attribute, errors)
            if value is not ABSENT and value is not INVALID:
                setattr(instance, attribute, value)

    def full_clean(self, instance, errors: list, *, exclude=(), columns=None,
                   constraints: bool = True) -> None:
        """Run the model's full_clean (the rules admin and API apply) and note its errors
        under the column headers. `columns` maps other field names (a new enterprise's) to
        headers; `constraints=False` when the row's natural key was already found taken, so
        the same fault is not reported twice."""
        kwargs = dict(self.clean_kwargs)
        if not constraints:
            kwargs.update(validate_unique=False, validate_constraints=False)
        try:
            instance.full_clean(exclude=list(exclude), **kwargs)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                # Model.clean() may still complain about an excluded field (an awardee not yet
                # saved, or already reported as unknown): that field is checked elsewhere.
                kept = {name: value for name, value in error.error_dict.items()
                        if name not in exclude}
                if not kept:
                    return
                error = ValidationError(kept)
            errors.extend(self.column_errors(error, columns))

    def column_errors(self, error: ValidationError, columns=None) -> list[tuple[str, str]]:
        headers = {name: field.column_name for name, field in self.fields.items()}
        headers.update(columns or {})
        found = []
        if not hasattr(error, "error_dict"):
            return [("", message) for message in error.messages]
        for name, messages in error.message_dict.items():
            header = "" if name == NON_FIELD_ERRORS else headers.get(name, name)
            found.extend((header, message) for message in messages)
        return found

    def note_key(self, key, row_number: int, errors: list, column: str) -> None:
        """A second row with the same natural key in one file is an error naming the first."""
        first = self.seen_keys.setdefault(key, row_number)
        if first != row_number:
            errors.append((column, _("The same record as row %(row)d of this file.")
                           % {"row": first}))

    # Import, pass 2 -------------------------------------------------------------------

    def save_plans(self, plans: list[RowPlan]) -> tuple[int, int]:
        """Write every plan through the service, one row at a time (admin's path). Returns
        (created, updated). The caller holds the transaction."""
        created = updated = 0
        for plan in plans:
            if not plan.changed:
                continue
            try:
                self.save_plan(plan)
            except ValidationError as error:
                raise RowInvalid(self.column_errors(error), plan.row_number) from error
            created += plan.created
            updated += not plan.created
        return created, updated

    def save_plan(self, plan: RowPlan) -> None:
        for attribute, obj in plan.requires.items():
            if obj.pk is None:
                self.save_required(obj)
            # Re-assign: the foreign key id was empty while the object was unsaved.
            setattr(plan.instance, attribute, obj)
        self.record_service(instance=plan.instance)
        for name, related in plan.m2m.items():
            getattr(plan.instance, name).set(related)

    def save_required(self, obj) -> None:
        """Save a record a row needs before its own (e.g. a new enterprise): every resource
        that creates such records defines it."""
        raise TypeError(f"{type(self).__name__} must define save_required()")


class _Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


ABSENT = _Marker("ABSENT")
INVALID = _Marker("INVALID")


# --- Admin -----------------------------------------------------------------------------------

class SpreadsheetAdminMixin(ImportExportMixin):
    """Export the changelist (as filtered, within the clerk's division) to .xlsx or .csv, and
    send Import to the import job page, which validates every row before anything is saved.

    The import pages belong to the `imports` app, above this one; the mixin links to them by
    URL name only, so no lower app imports a higher one."""

    import_url_name = "admin:imports_importjob_add"

    @property
    def formats(self):
        return [base_formats.XLSX, base_formats.CSV]

    def has_import_permission(self, request):
        return self.has_add_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_resource_kwargs(self, request, **kwargs):
        return {**super().get_export_resource_kwargs(request, **kwargs), "user": request.user}

    def import_action(self, request, **kwargs):
        query = urlencode({"resource": self.opts.label_lower})
        return redirect(f"{reverse(self.import_url_name)}?{query}")

    def process_import(self, request, **kwargs):
        return self.import_action(request, **kwargs)

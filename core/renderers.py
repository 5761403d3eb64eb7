"""CSV and .xlsx output for list endpoints (`?format=csv`, `?format=xlsx`).

A list is exported whole (every page), streamed in chunks of rows: CSV goes to the client as it
is produced; an .xlsx file is a zip, so it is written row by row (openpyxl write-only mode) to a
spooled temporary file and then sent. Text cells that a spreadsheet would take for a formula are
escaped."""

import csv
import tempfile
from collections.abc import Iterable, Iterator

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from rest_framework import renderers, serializers

from core.spreadsheets import escape_formula, sheet_text

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_CHUNK_SIZE = 1000


def columns_of(serializer) -> list[str]:
    """The export's columns: each field, and each field of a nested object as `field.sub`."""
    names = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            names.extend(f"{name}.{sub}" for sub in field.fields)
        else:
            names.append(name)
    return names


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, dict):
        return _label(value)
    if isinstance(value, list):
        return "; ".join(str(_cell(item)) for item in value)
    if isinstance(value, bool | int | float):
        return value
    return escape_formula(str(value))


def _label(item: dict):
    for key in ("name", "number", "code", "registration_number", "id"):
        if item.get(key) not in (None, ""):
            return escape_formula(str(item[key]))
    return ""


def row_values(row: dict, columns: list[str]) -> list:
    values = []
    for column in columns:
        value = row
        for part in column.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        values.append(_cell(value))
    return values


class _Echo:
    def write(self, value):
        return value


def csv_lines(columns: list[str], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # A byte-order mark, so that spreadsheet programs read the Chinese text as UTF-8.
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow(row_values(row, columns))


def csv_response(columns, rows, *, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(columns, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_write(columns, rows, stream) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([sheet_text(column) for column in columns])
    for row in rows:
        sheet.append([sheet_text(value) for value in row_values(row, columns)])
    workbook.save(stream)


def xlsx_response(columns, rows, *, filename: str) -> FileResponse:
    spooled = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    xlsx_write(columns, rows, spooled)
    spooled.seek(0)
    return FileResponse(spooled, as_attachment=True, filename=f"{filename}.xlsx",
                        content_type=XLSX_CONTENT_TYPE)


def _rows_of(data) -> list[dict]:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, list):
        return [row if isinstance(row, dict) else {"value": row} for row in data]
    if isinstance(data, dict):
        return [data]
    return [{"value": data}]


def _flat_columns(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for key, value in row.items():
            names = [f"{key}.{sub}" for sub in value] if isinstance(value, dict) and value \
                else [key]
            columns.extend(name for name in names if name not in columns)
    return columns


class CSVRenderer(renderers.BaseRenderer):
    """Renders what a view did not export itself (a detail, an error) as a small CSV."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = _rows_of(data)
        return "".join(csv_lines(_flat_columns(rows), rows)).encode("utf-8")


class XLSXRenderer(renderers.BaseRenderer):
    media_type = XLSX_CONTENT_TYPE
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        import io

        rows = _rows_of(data)
        buffer = io.BytesIO()
        xlsx_write(_flat_columns(rows), rows, buffer)
        return buffer.getvalue()

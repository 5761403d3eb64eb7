"""Every list downloads whole as CSV (streamed) or .xlsx, with formula-like cells escaped."""

import csv
import io

import pytest
from openpyxl import load_workbook


def _csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_it_streams_the_whole_filtered_list_as_csv(api, records):
    response = api.get("/api/v1/transfers/?format=csv&page_size=1")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert response["X-Request-ID"]
    rows = _csv_rows(response)
    assert len(rows) == 3  # every row, not one page
    assert {row["to_name"] for row in rows} == {"'=HYPERLINK(1)"}
    assert rows[0]["patent.number"].startswith("ZL")
    assert "format=" not in rows[0]["url"]


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_it_escapes_cells_a_spreadsheet_would_run(api, records, prefix):
    from registry.models import Enterprise

    Enterprise.objects.filter(pk=records["enterprises"][0].pk).update(
        address=f"{prefix}1+cmd|' /C calc'!A0")
    rows = _csv_rows(api.get("/api/v1/enterprises/?format=csv&fields=uscc,address"))
    addresses = [row["address"] for row in rows if row["address"]]
    assert addresses == [f"'{prefix}1+cmd|' /C calc'!A0"]
    assert list(rows[0]) == ["uscc", "address"]


def test_it_exports_xlsx_with_the_same_rows_and_escaping(api, records):
    response = api.get("/api/v1/transfers/?format=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) == 4
    column = header.index("to_name")
    assert {row[column] for row in rows[1:]} == {"'=HYPERLINK(1)"}


def test_it_exports_with_the_filters_applied(api, records):
    rows = _csv_rows(api.get("/api/v1/subsidy-grants/?format=csv&status=paid"))
    assert [row["status"] for row in rows] == ["paid"]


def test_a_bad_parameter_in_an_export_is_still_a_400(api, records):
    response = api.get("/api/v1/awards/?format=csv&year=abc")
    assert response.status_code == 400
    assert b"year" in response.content

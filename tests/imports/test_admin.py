import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from core.spreadsheets import escape_formula
from imports.models import ImportJob, ImportStatus
from registry.models import Enterprise
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

EXPORTS = [
    # changelist, resource class name, first header
    ("/admin/registry/enterprise/", "EnterpriseResource", "企业名称"),
    ("/admin/registry/designation/", "DesignationResource", "名单"),
    ("/admin/registry/giproduct/", "GIProductResource", "产品名称"),
    ("/admin/registry/provincialfigure/", "ProvincialFigureResource", "城市"),
    ("/admin/awards/awardrecord/", "AwardRecordResource", "奖项"),
    ("/admin/patents/patent/", "PatentResource", "专利号"),
    ("/admin/patents/patentaward/", "PatentAwardResource", "届次"),
    ("/admin/patents/patentpledge/", "PatentPledgeResource", "登记号"),
]


def export(client, changelist, resource_name, file_format):
    """POST the export form: format 0 is xlsx, 1 is csv; every column selected."""
    from django.contrib import admin

    model_admin = next(a for m, a in admin.site._registry.items()
                       if changelist.startswith(f"/admin/{m._meta.app_label}/"
                                                f"{m._meta.model_name}/"))
    resource_class = model_admin.resource_classes[0]
    data = {"format": {"xlsx": 0, "csv": 1}[file_format], "resource": 0}
    for name in resource_class().get_export_order():
        data[f"{resource_name.lower()}_{name}"] = "on"
    return client.post(f"{changelist}export/", data)


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("value, expected", [
    ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+8613800000000", "'+8613800000000"),
    ("-1", "'-1"), ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("寿光市", "寿光市"), ("", ""),
    (None, None), (-1, -1),
])
def test_it_escapes_cells_a_spreadsheet_would_run_as_formulas(value, expected):
    assert escape_formula(value) == expected


def test_it_exports_enterprises_to_xlsx_and_csv_with_formulas_escaped(client, superuser):
    EnterpriseFactory(name='=HYPERLINK("http://example.org","点击")', contact_phone="+8653612345")
    client.force_login(superuser)

    response = export(client, "/admin/registry/enterprise/", "EnterpriseResource", "xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("企业名称", "统一社会信用代码", "所属区县")
    assert rows[1][0] == '\'=HYPERLINK("http://example.org","点击")'
    assert rows[1][2] == "寿光市"
    assert "'+8653612345" in rows[1]

    response = export(client, "/admin/registry/enterprise/", "EnterpriseResource", "csv")
    rows = csv_rows(response)
    assert rows[1][0] == '\'=HYPERLINK("http://example.org","点击")'


def test_it_exports_only_the_records_of_a_clerks_division(client, clerk_factory, division):
    EnterpriseFactory(name="寿光企业")
    EnterpriseFactory(name="潍城企业", division=division("370702"))
    client.force_login(clerk_factory("370783"))

    rows = csv_rows(export(client, "/admin/registry/enterprise/", "EnterpriseResource", "csv"))

    assert [row[0] for row in rows[1:]] == ["寿光企业"]


@pytest.fixture
def everything_imported(sample, run_import, patent_award_session_25, governor_session_10):
    for name, resource in [("enterprises.csv", "registry.enterprise"),
                           ("good_products_shandong.xlsx", "registry.designation"),
                           ("gi_products.csv", "registry.giproduct"),
                           ("provincial_figures.csv", "registry.provincialfigure"),
                           ("award_records.csv", "awards.awardrecord"),
                           ("patents.csv", "patents.patent"),
                           ("china_patent_awards.csv", "patents.patentaward"),
                           ("patent_pledges.csv", "patents.patentpledge")]:
        job = run_import(sample(name), resource)
        assert job.status == ImportStatus.SUCCEEDED, (name, job.errors)


@pytest.mark.parametrize("changelist, resource_name, first_header", EXPORTS)
def test_every_changelist_exports_its_records_under_chinese_headers(
        client, superuser, everything_imported, changelist, resource_name, first_header):
    client.force_login(superuser)
    listing = client.get(changelist)
    assert listing.status_code == 200
    assert f'href="{changelist}export/' in listing.content.decode()

    rows = csv_rows(export(client, changelist, resource_name, "csv"))

    assert rows[0][0] == first_header
    assert len(rows) > 1


def test_an_exported_enterprise_list_imports_back_unchanged(client, superuser, sample,
                                                           run_import):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    client.force_login(superuser)
    response = export(client, "/admin/registry/enterprise/", "EnterpriseResource", "xlsx")

    with translation.override("en"):  # the client's request left the default language on
        job = run_import(("export.xlsx", response.content), "registry.enterprise")

    # Every row matched by USCC and equal to what the registry holds: nothing written.
    assert (job.status, job.created_count, job.updated_count) == ("succeeded", 0, 0), job.errors
    assert "6 unchanged" in job.message
    assert Enterprise.objects.count() == 6
    assert Enterprise.history.count() == 6


def test_import_on_a_changelist_leads_to_the_upload_page_for_that_kind(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/registry/designation/import/")
    assert response.status_code == 302
    assert response.url == "/admin/imports/importjob/add/?resource=registry.designation"

    page = client.get(response.url)
    assert page.status_code == 200
    assert "统一社会信用代码" in page.content.decode()


def test_a_clerk_uploads_a_bad_file_and_sees_every_bad_row_on_the_job_page(
        client, clerk_factory, sample, run_import, patent_award_session_25):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    run_import(sample("patents.csv"), "patents.patent")
    clerk = clerk_factory("370700")
    client.force_login(clerk)
    name, content = sample("china_patent_awards_bad.csv")

    response = client.post("/admin/imports/importjob/add/", {
        "resource": "patents.patentaward",
        "file": _upload(name, content),
    })

    job = ImportJob.objects.get(user=clerk)
    assert response.status_code == 302
    assert response.url == f"/admin/imports/importjob/{job.pk}/change/"
    page = client.get(response.url).content.decode()
    assert job.status == ImportStatus.FAILED
    for row, column in [(2, "统一社会信用代码"), (3, "专利号"), (5, "专利号"), (6, "所属区县")]:
        assert f"<td>{row}</td><td>{column}</td>" in page
    assert "<script>" not in page  # a finished job does not poll


def test_the_upload_page_reports_a_file_it_cannot_read(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/imports/importjob/add/", {
        "resource": "registry.enterprise", "file": _upload("list.xlsx", b"not a workbook")})
    assert response.status_code == 200
    assert not ImportJob.objects.exists()
    assert "errorlist" in response.content.decode()


def test_a_running_job_shows_a_progress_bar_that_polls_its_json(client, superuser):
    job = ImportJob.objects.create(user=superuser, resource="registry.enterprise",
                                   file_name="big.xlsx", status=ImportStatus.RUNNING,
                                   total_rows=4000, rows_processed=1000)
    client.force_login(superuser)

    page = client.get(f"/admin/imports/importjob/{job.pk}/change/").content.decode()
    progress = client.get(f"/admin/imports/importjob/{job.pk}/progress/").json()

    assert '<progress class="import-progress" id="import-progress" max="100" value="25">' in page
    assert f"/admin/imports/importjob/{job.pk}/progress/" in page
    assert progress["percent"] == 25 and progress["finished"] is False
    assert progress["rows_processed"] == 1000 and progress["status"] == "running"


def test_staff_see_only_their_own_import_jobs(client, clerk_factory, superuser):
    own, other = clerk_factory("370783"), clerk_factory("370702")
    job = ImportJob.objects.create(user=other, resource="registry.enterprise", file_name="x.csv")
    client.force_login(own)

    assert client.get(f"/admin/imports/importjob/{job.pk}/change/").status_code == 404
    assert client.get(f"/admin/imports/importjob/{job.pk}/progress/").status_code == 404
    assert "x.csv" not in client.get("/admin/imports/importjob/").content.decode()
    client.force_login(superuser)
    assert client.get(f"/admin/imports/importjob/{job.pk}/change/").status_code == 200


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)

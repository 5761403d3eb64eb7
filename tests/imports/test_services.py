from datetime import date

import pytest

from awards.models import AwardRecord
from core.validators import make_uscc
from imports.models import ImportJob, ImportStatus
from patents.models import Patent, PatentAward, PatentPledge
from registry.models import Designation, Enterprise, GIProduct, ProvincialFigure
from tests.imports.conftest import csv_bytes
from tests.registry.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

ENTERPRISE_HEADER = ["企业名称", "统一社会信用代码", "所属区县"]


def errors_by_row(job):
    found = {}
    for error in job.errors:
        found.setdefault(error["row"], []).append((error["column"], error["message"]))
    return found


def test_it_imports_the_good_products_shandong_list_linking_each_brand_by_uscc(
        sample, run_import):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    before = Enterprise.objects.count()

    job = run_import(sample("good_products_shandong.xlsx"), "registry.designation")

    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert (job.created_count, job.updated_count, job.rejected_count) == (4, 0, 0)
    # Three holders were matched by USCC, one was added from its row: none duplicated.
    assert Enterprise.objects.count() == before + 1
    added = Enterprise.objects.get(uscc=make_uscc("91370725MA3C00077"))
    assert (added.name, added.division.code) == ("昌乐县宝石蓝工艺品有限公司(示例)", "370725")
    brand = Designation.objects.get(brand="绿源鲜蔬")
    assert brand.enterprise.uscc == make_uscc("91370783MA3C00011")
    assert (brand.batch, brand.year, brand.designated_on) == (3, 2024, date(2024, 5, 10))
    assert brand.designation_list.code == "good_products_shandong"


def test_it_reports_all_four_bad_rows_saves_nothing_then_imports_the_corrected_file(
        sample, run_import, patent_award_session_25):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    run_import(sample("patents.csv"), "patents.patent")
    enterprises = Enterprise.objects.count()

    bad = run_import(sample("china_patent_awards_bad.csv"), "patents.patentaward")

    assert bad.status == ImportStatus.FAILED
    assert bad.rejected_count == 4
    rows = errors_by_row(bad)
    assert sorted(rows) == [2, 3, 5, 6]
    assert [column for column, _m in rows[2]] == ["统一社会信用代码"]
    assert "check character" in rows[2][0][1]
    assert [column for column, _m in rows[3]] == ["专利号"]
    assert "check digit" in rows[3][0][1]
    assert rows[5] == [("专利号", "The same record as row 4 of this file.")]
    assert [column for column, _m in rows[6]] == ["所属区县"]
    assert "潍州区" in rows[6][0][1]
    assert PatentAward.objects.count() == 0
    assert Enterprise.objects.count() == enterprises

    good = run_import(sample("china_patent_awards.csv"), "patents.patentaward")

    assert good.status == ImportStatus.SUCCEEDED, good.errors
    assert good.created_count == 4
    assert PatentAward.objects.filter(session=patent_award_session_25,
                                      level="excellence").count() == 4
    assert Enterprise.objects.count() == enterprises + 1


def test_it_reports_errors_in_the_users_language(run_import):
    from django.utils import translation

    code = make_uscc("91370783MA3C00099")
    content = csv_bytes([ENTERPRISE_HEADER, ["甲公司", code, "寿光市"], ["乙公司", code, "寿光市"]])
    english = run_import(("e.csv", content), "registry.enterprise")
    with translation.override("zh-hans"):
        chinese = run_import(("e.csv", content), "registry.enterprise")

    assert (english.language, chinese.language) == ("en", "zh-hans")
    assert english.errors[0]["message"] == "The same record as row 2 of this file."
    assert chinese.errors[0]["column"] == "统一社会信用代码"  # headers stay Chinese
    assert chinese.errors[0]["message"] != english.errors[0]["message"]
    assert "2" in chinese.errors[0]["message"]


def test_it_updates_an_enterprise_with_a_known_uscc_instead_of_duplicating_it(run_import):
    existing = EnterpriseFactory(name="旧名称有限公司")
    content = csv_bytes([ENTERPRISE_HEADER + ["地址"],
                         ["新名称有限公司", existing.uscc.lower(), "370783", "寿光市圣城街1号"]])

    job = run_import(("enterprises.csv", content), "registry.enterprise")

    assert (job.status, job.created_count, job.updated_count) == ("succeeded", 0, 1)
    existing.refresh_from_db()
    assert (existing.name, existing.address) == ("新名称有限公司", "寿光市圣城街1号")
    assert Enterprise.objects.count() == 1
    assert existing.history.count() == 2


def test_it_reports_a_second_row_with_the_same_uscc(run_import):
    code = make_uscc("91370783MA3C00099")
    content = csv_bytes([ENTERPRISE_HEADER, ["甲公司", code, "寿光市"], ["乙公司", code, "寿光市"]])

    job = run_import(("e.csv", content), "registry.enterprise")

    assert job.status == ImportStatus.FAILED
    assert errors_by_row(job) == {3: [("统一社会信用代码", "The same record as row 2 of this file.")]}
    assert not Enterprise.objects.exists()


def test_it_refuses_rows_outside_a_district_clerks_division(sample, run_import, clerk_factory):
    clerk = clerk_factory("370783")

    job = run_import(sample("enterprises.csv"), "registry.enterprise", user=clerk)

    assert job.status == ImportStatus.FAILED
    # Only row 2 (寿光市) is the clerk's; the other five are refused, and nothing is saved.
    assert sorted(errors_by_row(job)) == [3, 4, 5, 6, 7]
    assert all(column == "所属区县" and "outside your division" in message
               for rows in errors_by_row(job).values() for column, message in rows)
    assert not Enterprise.objects.exists()


def test_it_treats_a_known_patent_number_as_an_update(sample, run_import):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    run_import(sample("patents.csv"), "patents.patent")
    number = Patent.objects.order_by("number").first().number
    content = csv_bytes([["专利号", "专利名称", "申请日", "授权日", "法律状态", "状态变更日"],
                         [number.removeprefix("ZL"), "一种柴油机燃油喷射控制方法",
                          "2021-03-02", "2023-01-10", "失效", "2024-03-01"]])

    job = run_import(("p.csv", content), "patents.patent")

    assert (job.status, job.created_count, job.updated_count) == ("succeeded", 0, 1), job.errors
    patent = Patent.objects.get(number=number)
    assert patent.status == "lapsed"
    assert patent.holder_enterprises.count() == 1  # the column was absent: holders kept


def test_it_derives_the_patent_type_from_the_number_and_links_several_holders(
        sample, run_import):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    job = run_import(sample("patents.csv"), "patents.patent")
    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert Patent.objects.get(title="一种汽车制动钳支架").type == "utility_model"
    assert Patent.objects.get(title="一种酱菜低盐腌制工艺").holder_enterprises.count() == 2


def test_it_refuses_an_award_record_that_is_already_in_the_registry(
        sample, run_import, governor_session_10):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    first = run_import(sample("award_records.csv"), "awards.awardrecord")
    assert first.status == ImportStatus.SUCCEEDED, first.errors
    assert AwardRecord.objects.filter(session=governor_session_10).count() == 2
    assert AwardRecord.objects.get(tier="winner").person.name == "王建华"

    again = run_import(sample("award_records.csv"), "awards.awardrecord")

    assert again.status == ImportStatus.FAILED
    assert sorted(errors_by_row(again)) == [2, 3]
    assert errors_by_row(again)[2][0][0] == "等次"
    assert AwardRecord.objects.count() == 2


def test_it_names_an_unknown_session(sample, run_import):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    job = run_import(sample("award_records.csv"), "awards.awardrecord")
    assert job.status == ImportStatus.FAILED
    assert errors_by_row(job)[2][0][0] == "届次"


def test_it_imports_pledges_gi_products_and_provincial_figures(sample, run_import):
    run_import(sample("enterprises.csv"), "registry.enterprise")
    run_import(sample("patents.csv"), "patents.patent")

    jobs = [run_import(sample("patent_pledges.csv"), "patents.patentpledge"),
            run_import(sample("gi_products.csv"), "registry.giproduct"),
            run_import(sample("provincial_figures.csv"), "registry.provincialfigure")]

    assert [job.status for job in jobs] == ["succeeded"] * 3, [job.errors for job in jobs]
    pledge = PatentPledge.objects.get()
    assert pledge.amount == 30_000_000 and pledge.patents.count() == 1
    assert GIProduct.objects.get(name="安丘大姜").divisions.get().code == "370784"
    assert ProvincialFigure.objects.get(division__code="370200").value == 14
    # Importing the figures again replaces them (the same city, key and year).
    again = run_import(sample("provincial_figures.csv"), "registry.provincialfigure")
    assert (again.created_count, again.updated_count) == (0, 3)


def test_it_creates_an_unknown_enterprise_only_when_the_row_names_it(run_import):
    content = csv_bytes([["名单", "统一社会信用代码", "品牌名称", "发布日期"],
                         ["好品山东", make_uscc("91370783MA3C00101"), "某品牌", "2024-05-10"]])

    job = run_import(("d.csv", content), "registry.designation")

    assert job.status == ImportStatus.FAILED
    [(column, message)] = errors_by_row(job)[2]
    assert column == "统一社会信用代码"
    assert "企业名称" in message and "所属区县" in message


def test_it_reports_a_missing_column(run_import):
    job = run_import(("e.csv", csv_bytes([["企业名称", "所属区县"], ["甲", "寿光市"]])),
                     "registry.enterprise")
    assert job.status == ImportStatus.FAILED
    assert job.errors == [{"row": 1, "column": "统一社会信用代码",
                           "message": "The file has no column 统一社会信用代码."}]


def test_it_checks_every_row_but_saves_nothing_when_asked_to_check_only(sample, run_import):
    job = run_import(sample("enterprises.csv"), "registry.enterprise", validate_only=True)
    assert (job.status, job.created_count) == ("succeeded", 6)
    assert not Enterprise.objects.exists()


def test_it_reads_a_csv_saved_by_a_chinese_excel(run_import):
    content = "\r\n".join([",".join(ENTERPRISE_HEADER),
                           f"寿光甲公司,{make_uscc('91370783MA3C00111')},寿光市"]).encode("gb18030")
    job = run_import(("e.csv", content), "registry.enterprise")
    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert Enterprise.objects.get().name == "寿光甲公司"


def test_it_announces_each_saved_record_after_commit(sample, run_import,
                                                    django_capture_on_commit_callbacks):
    from registry.signals import record_changed

    heard = []

    def listener(sender, instance_id, created, **kwargs):
        heard.append((sender.__name__, created))

    record_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run_import(sample("enterprises.csv"), "registry.enterprise")
            run_import(sample("good_products_shandong.xlsx"), "registry.designation")
    finally:
        record_changed.disconnect(listener)
    assert heard.count(("Enterprise", True)) == 7
    assert heard.count(("Designation", True)) == 4


def test_it_runs_a_large_file_in_a_task_and_records_its_progress(
        sample, run_import, settings, django_capture_on_commit_callbacks, eager_celery):
    settings.IMPORT_ASYNC_THRESHOLD_ROWS = 3
    with django_capture_on_commit_callbacks(execute=True):
        job = run_import(sample("enterprises.csv"), "registry.enterprise")
        assert job.status == ImportStatus.PENDING

    job.refresh_from_db()
    assert job.status == ImportStatus.SUCCEEDED
    assert (job.rows_processed, job.total_rows, job.created_count) == (6, 6, 6)
    assert job.finished_at is not None and job.payload == {}
    assert Enterprise.objects.count() == 6


def test_it_runs_a_job_only_once(sample, run_import):
    from imports.tasks import import_job_run

    job = run_import(sample("enterprises.csv"), "registry.enterprise")
    import_job_run(job.pk)  # a redelivered task finds the job finished
    job.refresh_from_db()
    assert job.created_count == 6
    assert ImportJob.objects.count() == 1


def test_it_imports_ten_thousand_enterprises_in_a_task(run_import,
                                                      django_capture_on_commit_callbacks,
                                                      eager_celery):
    rows = [ENTERPRISE_HEADER + ["行业"]]
    rows += [[f"测试批量企业{n:05d}有限公司", make_uscc(f"91370783MB{n:07d}"), "寿光市", "C35"]
             for n in range(10_000)]

    with django_capture_on_commit_callbacks(execute=True):
        job = run_import(("big.csv", csv_bytes(rows)), "registry.enterprise")

    job.refresh_from_db()
    assert job.status == ImportStatus.SUCCEEDED, job.errors[:3]
    assert job.created_count == 10_000
    assert Enterprise.objects.count() == 10_000
    assert Enterprise.history.count() == 10_000


def test_it_takes_over_a_job_whose_worker_died(sample, run_import, superuser):
    from datetime import timedelta

    from django.utils import timezone

    from core.spreadsheets import read_table
    from imports.services import import_job_run

    table = read_table(sample("enterprises.csv")[1], "enterprises.csv")
    payload = {"headers": table.headers, "rows": [[n, cells] for n, cells in table.rows]}
    fresh = ImportJob.objects.create(user=superuser, resource="registry.enterprise",
                                     file_name="a.csv", status=ImportStatus.RUNNING,
                                     started_at=timezone.now(), payload=payload, total_rows=6)
    dead = ImportJob.objects.create(user=superuser, resource="registry.enterprise",
                                    file_name="b.csv", status=ImportStatus.RUNNING,
                                    started_at=timezone.now() - timedelta(hours=2),
                                    payload=payload, total_rows=6)

    assert import_job_run(job=fresh).status == ImportStatus.RUNNING  # its worker is on it
    assert import_job_run(job=dead).status == ImportStatus.SUCCEEDED
    assert Enterprise.objects.count() == 6


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_a_large_import_and_the_job_shows_its_outcome(
        sample, superuser, settings, celery_worker_process, wait_for):
    from imports.services import import_job_create

    # The worker reads the threshold from its own settings; the file is far larger than it.
    rows = [ENTERPRISE_HEADER] + [[f"队列导入企业{n:04d}有限公司", make_uscc(f"91370783MC{n:07d}"),
                                   "寿光市"] for n in range(2_500)]
    job = import_job_create(user=superuser, resource="registry.enterprise",
                            file_name="queue.csv", content=csv_bytes(rows))
    assert job.status == ImportStatus.PENDING

    def finished():
        job.refresh_from_db()
        return job.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED)

    wait_for(finished, timeout=120)
    assert (job.status, job.created_count, job.rows_processed) == (
        ImportStatus.SUCCEEDED, 2_500, 2_500)
    assert Enterprise.objects.filter(name__startswith="队列导入企业").count() == 2_500

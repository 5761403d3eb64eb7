"""API latency against the generated data set, beside the raw SQL that answers the same question.

For each case: N requests through Django's test client, in process (no network, no web server:
what is measured is the application and the database), their p50 and p95, the SQL queries one
request runs, and the p50 of hand-written SQL returning the same answer in the same run. The
ratio API/SQL is the figure to keep low: it is what the framework, the serializers and any
needless query add to the work the database must do anyway.

    python benchmarks/api_latency.py [--requests 30]

Uses the database of DATABASE_URL and the cache of REDIS_URL, as the application would.
"""

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

AS_OF = "2024-12-16"
CITY = "370700"
COUNTY = "370783"
SEARCH = "机械"

# The divisions under a code, the code's own included (a city: its counties and zones).
SUBTREE = """WITH RECURSIVE subtree(id) AS (
    SELECT id FROM registry_division WHERE code = %s
    UNION ALL SELECT d.id FROM registry_division d JOIN subtree s ON d.parent_id = s.id)
"""
ENTERPRISE_PAGE = """
SELECT e.id, e.name, e.uscc, e.address, e.founded_on, e.legal_representative, e.is_active,
       e.source, d.id, d.code, d.name_zh, i.id, i.code, i.name_zh
FROM registry_enterprise e
JOIN registry_division d ON d.id = e.division_id
LEFT JOIN registry_industry i ON i.id = e.industry_id
"""
PATENT_PAGE = """
SELECT p.id, p.number, p.type, p.title, p.filed_on, p.granted_on, p.publication_number,
       p.status, p.status_changed_on, p.source
FROM patents_patent p
"""
TITLE_OR_NUMBER = "WHERE p.title LIKE %s OR p.number LIKE %s OR p.publication_number LIKE %s"
PATENT_HOLDERS = """
SELECT h.patent_id, e.id, e.name, e.uscc FROM patents_patent_holder_enterprises h
JOIN registry_enterprise e ON e.id = h.enterprise_id WHERE h.patent_id IN ({page})
"""
PATENT_PERSON_HOLDERS = """
SELECT h.patent_id, pe.id, pe.name FROM patents_patent_holder_persons h
JOIN registry_person pe ON pe.id = h.person_id WHERE h.patent_id IN ({page})
"""
AWARD_PAGE = """
SELECT r.id, r.tier, r.status, r.revoked_on, r.citation, r.source, s.id, s.number, s.year,
       s.announced_on, pr.id, pr.code, pr.name_zh, e.id, e.name, e.uscc, ed.code, pe.id,
       pe.name, pd.code
FROM awards_awardrecord r
JOIN awards_awardsession s ON s.id = r.session_id
JOIN awards_awardprogram pr ON pr.id = s.program_id
LEFT JOIN registry_enterprise e ON e.id = r.enterprise_id
LEFT JOIN registry_division ed ON ed.id = e.division_id
LEFT JOIN registry_person pe ON pe.id = r.person_id
LEFT JOIN registry_division pd ON pd.id = pe.division_id
"""
PATENT_IN_FORCE = """p.type = 'invention' AND p.granted_on <= %s
  AND NOT (p.status <> 'valid' AND p.status_changed_on <= %s)"""
PATENT_IN_SUBTREE = """p.id IN (
    SELECT h.patent_id FROM patents_patent_holder_enterprises h
    JOIN registry_enterprise e ON e.id = h.enterprise_id WHERE e.division_id IN ({ids})
    UNION SELECT h.patent_id FROM patents_patent_holder_persons h
    JOIN registry_person pe ON pe.id = h.person_id WHERE pe.division_id IN ({ids}))"""

# Every figure of the stats summary, one statement per kind of record (as the selectors do).
SUMMARY_SQL = [
    ("""
SELECT count(*) FILTER (WHERE pr.code = 'china_quality_award'),
       count(*) FILTER (WHERE pr.code = 'governor_quality_award'),
       count(*) FILTER (WHERE pr.code = 'governor_quality_award' AND s.number = 10
                        AND r.tier = 'winner' AND r.person_id IS NOT NULL),
       count(*) FILTER (WHERE pr.code = 'governor_quality_award' AND s.number = 10
                        AND r.tier = 'nomination' AND r.enterprise_id IS NOT NULL)
FROM awards_awardrecord r
JOIN awards_awardsession s ON s.id = r.session_id
JOIN awards_awardprogram pr ON pr.id = s.program_id
LEFT JOIN registry_enterprise e ON e.id = r.enterprise_id
LEFT JOIN registry_person pe ON pe.id = r.person_id
WHERE s.announced_on <= %s AND (r.status = 'active' OR r.revoked_on > %s)
  AND (e.division_id IN ({ids}) OR pe.division_id IN ({ids}))
""", [AS_OF, AS_OF]),
    ("""
SELECT count(*) FILTER (WHERE l.code = 'good_products_shandong'),
       count(*) FILTER (WHERE l.code = 'good_products_shandong' AND d.designated_on >= %s),
       count(DISTINCT d.enterprise_id) FILTER (WHERE l.code = 'high_end_brand_cultivation'),
       count(DISTINCT d.enterprise_id) FILTER (WHERE l.code = 'high_end_brand_cultivation'
                                               AND d.designated_on >= %s
                                               AND d.entry_kind = 'new')
FROM registry_designation d
JOIN registry_designationlist l ON l.id = d.designation_list_id
JOIN registry_enterprise e ON e.id = d.enterprise_id
WHERE d.designated_on <= %s AND (d.status = 'active' OR d.revoked_on > %s)
  AND e.division_id IN ({ids})
""", ["2024-01-01", "2024-01-01", AS_OF, AS_OF]),
    ("""
SELECT count(*) FILTER (WHERE a.level = 'gold'), count(*) FILTER (WHERE a.level = 'silver'),
       count(*) FILTER (WHERE a.level = 'excellence'),
       count(*) FILTER (WHERE a.level = 'design_excellence'),
       count(DISTINCT a.enterprise_id) FILTER (WHERE a.level = 'excellence' AND s.number = 25)
FROM patents_patentaward a
JOIN patents_patentawardsession s ON s.id = a.session_id
LEFT JOIN registry_enterprise e ON e.id = a.enterprise_id
LEFT JOIN registry_person pe ON pe.id = a.person_id
WHERE s.decided_on <= %s AND (a.status = 'active' OR a.revoked_on > %s)
  AND (e.division_id IN ({ids}) OR pe.division_id IN ({ids}))
""", [AS_OF, AS_OF]),
    ("""
SELECT count(*), count(*) FILTER (WHERE g.approved_on >= %s)
FROM registry_giproduct g
WHERE g.system = 'protected_product' AND g.approved_on <= %s
  AND (g.status = 'active' OR g.revoked_on > %s)
  AND g.id IN (SELECT giproduct_id FROM registry_giproduct_divisions
               WHERE division_id IN ({ids}))
""", ["2024-01-01", AS_OF, AS_OF]),
    (f"SELECT count(*) FROM patents_patent p WHERE {PATENT_IN_FORCE} "
     f"AND {PATENT_IN_SUBTREE}", [AS_OF, AS_OF]),
    ("""
SELECT count(*), sum(pl.amount) FROM patents_patentpledge pl
JOIN registry_enterprise e ON e.id = pl.pledgor_id
WHERE pl.registered_on <= %s AND e.division_id IN ({ids})
""", [AS_OF]),
    ("""SELECT f.key, f.value FROM registry_provincialfigure f
JOIN registry_division d ON d.id = f.division_id
WHERE f.year = 2024 AND d.level = 'city' AND d.code <> %s""", [CITY]),
]

# Honours in force today, weighted as figures.rankings does: a win 5, a nomination (or
# commendation) 3, a China Patent Award 2, a designation entry 1.
HONOURS = """honours(enterprise_id, division_id, weight) AS (
    SELECT r.enterprise_id, COALESCE(e.division_id, pe.division_id),
           CASE WHEN r.tier = 'winner' THEN 5 ELSE 3 END
    FROM awards_awardrecord r JOIN awards_awardsession s ON s.id = r.session_id
    LEFT JOIN registry_enterprise e ON e.id = r.enterprise_id
    LEFT JOIN registry_person pe ON pe.id = r.person_id
    WHERE s.announced_on <= CURRENT_DATE AND (r.status = 'active' OR r.revoked_on > CURRENT_DATE)
    UNION ALL
    SELECT d.enterprise_id, e.division_id, 1 FROM registry_designation d
    JOIN registry_enterprise e ON e.id = d.enterprise_id
    WHERE d.designated_on <= CURRENT_DATE AND (d.status = 'active' OR d.revoked_on > CURRENT_DATE)
    UNION ALL
    SELECT a.enterprise_id, COALESCE(e.division_id, pe.division_id), 2 FROM patents_patentaward a
    JOIN patents_patentawardsession s ON s.id = a.session_id
    LEFT JOIN registry_enterprise e ON e.id = a.enterprise_id
    LEFT JOIN registry_person pe ON pe.id = a.person_id
    WHERE s.decided_on <= CURRENT_DATE AND (a.status = 'active' OR a.revoked_on > CURRENT_DATE))
"""
# Per city of the province: each record counts for the city above its division.
RANKINGS_BY_DIVISION_SQL = """
WITH RECURSIVE top(id, top_id) AS (
    SELECT id, id FROM registry_division
    WHERE parent_id = (SELECT id FROM registry_division WHERE code = '370000')
    UNION ALL SELECT d.id, t.top_id FROM registry_division d JOIN top t ON d.parent_id = t.id),
""" + HONOURS + """
SELECT d.code, d.name_zh, count(*), sum(h.weight) AS score
FROM honours h JOIN top t ON t.id = h.division_id JOIN registry_division d ON d.id = t.top_id
GROUP BY d.code, d.name_zh ORDER BY score DESC, d.name_zh
"""
# Per enterprise of a city (persons' honours do not count here).
RANKINGS_BY_ENTERPRISE_SQL = "WITH " + HONOURS + """
SELECT e.id, e.uscc, e.name, d.code, d.name_zh, sum(h.weight) AS score
FROM honours h JOIN registry_enterprise e ON e.id = h.enterprise_id
JOIN registry_division d ON d.id = e.division_id
WHERE e.division_id IN ({ids})
GROUP BY e.id, e.uscc, e.name, d.code, d.name_zh ORDER BY score DESC, e.name
"""


@dataclass
class Case:
    name: str
    url: str
    sql: list[tuple[str, list]]
    clear_cache: bool = False
    # The SQL's {ids}: this division and those under it, looked up first in each timed run
    # (the tree is a few dozen rows; the application looks it up the same way).
    division: str | None = None


def _cases(enterprise_id: int, patent_id: int) -> list[Case]:
    contains = f"%{SEARCH}%"
    patent_page = "SELECT id FROM patents_patent ORDER BY number LIMIT 20"
    summary = f"/api/v1/stats/summary/?as_of={AS_OF}&division={CITY}"
    return [
        Case("enterprises: list", "/api/v1/enterprises/", [
            ("SELECT count(*) FROM registry_enterprise", []),
            (ENTERPRISE_PAGE + "ORDER BY e.uscc LIMIT 20", []),
        ]),
        Case("enterprises: detail", f"/api/v1/enterprises/{enterprise_id}/", [
            (ENTERPRISE_PAGE + "WHERE e.id = %s", [enterprise_id]),
        ]),
        Case(f"enterprises: filtered (division={COUNTY})",
             f"/api/v1/enterprises/?division={COUNTY}", [
            ("SELECT count(*) FROM registry_enterprise e WHERE e.division_id IN ({ids})", []),
            (ENTERPRISE_PAGE + "WHERE e.division_id IN ({ids}) ORDER BY e.uscc LIMIT 20", []),
        ], division=COUNTY),
        Case(f"enterprises: search ({SEARCH})", f"/api/v1/enterprises/?search={SEARCH}", [
            ("SELECT count(*) FROM registry_enterprise e WHERE e.name LIKE %s OR e.uscc LIKE %s",
             [contains, contains]),
            (ENTERPRISE_PAGE + "WHERE e.name LIKE %s OR e.uscc LIKE %s ORDER BY e.uscc LIMIT 20",
             [contains, contains]),
        ]),
        Case("patents: list", "/api/v1/patents/", [
            ("SELECT count(*) FROM patents_patent", []),
            (PATENT_PAGE + "ORDER BY p.number LIMIT 20", []),
            (PATENT_HOLDERS.format(page=patent_page), []),
            (PATENT_PERSON_HOLDERS.format(page=patent_page), []),
        ]),
        Case("patents: detail", f"/api/v1/patents/{patent_id}/", [
            (PATENT_PAGE + "WHERE p.id = %s", [patent_id]),
            (PATENT_HOLDERS.format(page="%s"), [patent_id]),
            (PATENT_PERSON_HOLDERS.format(page="%s"), [patent_id]),
        ]),
        Case(f"patents: filtered (valid inventions, division={COUNTY})",
             f"/api/v1/patents/?type=invention&status=valid&division={COUNTY}", [
            ("SELECT count(*) FROM patents_patent p WHERE p.type = 'invention' "
             f"AND p.status = 'valid' AND {PATENT_IN_SUBTREE}", []),
            (PATENT_PAGE + "WHERE p.type = 'invention' AND p.status = 'valid' "
                           f"AND {PATENT_IN_SUBTREE} ORDER BY p.number LIMIT 20", []),
        ], division=COUNTY),
        Case("patents: search (传感器)", "/api/v1/patents/?search=传感器", [
            ("SELECT count(*) FROM patents_patent p " + TITLE_OR_NUMBER, ["%传感器%"] * 3),
            (PATENT_PAGE + TITLE_OR_NUMBER + " ORDER BY p.number LIMIT 20", ["%传感器%"] * 3),
        ]),
        Case("awards: list", "/api/v1/awards/", [
            ("SELECT count(*) FROM awards_awardrecord", []),
            (AWARD_PAGE + "ORDER BY s.announced_on DESC, r.id LIMIT 20", []),
        ]),
        Case("awards: filtered (governor, winners)",
             "/api/v1/awards/?program=governor_quality_award&tier=winner", [
            ("SELECT count(*) FROM awards_awardrecord r JOIN awards_awardsession s "
             "ON s.id = r.session_id JOIN awards_awardprogram pr ON pr.id = s.program_id "
             "WHERE pr.code = 'governor_quality_award' AND r.tier = 'winner'", []),
            (AWARD_PAGE + "WHERE pr.code = 'governor_quality_award' AND r.tier = 'winner' "
                          "ORDER BY s.announced_on DESC, r.id LIMIT 20", []),
        ]),
        Case("stats summary, cold", summary, SUMMARY_SQL, clear_cache=True, division=CITY),
        Case("stats summary, cached", summary, SUMMARY_SQL, division=CITY),
        Case("rankings by division (the 16 cities), cold",
             "/api/v1/stats/rankings/?by=division&division=370000",
             [(RANKINGS_BY_DIVISION_SQL, [])], clear_cache=True),
        Case(f"rankings by enterprise (division={CITY}), cold",
             f"/api/v1/stats/rankings/?by=enterprise&division={CITY}",
             [(RANKINGS_BY_ENTERPRISE_SQL, [])], clear_cache=True, division=CITY),
    ]


def _ratio(value: float) -> str:
    return f"{value:.1f}" if value >= 1 else f"{value:.3f}".rstrip("0")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _run_sql(case: Case) -> list[list[tuple]]:
    from django.db import connection

    results = []
    with connection.cursor() as cursor:
        ids = ""
        if case.division:
            cursor.execute(SUBTREE + "SELECT id FROM subtree", [case.division])
            ids = ", ".join(str(int(pk)) for pk, in cursor.fetchall())
        for sql, params in case.sql:
            cursor.execute(sql.replace("{ids}", ids), params)
            results.append(cursor.fetchall())
    return results


def _summary_from_sql(results) -> dict:
    (awards,), (designations,), (patent_awards,), (gi,), (patents,), (pledges,), _ = results
    keys = ["china_quality_award.total", "governor_quality_award.total",
            "governor_quality_award.session_10.individual_winners",
            "governor_quality_award.session_10.enterprise_nominations",
            "good_products_shandong.total", "good_products_shandong.new",
            "high_end_brand_cultivation.total", "high_end_brand_cultivation.new",
            "china_patent_award.gold", "china_patent_award.silver",
            "china_patent_award.excellence", "china_patent_award.design_excellence",
            "china_patent_award.session_25.excellence_enterprises", "gi_products.total",
            "gi_products.new", "valid_invention_patents.total", "patent_pledges.count"]
    return dict(zip(keys, (*awards, *designations, *patent_awards, *gi, *patents, pledges[0]),
                    strict=True))


def same_answer(case: Case, data: dict, results) -> bool:
    """Whether the raw SQL found what the API returned: the count of a list, the figures of the
    summary, the scores of a ranking; a detail, the same row."""
    if "results" in data and "weights" in data:
        # A ranking returns its best `limit` rows: each must score as the SQL says, and they
        # must be the SQL's best.
        api = {row.get("code") or row.get("uscc"): row["score"] for row in data["results"]
               if row["score"]}
        sql = {row[0] if len(row) == 4 else row[1]: row[-1] for row in results[0]}
        best = sorted(sql.values(), reverse=True)[:len(api)]
        return all(sql.get(key) == score for key, score in api.items()) and \
            sorted(api.values(), reverse=True) == best
    if "count" in data:
        return data["count"] == results[0][0][0]
    if "values" in data:
        return all(float(data["values"][key]) == float(value)
                   for key, value in _summary_from_sql(results).items())
    return data.get("id") == results[0][0][0]


def measure(case: Case, client, requests: int) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        if case.clear_cache:
            cache.clear()
        started = time.perf_counter()
        response = client.get(case.url, secure=True, HTTP_ACCEPT="application/json")
        return time.perf_counter() - started, response

    _, response = get()  # warm-up: connection, imports, the first cache fill
    if response.status_code != 200:
        return {"status": response.status_code}
    if case.clear_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get(case.url, secure=True, HTTP_ACCEPT="application/json")
    # Read now: the next request's request_started signal empties the connection's query log.
    queries = len(captured.captured_queries)
    timings = [get()[0] for _ in range(requests)]
    same = same_answer(case, response.json(), _run_sql(case))  # also the SQL's warm-up
    sql_timings = []
    for _ in range(requests):
        started = time.perf_counter()
        _run_sql(case)
        sql_timings.append(time.perf_counter() - started)
    p50, sql_p50 = statistics.median(timings), statistics.median(sql_timings)
    return {"status": 200, "p50": p50 * 1000, "p95": _percentile(timings, 0.95) * 1000,
            "queries": queries, "sql": sql_p50 * 1000,
            "ratio": p50 / sql_p50 if sql_p50 else float("nan"), "same": same}


def machine() -> list[str]:
    import platform

    import django
    from django.db import connection

    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("\n")[0].split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB memory"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = f"{connection.vendor} {connection.Database.sqlite_version}"
    return [f"{os.cpu_count()} CPUs{memory}, {platform.system()} {platform.release()}",
            f"{database}, Python {platform.python_version()}, Django {django.get_version()}"]


def data_set() -> str:
    from awards.models import AwardRecord
    from patents.models import Patent
    from registry.models import Enterprise

    return (f"{Enterprise.objects.count():,} enterprises, {Patent.objects.count():,} patents, "
            f"{AwardRecord.objects.count():,} award records")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="Requests per case.")
    parser.add_argument("--only", default="",
                        help="Run only the cases whose name contains this text.")
    parser.add_argument("--scale", type=float, default=None,
                        help="Accepted for benchmarks/run.py; the data set is whatever the "
                             "database holds.")
    args = parser.parse_args(argv)
    setup_django()

    from django.test import Client

    from patents.models import Patent
    from registry.models import Enterprise

    enterprise = Enterprise.objects.order_by("uscc")[Enterprise.objects.count() // 2]
    patent = Patent.objects.order_by("number")[Patent.objects.count() // 2]
    client = Client()
    print("## API latency")
    print()
    for line in machine():
        print(f"- {line}")
    print(f"- {data_set()}; {args.requests} requests per case, in process (Django test client)")
    print()
    print("| case | p50 ms | p95 ms | queries/request | raw SQL ms | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    differing = []
    for case in _cases(enterprise.pk, patent.pk):
        if args.only not in case.name:
            continue
        result = measure(case, client, args.requests)
        if result["status"] != 200:
            print(f"| {case.name} | HTTP {result['status']} | | | | |")
            continue
        if not result["same"]:
            differing.append(case.name)
        print(f"| {case.name} | {result['p50']:.1f} | {result['p95']:.1f} | {result['queries']} "
              f"| {result['sql']:.1f} | {_ratio(result['ratio'])} |", flush=True)
    print()
    if differing:
        print("The raw SQL answered differently from the API for: " + "; ".join(differing))
        return 1
    print("The raw SQL found the same answer as the API in every case.")
    return 0


def setup_django() -> None:
    """Standalone: the project on the path, production-like settings (DEBUG off, so no query
    log and no debug toolbar costs), limits raised so the benchmark is not throttled."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not os.environ.get("DJANGO_SECRET_KEY") and os.environ.get("DJANGO_DEBUG", "0") == "0":
        import secrets

        os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    os.environ.setdefault("API_ANONYMOUS_RATE", "1000000/minute")
    import django

    django.setup()


if __name__ == "__main__":
    sys.exit(main())

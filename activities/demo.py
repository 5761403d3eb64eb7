"""The activities' part of the demo data set: "quality loan" credit, on-site help and manuals,
characteristic products, exhibitions and IP protection cases for Weifang's demo enterprises and
divisions, and the other cities' published patent-transfer figures for 2024.

As of 2024-12-16 for Weifang (370700): 92 enterprises given credit totalling
14,530,000,000.00 yuan (eight of them with a second credit line), 82 enterprises helped on site
(six visited twice), 11 enterprises given a manual, 1,318 characteristic products, 20
exhibitions, 61 adjudication cases of which 14 with a ruling issued (one more ruling follows in
2025), 153 enforcement cases and 128 unlicensed agency acts. Records dated 2025 make "as of
today" differ; one record of each kind belongs to another city and never counts for Weifang.
Every name, bank, title and case number is synthetic, marked 演示/demo. Deterministic and
idempotent: records are looked up by their natural key before they are created.
"""

from datetime import date, timedelta
from decimal import Decimal

from activities.models import (
    CaseKind,
    CaseSubject,
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    ProductKind,
    SupportKind,
    SupportVisit,
)
from activities.services import (
    characteristic_products_bulk_create,
    credit_line_create,
    enforcement_case_create,
    exhibition_create,
    support_visit_create,
)
from registry.demo import DEMO_SOURCE, OUTSIDE_USCC, SYNTHETIC_DIVISIONS
from registry.models import Division, Enterprise
from registry.services import provincial_figure_set

SEED_DATE = date(2024, 12, 16)
OUTSIDE_DIVISION = "370100"
BANKS = ["示例银行潍坊分行甲(演示)", "示例银行潍坊分行乙(演示)", "示例农商银行(演示)",
         "示例城商银行(演示)"]
CREDIT_PRODUCT = "质量贷"
CREDIT_TOTAL_2024 = Decimal("14530000000.00")
CREDIT_ENTERPRISES_2024 = 92


def _day(year: int, i: int, *, last: date | None = None) -> date:
    """A deterministic day of `year`, spread over the year, never after `last`."""
    day = date(year, 1, 8) + timedelta(days=(i * 37) % 330)
    return min(day, last) if last else day


def credit_lines():
    """(enterprise position, bank, amount, granted on). Positions index the Weifang demo
    enterprises ordered by USCC; "outside" is the other city's enterprise.

    100 lines to 92 enterprises up to the seed date (positions 0-91; 0-7 have a second line),
    their amounts adding up to 14.53 billion yuan; three more in 2025."""
    rows = []
    for i in range(100):
        position = i if i < CREDIT_ENTERPRISES_2024 else i - CREDIT_ENTERPRISES_2024
        amount = Decimal(45_000_000 + (i * 7 % 20) * 10_000_000)
        rows.append([position, BANKS[i % 4], amount,
                     min(date(2020 + i % 5, 1 + i % 12, 1 + i % 28), SEED_DATE)])
    rows[-1][2] = CREDIT_TOTAL_2024 - sum(row[2] for row in rows[:-1])
    rows = [tuple(row) for row in rows]
    rows += [(92 + i, BANKS[i], Decimal(80_000_000 + i * 5_000_000), date(2025, 3 + i, 12))
             for i in range(3)]
    rows.append(("outside", BANKS[0], Decimal("50000000.00"), date(2024, 6, 3)))
    return rows


def support_visits():
    """(enterprise position, kind, date). Up to the seed date: 82 enterprises helped on site
    (positions 100-181; 100-105 twice), 11 given a manual (100-110); 2025: 4 more helped on
    site and 2 more manuals."""
    rows = [(100 + i, SupportKind.ON_SITE_HELP, _day(2024, i, last=SEED_DATE))
            for i in range(82)]
    rows += [(100 + i, SupportKind.ON_SITE_HELP, _day(2023, i)) for i in range(6)]
    rows += [(100 + i, SupportKind.POLICY_MANUAL, date(2024, 9, 10 + i)) for i in range(11)]
    rows += [(182 + i, SupportKind.ON_SITE_HELP, date(2025, 4, 7 + i)) for i in range(4)]
    rows += [(111 + i, SupportKind.POLICY_MANUAL, date(2025, 6, 3 + i)) for i in range(2)]
    rows.append(("outside", SupportKind.ON_SITE_HELP, date(2024, 5, 20)))
    return rows


PRODUCT_KINDS = list(ProductKind)
PRODUCTS_2024 = 1318
PRODUCTS_2025 = 12


def characteristic_products():
    """(name, kind, enterprise position or None, division code, recognised on): 1,318 up to
    the seed date (every third of an enterprise), 12 in 2025, one of another city."""
    rows = []
    for i in range(PRODUCTS_2024 + PRODUCTS_2025):
        year = 2022 + i % 3 if i < PRODUCTS_2024 else 2025
        recognised_on = _day(year, i, last=SEED_DATE if year == 2024 else None)
        position = i % 200 if i % 3 == 0 else None
        rows.append((f"示例特色产品{i + 1:04d}(演示)", PRODUCT_KINDS[i % len(PRODUCT_KINDS)],
                     position, SYNTHETIC_DIVISIONS[i % len(SYNTHETIC_DIVISIONS)],
                     recognised_on))
    rows.append(("示例济南特色产品(演示)", ProductKind.HANDICRAFT, None, OUTSIDE_DIVISION,
                 date(2024, 4, 2)))
    return rows


def exhibitions():
    """(title, held on, venue, division code): 20 in 2024 up to the seed date, 2 in 2025, one
    in another city."""
    rows = [(f"示例特色产品展第{i + 1:02d}场(演示)", date(2024, 1 + i * 11 // 20, 5 + i % 20),
             f"示例展馆{i % 5 + 1}(演示)", SYNTHETIC_DIVISIONS[i % len(SYNTHETIC_DIVISIONS)])
            for i in range(20)]
    rows += [(f"示例特色产品展2025第{i + 1:02d}场(演示)", date(2025, 5 + i, 18),
              "示例展馆1(演示)", SYNTHETIC_DIVISIONS[i]) for i in range(2)]
    rows.append(("示例济南特色产品展(演示)", date(2024, 7, 9), "示例济南展馆(演示)",
                 OUTSIDE_DIVISION))
    return rows


CASE_PREFIXES = {CaseKind.ADJUDICATION: "裁", CaseKind.ENFORCEMENT: "罚",
                 CaseKind.UNLICENSED_AGENCY: "代"}
# kind -> (cases up to the seed date, cases in 2025)
CASE_COUNTS = {CaseKind.ADJUDICATION: (61, 3), CaseKind.ENFORCEMENT: (153, 5),
               CaseKind.UNLICENSED_AGENCY: (128, 4)}
RULINGS_2024 = 14


def enforcement_cases():
    """(case number, kind, subject, opened on, closed on, ruling issued on, division code).

    Up to the seed date: 61 adjudications (the first 14 with a ruling issued in 2024, the
    15th with its ruling only in 2025), 153 enforcement cases, 128 unlicensed agency acts;
    a few of each kind opened in 2025; one case of another city."""
    rows = []
    for kind, (count, later) in CASE_COUNTS.items():
        prefix = CASE_PREFIXES[kind]
        for i in range(count + later):
            year = 2024 if i < count else 2025
            opened_on = _day(year, i, last=date(2024, 11, 30) if year == 2024 else None)
            closed_on = opened_on + timedelta(days=45) if i % 4 != 3 and year == 2024 else None
            ruling = None
            if kind == CaseKind.ADJUDICATION and year == 2024:
                if i < RULINGS_2024:
                    ruling = min(opened_on + timedelta(days=30), SEED_DATE)
                elif i == RULINGS_2024:
                    ruling = date(2025, 1, 20)
            subject = (CaseSubject.TRADEMARK if kind == CaseKind.ENFORCEMENT and i % 3 == 0
                       else CaseSubject.PATENT)
            rows.append((f"潍市监知{prefix}〔{year}〕{i + 1:03d}号(演示)", kind, subject,
                         opened_on, min(closed_on, SEED_DATE) if closed_on else None, ruling,
                         SYNTHETIC_DIVISIONS[i % len(SYNTHETIC_DIVISIONS)]))
    rows.append(("济市监知罚〔2024〕001号(演示)", CaseKind.ENFORCEMENT, CaseSubject.PATENT,
                 date(2024, 3, 4), None, None, OUTSIDE_DIVISION))
    return rows


# Weifang's own value is computed (3,112): two cities above it make it 3rd.
OTHER_CITIES_2024 = {
    "patent_transfers.total": {
        "370100": 5230, "370200": 6120, "370300": 1840, "370400": 420, "370500": 960,
        "370600": 2870, "370800": 1150, "370900": 680, "371000": 890, "371100": 390,
        "371300": 1020, "371400": 610, "371500": 470, "371600": 730, "371700": 560},
}


def _enterprise_at(weifang: list[Enterprise], outside: Enterprise, position):
    return outside if position == "outside" else weifang[position]


def _load_credit(weifang, outside, stdout) -> None:
    existing = set(CreditLine.objects.values_list("enterprise_id", "bank", "product",
                                                  "granted_on"))
    created = 0
    for position, bank, amount, granted_on in credit_lines():
        enterprise = _enterprise_at(weifang, outside, position)
        if (enterprise.pk, bank, CREDIT_PRODUCT, granted_on) in existing:
            continue
        credit_line_create(enterprise=enterprise, bank=bank, product=CREDIT_PRODUCT,
                           amount=amount, granted_on=granted_on, source=DEMO_SOURCE)
        created += 1
    stdout.write(f"activities: {created} credit lines created")


def _load_support(weifang, outside, stdout) -> None:
    existing = set(SupportVisit.objects.values_list("enterprise_id", "kind", "visited_on"))
    created = 0
    for position, kind, visited_on in support_visits():
        enterprise = _enterprise_at(weifang, outside, position)
        if (enterprise.pk, kind, visited_on) in existing:
            continue
        support_visit_create(enterprise=enterprise, kind=kind, visited_on=visited_on,
                             notes="演示记录(demo)", source=DEMO_SOURCE)
        created += 1
    stdout.write(f"activities: {created} support visits created")


def _load_products(weifang, divisions, stdout) -> None:
    existing = set(CharacteristicProduct.objects.values_list("name", "kind"))
    products = []
    for name, kind, position, code, recognised_on in characteristic_products():
        if (name, kind) in existing:
            continue
        enterprise = weifang[position] if position is not None else None
        division = divisions[code] if enterprise is None else enterprise.division
        products.append(CharacteristicProduct(name=name, kind=kind, enterprise=enterprise,
                                              division=division, recognised_on=recognised_on,
                                              source=DEMO_SOURCE))
    if products:
        characteristic_products_bulk_create(products=products)
    stdout.write(f"activities: {len(products)} characteristic products created")


def _load_exhibitions(divisions, stdout) -> None:
    existing = set(Exhibition.objects.values_list("title", "held_on"))
    created = 0
    for title, held_on, venue, code in exhibitions():
        if (title, held_on) in existing:
            continue
        exhibition_create(title=title, held_on=held_on, venue=venue, division=divisions[code],
                          source=DEMO_SOURCE)
        created += 1
    stdout.write(f"activities: {created} exhibitions created")


def _load_cases(divisions, stdout) -> None:
    existing = set(EnforcementCase.objects.values_list("case_number", flat=True))
    created = 0
    for number, kind, subject, opened_on, closed_on, ruling, code in enforcement_cases():
        if number in existing:
            continue
        enforcement_case_create(case_number=number, kind=kind, subject=subject,
                                opened_on=opened_on, closed_on=closed_on,
                                ruling_issued_on=ruling, division=divisions[code],
                                outcome="演示:结案情况从略(demo)" if closed_on else "",
                                source=DEMO_SOURCE)
        created += 1
    stdout.write(f"activities: {created} IP protection cases created")


def _load_provincial_figures(divisions, stdout) -> None:
    for key, values in OTHER_CITIES_2024.items():
        for code, value in values.items():
            provincial_figure_set(division=divisions[code], key=key, year=2024, value=value,
                                  source="demo data: synthetic values, not published figures")
    stdout.write(f"activities: provincial figures for {len(OTHER_CITIES_2024)} keys set")


def load(stdout):
    divisions = {d.code: d for d in Division.objects.all()}
    # The Weifang demo enterprises in a fixed order (the real ones and another city's excluded).
    weifang = list(Enterprise.objects.select_related("division")
                   .filter(source=DEMO_SOURCE, division__code__in=SYNTHETIC_DIVISIONS,
                           name__startswith="示例")
                   .order_by("uscc"))
    outside = Enterprise.objects.get(uscc=OUTSIDE_USCC)
    _load_credit(weifang, outside, stdout)
    _load_support(weifang, outside, stdout)
    _load_products(weifang, divisions, stdout)
    _load_exhibitions(divisions, stdout)
    _load_cases(divisions, stdout)
    _load_provincial_figures(divisions, stdout)

"""The registry's part of the demo data set: enterprises across Weifang's divisions, individual
awardees, "Good Products Shandong" and high-end brand cultivation entries, GI products and the
other cities' published figures for 2024.

Deterministic (no randomness) and idempotent (every record is looked up by its natural key
before it is created). Names are plainly synthetic ("示例…(演示)") except where a real
enterprise's or product's public facts are used. Together with awards/demo.py and
patents/demo.py it reproduces every figure of the press release of 16 December 2024 for Weifang
(370700); records dated in 2025 make "as of today" differ from that date.
"""

from datetime import date

from core.validators import make_uscc
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
    Person,
    RecordStatus,
)
from registry.services import (
    designation_create,
    enterprise_create,
    gi_product_create,
    person_create,
    provincial_figure_set,
)

DEMO_SOURCE = "demo data"

# (name, 17-character USCC body, division code, industry code)
REAL_ENTERPRISES = [
    ("潍柴动力股份有限公司", "91370700745659220", "370705", "C36"),
    ("天瑞重工有限公司", "91370700MA3C41112", "370790", "C34"),
]
WEICHAI_USCC = make_uscc(REAL_ENTERPRISES[0][1])
TIANRUI_USCC = make_uscc(REAL_ENTERPRISES[1][1])
SYNTHETIC_DIVISIONS = ["370702", "370703", "370704", "370705", "370724", "370725", "370781",
                       "370782", "370783", "370784", "370785", "370786", "370790", "370772",
                       "370791", "370792"]
SYNTHETIC_INDUSTRIES = ["C13", "C14", "C17", "C26", "C27", "C34", "C35", "C36", "C38", "C39",
                        "A", "F", "I", "M"]
SYNTHETIC_ENTERPRISE_COUNT = 300
# One enterprise of another city: its records must never count for Weifang.
OUTSIDE_ENTERPRISE = ("示例济南企业有限公司(演示)", "91370100MA0000001", "370100", "C34")


def synthetic_enterprises(count: int):
    """(name, uscc, division code, industry code) for `count` plainly synthetic enterprises."""
    for i in range(count):
        division = SYNTHETIC_DIVISIONS[i % len(SYNTHETIC_DIVISIONS)]
        industry = SYNTHETIC_INDUSTRIES[(i * 7) % len(SYNTHETIC_INDUSTRIES)]
        body = f"91{division}MA{i:07d}"[:17].ljust(17, "0")
        yield (f"示例企业{i + 1:03d}有限公司(演示)", make_uscc(body), division, industry)


def synthetic_usccs() -> list[str]:
    """The synthetic enterprises' USCCs in demo order: other apps' demos pick holders by
    position in this list."""
    return [uscc for _, uscc, _, _ in synthetic_enterprises(SYNTHETIC_ENTERPRISE_COUNT)]


OUTSIDE_USCC = make_uscc(OUTSIDE_ENTERPRISE[1])

# Individual awardees (no ID numbers in the demo): (name, division code, employer position in
# the synthetic enterprises).
PERSONS = [
    ("示例个人甲(演示)", "370783", 3),
    ("示例个人乙(演示)", "370702", 17),
    ("示例个人丙(演示)", "370790", 29),
    ("示例个人丁(演示)", "370785", 41),
    ("示例个人戊(演示)", "370781", 53),
    ("示例发明人己(演示)", "370705", 65),
    ("示例发明人庚(演示)", "370784", 77),
]


def demo_persons() -> dict[str, Person]:
    """The demo's individual awardees by name."""
    return {p.name: p for p in Person.objects.filter(source=DEMO_SOURCE)}


def _load_enterprises(divisions, stdout) -> None:
    industries = {i.code: i for i in Industry.objects.all()}
    rows = [(name, make_uscc(body), div, ind) for name, body, div, ind in REAL_ENTERPRISES]
    rows += list(synthetic_enterprises(SYNTHETIC_ENTERPRISE_COUNT))
    name, body, div, ind = OUTSIDE_ENTERPRISE
    rows.append((name, make_uscc(body), div, ind))
    existing = set(Enterprise.objects.values_list("uscc", flat=True))
    created = 0
    for name, uscc, division, industry in rows:
        if uscc not in existing:
            enterprise_create(name=name, uscc=uscc, division=divisions[division],
                              industry=industries[industry], source=DEMO_SOURCE)
            created += 1
    stdout.write(f"registry: {created} enterprises created, {len(rows)} in the demo set")


def _load_persons(divisions, enterprises) -> None:
    existing = set(Person.objects.filter(source=DEMO_SOURCE).values_list("name", flat=True))
    usccs = synthetic_usccs()
    for name, division, employer in PERSONS:
        if name not in existing:
            person_create(name=name, division=divisions[division],
                          employer=enterprises[usccs[employer]], source=DEMO_SOURCE)


# --- Designations -----------------------------------------------------------------------------

GOOD_PRODUCTS_BATCHES = {1: date(2022, 3, 2), 2: date(2023, 4, 20), 3: date(2024, 5, 10),
                         4: date(2025, 5, 16)}
GOOD_PRODUCTS_CATEGORIES = ["制造业", "农产品", "食品", "服务业", "消费品"]
HIGH_END_DATES = {2022: date(2022, 7, 15), 2023: date(2023, 7, 20), 2024: date(2024, 8, 22),
                  2025: date(2025, 8, 15)}
HIGH_END_SECTORS = ["高端装备", "食品农业", "化工医药", "纺织服装", "电子信息", "现代服务"]


def good_products_entries():
    """(position in the synthetic enterprises, brand, batch, revoked_on or None).

    As of 2024-12-16: batch 1 has 25 entries in force (one more revoked in 2023), batch 2 has
    20 (one of them revoked only in 2025, so it still counts), batch 3 has 11 (one more revoked
    in October 2024): 56 in total, 11 new in 2024. Batch 4 (2025) adds 9."""
    entries = []
    position = 0

    def add(batch, count, revoked_on=None):
        nonlocal position
        for _ in range(count):
            entries.append((position, f"示例品牌{position + 1:03d}(演示)", batch, revoked_on))
            position += 1

    add(1, 25)
    add(1, 1, date(2023, 8, 15))
    add(2, 19)
    add(2, 1, date(2025, 3, 1))
    add(3, 10)
    add(3, 1, date(2024, 10, 8))
    add(4, 9)
    # Batch 3's 11th brand is a second brand of the first enterprise: brands count, not
    # enterprises.
    entries.append((0, "示例品牌001-二(演示)", 3, None))
    return entries


def high_end_entries():
    """(position in the synthetic enterprises, year, entry kind, revoked_on or None).

    120 enterprises new in 2022, 60 in 2023 (one revoked in 2024), 43 in 2024 (one revoked in
    September 2024), 15 in 2025; some listed again as continuing in later years. As of
    2024-12-16: 221 distinct enterprises, 42 new in 2024."""
    offset = 40  # overlap the "Good Products Shandong" holders in part
    entries = []
    new_ranges = {2022: (0, 120), 2023: (120, 180), 2024: (180, 223), 2025: (223, 238)}
    revoked = {179: date(2024, 6, 30), 222: date(2024, 9, 30)}
    for year, (start, stop) in new_ranges.items():
        for h in range(start, stop):
            entries.append((offset + h, year, EntryKind.NEW, revoked.get(h)))
    for year, stop in {2023: 80, 2024: 100, 2025: 60}.items():
        for h in range(stop):
            entries.append((offset + h, year, EntryKind.CONTINUING, None))
    return entries


def _load_designations(enterprises, stdout) -> None:
    lists = {dl.code: dl for dl in DesignationList.objects.all()}
    good, high_end = lists["good_products_shandong"], lists["high_end_brand_cultivation"]
    usccs = synthetic_usccs()
    existing = set(Designation.objects.values_list("designation_list_id", "enterprise_id",
                                                   "brand", "year"))
    wanted = []
    for position, brand, batch, revoked_on in good_products_entries():
        designated_on = GOOD_PRODUCTS_BATCHES[batch]
        wanted.append(dict(designation_list=good, enterprise=enterprises[usccs[position]],
                           brand=brand, batch=batch, year=designated_on.year,
                           designated_on=designated_on,
                           category=GOOD_PRODUCTS_CATEGORIES[position % 5],
                           revoked_on=revoked_on))
    wanted.append(dict(designation_list=good, enterprise=enterprises[OUTSIDE_USCC],
                       brand="示例济南品牌(演示)", batch=3, year=2024,
                       designated_on=GOOD_PRODUCTS_BATCHES[3], category="制造业", revoked_on=None))
    for position, year, kind, revoked_on in high_end_entries():
        wanted.append(dict(designation_list=high_end, enterprise=enterprises[usccs[position]],
                           brand="", batch=None, year=year, designated_on=HIGH_END_DATES[year],
                           entry_kind=kind, sector=HIGH_END_SECTORS[position % 6],
                           revoked_on=revoked_on))
    wanted.append(dict(designation_list=high_end, enterprise=enterprises[OUTSIDE_USCC], brand="",
                       batch=None, year=2024, designated_on=HIGH_END_DATES[2024],
                       entry_kind=EntryKind.NEW, sector="高端装备", revoked_on=None))
    created = 0
    for fields in wanted:
        key = (fields["designation_list"].pk, fields["enterprise"].pk, fields["brand"],
               fields["year"])
        if key in existing:
            continue
        revoked_on = fields.pop("revoked_on")
        if revoked_on:
            fields.update(status=RecordStatus.REVOKED, revoked_on=revoked_on,
                          revoke_reason="演示:撤销(demo)")
        designation_create(source=DEMO_SOURCE, **fields)
        created += 1
    stdout.write(f"registry: {created} designations created")


# --- Geographic indications -------------------------------------------------------------------

# (name, category, division codes, approved on, revoked on). The four named products are
# Weifang's real GI protected products; their approval dates here are illustrative except
# 安丘大姜 (2006). The others are synthetic.
REAL_GI_PRODUCTS = [
    ("安丘大姜", GICategory.VEGETABLE, ["370784"], date(2006, 12, 31)),
    ("潍县萝卜", GICategory.VEGETABLE, ["370703", "370702"], date(2008, 6, 30)),
    ("青州蜜桃", GICategory.FRUIT, ["370781"], date(2009, 9, 30)),
    ("昌邑丝绸", GICategory.HANDICRAFT, ["370786"], date(2011, 5, 31)),
]
GI_CATEGORIES = [GICategory.VEGETABLE, GICategory.FRUIT, GICategory.FOOD, GICategory.GRAIN,
                 GICategory.MEDICINAL, GICategory.LIVESTOCK, GICategory.HANDICRAFT]
GI_DIVISIONS = ["370724", "370725", "370781", "370782", "370783", "370784", "370785", "370786",
                "370703", "370704", "370791", "370772"]


def gi_products():
    """(name, system, category, division codes, approved on, revoked on) of every demo GI.

    As of 2024-12-16: 11 protected products approved before 2024 and 28 in 2024 are in force
    (39, 28 new); one approved in 2013 was revoked in 2021, one approved in 2024 was revoked in
    November 2024; one is approved in 2025. GI trademarks, agricultural GIs and a product of
    another city do not count."""
    rows = [(name, GISystem.PROTECTED_PRODUCT, category, divisions, approved, None)
            for name, category, divisions, approved in REAL_GI_PRODUCTS]
    for i in range(7):
        rows.append((f"示例地标产品{i + 1:02d}(演示)", GISystem.PROTECTED_PRODUCT,
                     GI_CATEGORIES[i % 7], [GI_DIVISIONS[i % 12]], date(2012 + i, 10, 15), None))
    announcements_2024 = [date(2024, 2, 28), date(2024, 6, 18), date(2024, 9, 26),
                          date(2024, 12, 10)]
    for i in range(28):
        divisions = [GI_DIVISIONS[(i + 3) % 12]]
        if i == 5:
            divisions.append("370100")  # a protected area across two cities counts once
        if i == 6:
            divisions.append("370783")
        rows.append((f"示例地标产品{i + 8:02d}(演示)", GISystem.PROTECTED_PRODUCT,
                     GI_CATEGORIES[i % 7], divisions, announcements_2024[i % 4], None))
    rows += [
        ("示例地标产品撤销甲(演示)", GISystem.PROTECTED_PRODUCT, GICategory.FRUIT, ["370724"],
         date(2013, 4, 1), date(2021, 3, 1)),
        ("示例地标产品撤销乙(演示)", GISystem.PROTECTED_PRODUCT, GICategory.FOOD, ["370725"],
         date(2024, 2, 28), date(2024, 11, 5)),
        ("示例地标产品2025(演示)", GISystem.PROTECTED_PRODUCT, GICategory.VEGETABLE, ["370782"],
         date(2025, 6, 20), None),
        ("示例青岛地标产品(演示)", GISystem.PROTECTED_PRODUCT, GICategory.LIVESTOCK, ["370200"],
         date(2024, 6, 18), None),
        ("示例地标商标甲(演示)", GISystem.TRADEMARK, GICategory.VEGETABLE, ["370783"],
         date(2015, 8, 1), None),
        ("示例地标商标乙(演示)", GISystem.TRADEMARK, GICategory.FRUIT, ["370781"],
         date(2024, 3, 1), None),
        ("示例农产品地标甲(演示)", GISystem.AGRICULTURAL, GICategory.GRAIN, ["370785"],
         date(2016, 9, 1), None),
        ("示例农产品地标乙(演示)", GISystem.AGRICULTURAL, GICategory.VEGETABLE, ["370784"],
         date(2024, 7, 1), None),
    ]
    return rows


def _load_gi_products(divisions, stdout) -> None:
    existing = set(GIProduct.objects.values_list("name", "system"))
    created = 0
    for name, system, category, codes, approved_on, revoked_on in gi_products():
        if (name, system) in existing:
            continue
        revocation = ({"status": RecordStatus.REVOKED, "revoked_on": revoked_on,
                       "revoke_reason": "演示:撤销(demo)"} if revoked_on else {})
        gi_product_create(name=name, system=system, category=category,
                          divisions=[divisions[code] for code in codes], approved_on=approved_on,
                          announcement_number=f"演示公告{approved_on:%Y%m%d}(demo)",
                          approval_authority="国家知识产权局", source=DEMO_SOURCE, **revocation)
        created += 1
    stdout.write(f"registry: {created} GI products created")


# --- Other cities' published figures (synthetic values, for the provincial ranks) --------------

# Weifang's own values are computed: 11, 42, 39 and 27650, ranked 2nd, 3rd, 2nd and 3rd.
OTHER_CITIES_2024 = {
    "good_products_shandong.new": {
        "370100": 14, "370200": 11, "370300": 9, "370400": 4, "370500": 6, "370600": 10,
        "370800": 8, "370900": 5, "371000": 7, "371100": 3, "371300": 9, "371400": 5,
        "371500": 4, "371600": 6, "371700": 5},
    "high_end_brand_cultivation.new": {
        "370100": 48, "370200": 55, "370300": 36, "370400": 15, "370500": 22, "370600": 40,
        "370800": 30, "370900": 18, "371000": 25, "371100": 12, "371300": 33, "371400": 20,
        "371500": 16, "371600": 21, "371700": 19},
    "gi_products.total": {
        "370100": 21, "370200": 18, "370300": 15, "370400": 9, "370500": 11, "370600": 42,
        "370800": 25, "370900": 17, "371000": 14, "371100": 10, "371300": 30, "371400": 16,
        "371500": 19, "371600": 13, "371700": 22},
    "valid_invention_patents.total": {
        "370100": 68500, "370200": 72400, "370300": 16800, "370400": 3900, "370500": 9700,
        "370600": 25300, "370800": 10200, "370900": 7100, "371000": 9800, "371100": 3600,
        "371300": 8900, "371400": 6200, "371500": 4800, "371600": 6900, "371700": 5400},
}


def _load_provincial_figures(divisions, stdout) -> None:
    for key, values in OTHER_CITIES_2024.items():
        for code, value in values.items():
            provincial_figure_set(division=divisions[code], key=key, year=2024, value=value,
                                  source="demo data: synthetic values, not published figures")
    stdout.write(f"registry: provincial figures for {len(OTHER_CITIES_2024)} keys set")


def load(stdout):
    divisions = {d.code: d for d in Division.objects.all()}
    _load_enterprises(divisions, stdout)
    enterprises = {e.uscc: e for e in Enterprise.objects.all()}
    _load_persons(divisions, enterprises)
    _load_designations(enterprises, stdout)
    _load_gi_products(divisions, stdout)
    _load_provincial_figures(divisions, stdout)

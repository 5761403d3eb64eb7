"""The patents' part of the demo data set: about 34,000 patents, China Patent Award sessions and
awards, pledge registrations, patent pools and transfers.

As of 2024-12-16 for Weifang: 27,650 valid invention patents (lapsed, invalidated and expired
inventions, utility models, designs, pending applications, inventions granted in 2025 and those
of another city's holders do not count); China Patent Awards cumulative gold 4 / silver 3 /
excellence 50 / design excellence 2, 8 enterprises with an excellence award in the 25th session;
267 pledge registrations for 4,207,000,000.00 yuan; 3 patent pools with 65 member enterprises
and 6,200 core patents; 3,112 transfers.

The patents are inserted as plain rows and the transfers bulk-created (no history and no
announcement: nothing listens for them, and one save per row would make loading take minutes);
awards, pledges and pools go through the services. Deterministic and idempotent.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import connections, router
from django.utils import timezone

from core.validators import make_patent_number
from patents.models import (
    Patent,
    PatentAward,
    PatentAwardLevel,
    PatentAwardSession,
    PatentPledge,
    PatentPool,
    PatentStatus,
    PatentTransfer,
    PatentType,
    TransferKind,
)
from patents.services import (
    patent_award_create,
    patent_award_session_create,
    patent_pledge_create,
    patent_pool_create,
)
from registry.demo import (
    DEMO_SOURCE,
    OUTSIDE_USCC,
    TIANRUI_USCC,
    WEICHAI_USCC,
    demo_persons,
    synthetic_usccs,
)
from registry.models import Enterprise, RecordStatus

SEED_DATE = date(2024, 12, 16)
TYPE_DIGITS = {PatentType.INVENTION: "1", PatentType.UTILITY_MODEL: "2", PatentType.DESIGN: "3"}
TITLES = {
    PatentType.INVENTION: ["一种发动机燃油喷射控制方法(演示)", "一种磁悬浮轴承控制系统(演示)",
                           "一种医药中间体的合成方法(演示)", "一种蔬菜保鲜加工工艺(演示)",
                           "一种高强度纺织纤维及其制备方法(演示)", "一种电机驱动控制装置(演示)"],
    PatentType.UTILITY_MODEL: ["一种农机传动结构(演示)", "一种化工反应釜搅拌装置(演示)",
                               "一种包装输送装置(演示)"],
    PatentType.DESIGN: ["发动机外壳(演示)", "包装盒(演示)", "风机(演示)"],
}


@dataclass(frozen=True)
class PatentGroup:
    """`count` demo patents of one kind: type, grant window, status and holders."""

    name: str
    count: int
    type: str
    granted_from: date | None  # None: a pending application
    granted_to: date | None
    status: str = PatentStatus.VALID
    status_changed_from: date | None = None
    status_changed_to: date | None = None
    holders: str = "weifang"  # weifang, two_weifang, weifang_and_outside, person, outside


# 27,480 + 150 + 20 = 27,650 valid inventions as of 2024-12-16 for Weifang.
PATENT_GROUPS = [
    PatentGroup("valid", 27230, PatentType.INVENTION, date(2012, 1, 4), SEED_DATE),
    PatentGroup("valid, two holders of the city", 150, PatentType.INVENTION, date(2014, 3, 4),
                date(2024, 11, 29), holders="two_weifang"),
    PatentGroup("valid, held with another city", 100, PatentType.INVENTION, date(2015, 5, 6),
                date(2024, 10, 15), holders="weifang_and_outside"),
    PatentGroup("lapsed after the seed date", 150, PatentType.INVENTION, date(2013, 2, 5),
                date(2020, 6, 30), PatentStatus.LAPSED, date(2025, 1, 10), date(2025, 11, 20)),
    PatentGroup("valid, held by persons", 20, PatentType.INVENTION, date(2016, 4, 12),
                date(2024, 9, 24), holders="person"),
    PatentGroup("lapsed", 1200, PatentType.INVENTION, date(2012, 1, 4), date(2021, 12, 28),
                PatentStatus.LAPSED, date(2015, 3, 1), date(2024, 12, 16)),
    PatentGroup("invalidated", 40, PatentType.INVENTION, date(2013, 1, 8), date(2022, 6, 30),
                PatentStatus.INVALIDATED, date(2016, 5, 1), date(2024, 8, 30)),
    PatentGroup("expired", 10, PatentType.INVENTION, date(2012, 1, 4), date(2012, 6, 30),
                PatentStatus.EXPIRED, date(2024, 1, 5), date(2024, 6, 30)),
    PatentGroup("utility models", 3000, PatentType.UTILITY_MODEL, date(2012, 1, 4), SEED_DATE),
    PatentGroup("designs", 600, PatentType.DESIGN, date(2012, 1, 4), SEED_DATE),
    PatentGroup("granted in 2025", 700, PatentType.INVENTION, date(2025, 1, 3),
                date(2025, 12, 30)),
    PatentGroup("pending applications", 300, PatentType.INVENTION, None, None),
    PatentGroup("another city's", 200, PatentType.INVENTION, date(2012, 1, 4), SEED_DATE,
                holders="outside"),
]
INVENTORS = ["示例发明人己(演示)", "示例发明人庚(演示)"]


def _spread(start: date, end: date, i: int, count: int) -> date:
    """The i-th of `count` dates spread evenly from start to end (both included)."""
    span = (end - start).days
    return start + timedelta(days=span * i // max(count - 1, 1))


def demo_patents():
    """(number, type, title, filed_on, granted_on, status, status_changed_on, holders) for
    every demo patent, holders being a tuple of ("enterprise", position) with position an index
    into the Weifang holders (潍柴动力, 天瑞重工, then the synthetic enterprises), or
    ("outside", 0) or ("person", name)."""
    serial = others = 0
    for group in PATENT_GROUPS:
        for i in range(group.count):
            serial += 1
            if group.granted_from:
                granted_on = _spread(group.granted_from, group.granted_to, i, group.count)
                filed_on = granted_on - timedelta(days=420 + (serial * 37) % 900)
            else:
                granted_on, filed_on = None, date(2023, 1, 2) + timedelta(days=i % 700)
            changed_on = (_spread(group.status_changed_from, group.status_changed_to, i,
                                  group.count) if group.status_changed_from else None)
            if changed_on and changed_on <= granted_on:
                changed_on = granted_on + timedelta(days=30)
            digits = f"{filed_on.year}{TYPE_DIGITS[group.type]}{5000000 + serial:07d}"
            # Weifang holders: 潍柴动力 holds about one in ten, 天瑞重工 one in twenty.
            if serial % 10 == 0:
                position = 0
            elif serial % 20 == 1:
                position = 1
            else:
                others += 1
                position = 2 + (others * 7919) % 300
            holders = {
                "weifang": (("enterprise", position),),
                "two_weifang": (("enterprise", position), ("enterprise", 2 + (position + 1) % 300)),
                "weifang_and_outside": (("enterprise", position), ("outside", 0)),
                "person": (("person", INVENTORS[i % 2]),),
                "outside": (("outside", 0),),
            }[group.holders]
            titles = TITLES[group.type]
            yield (make_patent_number(digits), group.type, titles[serial % len(titles)],
                   filed_on, granted_on, group.status, changed_on, holders)


def _weifang_holders(enterprises) -> list[Enterprise]:
    return [enterprises[WEICHAI_USCC], enterprises[TIANRUI_USCC]] + [
        enterprises[uscc] for uscc in synthetic_usccs()]


def _insert(model, rows: list[dict]) -> None:
    """INSERT plain rows of `model` with one executemany. Django's bulk_create spends most of
    its time compiling 34,000 model instances; the values here are already clean."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in rows[0]]
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)))
    params = [[field.get_db_prep_save(row[field.name], connection) for field in fields]
              for row in rows]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 5000):
            cursor.executemany(sql, params[start:start + 5000])


def _load_patents(enterprises, persons, stdout) -> None:
    existing = set(Patent.objects.filter(source=DEMO_SOURCE).values_list("number", flat=True))
    now = timezone.now()
    holders_of = {}
    new = []
    for number, type_, title, filed_on, granted_on, status, changed_on, holders in demo_patents():
        if number in existing:
            continue
        new.append({"number": number, "type": type_, "title": title, "filed_on": filed_on,
                    "granted_on": granted_on, "publication_number": "", "status": status,
                    "status_changed_on": changed_on, "source": DEMO_SOURCE,
                    "created_at": now, "updated_at": now})
        holders_of[number] = holders
    _insert(Patent, new)
    ids = dict(Patent.objects.filter(source=DEMO_SOURCE).values_list("number", "pk"))
    weifang = _weifang_holders(enterprises)
    outside = enterprises[OUTSIDE_USCC]
    enterprise_rows, person_rows = [], []
    for number, holders in holders_of.items():
        for kind, ref in holders:
            if kind == "person":
                person_rows.append({"patent": ids[number], "person": persons[ref].pk})
            else:
                enterprise = weifang[ref] if kind == "enterprise" else outside
                enterprise_rows.append({"patent": ids[number], "enterprise": enterprise.pk})
    _insert(Patent.holder_enterprises.through, enterprise_rows)
    _insert(Patent.holder_persons.through, person_rows)
    stdout.write(f"patents: {len(new)} patents created")


# --- China Patent Awards ------------------------------------------------------------------

# Session number -> decision date. The 24th was decided on 2023-07-21; the other dates are
# illustrative. The 26th (2025) makes "as of today" differ from the seed date.
AWARD_SESSIONS = {n: date(1999 + n, 7, 21 if n == 24 else 19) for n in range(14, 27)}
GOLD, SILVER = PatentAwardLevel.GOLD, PatentAwardLevel.SILVER
EXCELLENCE, DESIGN_EXCELLENCE = PatentAwardLevel.EXCELLENCE, PatentAwardLevel.DESIGN_EXCELLENCE


def patent_awards():
    """(session number, level, awardee, revoked_on) where the awardee is ("enterprise",
    position in the Weifang holders), ("outside", 0) or ("person", name).

    As of 2024-12-16: gold 4, silver 3, excellence 50 (41 in sessions 14-24, 9 in the 25th to 8
    enterprises), design excellence 2; a revoked excellence award and another city's award do
    not count; the 26th session (2025) adds two."""
    rows = [(16, GOLD, ("enterprise", 10), None), (19, GOLD, ("enterprise", 22), None),
            (22, GOLD, ("enterprise", 34), None), (24, GOLD, ("enterprise", 46), None),
            (18, SILVER, ("enterprise", 58), None), (21, SILVER, ("enterprise", 70), None),
            (23, SILVER, ("enterprise", 82), None),
            (20, DESIGN_EXCELLENCE, ("enterprise", 94), None),
            (23, DESIGN_EXCELLENCE, ("enterprise", 106), None),
            (20, EXCELLENCE, ("person", INVENTORS[0]), None),
            (19, EXCELLENCE, ("enterprise", 130), date(2020, 3, 2)),
            (25, EXCELLENCE, ("outside", 0), None),
            (26, EXCELLENCE, ("enterprise", 150), None), (26, GOLD, ("enterprise", 152), None)]
    # 40 more excellence awards to enterprises over sessions 14-24.
    for i in range(40):
        rows.append((14 + i % 11, EXCELLENCE, ("enterprise", 3 + 5 * i), None))
    # The 25th session: 9 excellence awards to 8 enterprises (the first one has two).
    for position in [200, 200, 203, 206, 209, 212, 215, 218, 221]:
        rows.append((25, EXCELLENCE, ("enterprise", position), None))
    return rows


def _load_patent_awards(enterprises, persons, stdout) -> None:
    sessions = {s.number: s for s in PatentAwardSession.objects.all()}
    for number, decided_on in AWARD_SESSIONS.items():
        if number not in sessions:
            sessions[number] = patent_award_session_create(
                number=number, decided_on=decided_on,
                document_number=f"演示文号-中国专利奖-{number}(demo)", source=DEMO_SOURCE)
    weifang = _weifang_holders(enterprises)
    outside = enterprises[OUTSIDE_USCC]
    existing = set(PatentAward.objects.values_list("session_id", "patent_id"))
    # The awarded patent is one the awardee holds, granted before the decision, not awarded
    # before: one query for the candidates of all awardees.
    awardee_of = {}
    for number, level, (kind, ref), _revoked in patent_awards():
        if kind == "person":
            awardee_of[(number, level, kind, ref)] = persons[ref]
        else:
            awardee_of[(number, level, kind, ref)] = weifang[ref] if kind == "enterprise" \
                else outside
    candidates = {}
    through_enterprise = Patent.holder_enterprises.through.objects.filter(
        patent__source=DEMO_SOURCE, patent__granted_on__isnull=False,
        enterprise__in=[a for a in awardee_of.values() if isinstance(a, Enterprise)],
    ).values_list("enterprise_id", "patent_id", "patent__type", "patent__granted_on")
    for holder, patent_id, type_, granted_on in through_enterprise.order_by("patent__number"):
        candidates.setdefault(("enterprise", holder), []).append((patent_id, type_, granted_on))
    through_person = Patent.holder_persons.through.objects.filter(
        patent__source=DEMO_SOURCE).values_list("person_id", "patent_id", "patent__type",
                                                "patent__granted_on")
    for holder, patent_id, type_, granted_on in through_person.order_by("patent__number"):
        candidates.setdefault(("person", holder), []).append((patent_id, type_, granted_on))
    used = {patent_id for _, patent_id in existing}
    created = 0
    for number, level, (kind, ref), revoked_on in patent_awards():
        awardee = awardee_of[(number, level, kind, ref)]
        session = sessions[number]
        wanted_type = {PatentType.DESIGN} if level == DESIGN_EXCELLENCE else {
            PatentType.INVENTION}
        holder_key = ("person", awardee.pk) if kind == "person" else ("enterprise", awardee.pk)
        choice = next(
            patent_id for patent_id, type_, granted_on in candidates[holder_key]
            if type_ in wanted_type and granted_on < session.decided_on
            and (patent_id not in used or (session.pk, patent_id) in existing))
        used.add(choice)
        if (session.pk, choice) in existing:
            continue
        revocation = ({"status": RecordStatus.REVOKED, "revoked_on": revoked_on,
                       "revoke_reason": "演示:撤销(demo)"} if revoked_on else {})
        patent_award_create(session=session, level=level, patent_id=choice,
                            enterprise=awardee if kind != "person" else None,
                            person=awardee if kind == "person" else None,
                            source=DEMO_SOURCE, **revocation)
        created += 1
    stdout.write(f"patents: {created} China Patent Awards created")


# --- Pledges, pools, transfers ------------------------------------------------------------

PLEDGEES = ["示例银行潍坊分行(演示)", "示例农商银行(演示)", "示例城市商业银行潍坊分行(演示)",
            "示例股份制银行潍坊分行(演示)"]
PLEDGE_TOTAL = Decimal("4207000000.00")
PLEDGE_COUNT = 267


def pledges():
    """(registration number, pledgor position or "outside", pledgee, amount, registered_on).

    267 registrations from 2016 to 2024-12-16 summing to 4,207,000,000.00 yuan (the last, by
    潍柴动力, takes the remainder), then two in 2025 and one by another city's enterprise."""
    rows = []
    for i in range(PLEDGE_COUNT - 1):
        amount = Decimal((3 + (i * 37) % 25) * 1_000_000)
        registered_on = _spread(date(2016, 3, 1), date(2024, 12, 10), i, PLEDGE_COUNT - 1)
        rows.append((f"Y{registered_on.year}370700{i + 1:05d}", 2 + (i * 11) % 300,
                     PLEDGEES[i % 4], amount, registered_on))
    remainder = PLEDGE_TOTAL - sum(row[3] for row in rows)
    rows.append((f"Y2024370700{PLEDGE_COUNT:05d}", 0, PLEDGEES[0], remainder, SEED_DATE))
    rows.append(("Y2025370700000001", 5, PLEDGEES[1], Decimal("12000000.00"), date(2025, 3, 18)))
    rows.append(("Y2025370700000002", 1, PLEDGEES[2], Decimal("30000000.00"), date(2025, 9, 9)))
    rows.append(("Y2024370100000001", "outside", PLEDGEES[3], Decimal("8000000.00"),
                 date(2024, 6, 6)))
    return rows


def _load_pledges(enterprises, stdout) -> None:
    weifang = _weifang_holders(enterprises)
    existing = set(PatentPledge.objects.values_list("registration_number", flat=True))
    patents_of = {}
    for holder, patent_id in (Patent.holder_enterprises.through.objects
                              .filter(patent__source=DEMO_SOURCE,
                                      patent__type=PatentType.INVENTION,
                                      patent__status=PatentStatus.VALID,
                                      patent__granted_on__lte=SEED_DATE)
                              .order_by("patent__number")
                              .values_list("enterprise_id", "patent_id")):
        patents_of.setdefault(holder, [])
        if len(patents_of[holder]) < 2:
            patents_of[holder].append(patent_id)
    created = 0
    for number, position, pledgee, amount, registered_on in pledges():
        if number in existing:
            continue
        pledgor = enterprises[OUTSIDE_USCC] if position == "outside" else weifang[position]
        patent_pledge_create(registration_number=number, pledgor=pledgor, pledgee=pledgee,
                             amount=amount, registered_on=registered_on,
                             patents=patents_of.get(pledgor.pk, []), source=DEMO_SOURCE)
        created += 1
    stdout.write(f"patents: {created} pledges created")


# (name, sector, lead position, member positions, core patents, established on)
POOLS = [
    ("潍坊磁悬浮产业专利池(演示)", "磁悬浮", 1, range(1, 21), 1800, date(2023, 4, 26)),
    ("潍坊高端装备产业专利池(演示)", "高端装备", 0, [0, *range(21, 45)], 2600, date(2023, 6, 16)),
    ("潍坊医药化工产业专利池(演示)", "医药化工", 45, range(45, 65), 1800, date(2023, 9, 8)),
]


def _load_pools(enterprises, stdout) -> None:
    weifang = _weifang_holders(enterprises)
    existing = set(PatentPool.objects.values_list("name", flat=True))
    created = 0
    for name, sector, lead, members, core, established_on in POOLS:
        if name in existing:
            continue
        patent_pool_create(name=name, sector=sector, lead_enterprise=weifang[lead],
                           members=[weifang[m] for m in members], core_patent_count=core,
                           established_on=established_on, source=DEMO_SOURCE)
        created += 1
    stdout.write(f"patents: {created} patent pools created")


TRANSFER_COUNT = 3112


def _load_transfers(enterprises, stdout) -> None:
    if PatentTransfer.objects.filter(source=DEMO_SOURCE).exists():
        stdout.write("patents: 0 transfers created")
        return
    weifang = _weifang_holders(enterprises)
    granted = list(Patent.holder_enterprises.through.objects
                   .filter(patent__source=DEMO_SOURCE, patent__granted_on__lte=SEED_DATE,
                           enterprise__in=weifang)
                   .order_by("patent__number")
                   .values_list("patent_id", "enterprise_id", "patent__granted_on"))
    step = len(granted) // TRANSFER_COUNT
    transfers = []
    for i in range(TRANSFER_COUNT):
        patent_id, holder, granted_on = granted[i * step]
        licence = i % 3 == 0
        transfers.append(PatentTransfer(
            patent_id=patent_id, kind=TransferKind.LICENCE if licence else TransferKind.ASSIGNMENT,
            from_enterprise_id=holder,
            to_enterprise=weifang[2 + (i * 13) % 300] if i % 2 else None,
            to_name="" if i % 2 else f"示例受让方{i % 97 + 1:02d}(演示)",
            recorded_on=max(granted_on, date(2016, 1, 1)) + timedelta(days=90 + i % 200),
            source=DEMO_SOURCE))
    for transfer in transfers:
        transfer.recorded_on = min(transfer.recorded_on, SEED_DATE)
    PatentTransfer.objects.bulk_create(transfers, batch_size=2000)
    stdout.write(f"patents: {len(transfers)} transfers created")


def load(stdout):
    enterprises = {e.uscc: e for e in Enterprise.objects.all()}
    persons = demo_persons()
    _load_patents(enterprises, persons, stdout)
    _load_patent_awards(enterprises, persons, stdout)
    _load_pledges(enterprises, stdout)
    _load_pools(enterprises, stdout)
    _load_transfers(enterprises, stdout)

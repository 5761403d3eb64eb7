"""A deterministic, province-scale synthetic data set for the benchmarks.

Shandong's 16 cities hold the enterprises: Weifang's sit under its counties and zones, the other
cities' directly under the city division. Everything derives from one seeded random generator, so
two runs with the same sizes and seed give the same codes, names and dates (row ids follow
whatever the tables already hold).

The load skips the service layer on purpose: it writes rows in bulk (PostgreSQL COPY, or
bulk_create on other databases), sends no signals and writes no history rows. Every row carries
SOURCE, which is how `clear` finds what a previous run made.
"""

import io
import random
import time
from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from awards.models import AwardProgram, AwardRecord, AwardSession
from core.models import BaseModel
from core.validators import make_patent_number, make_uscc
from patents.models import Patent, PatentAward, PatentAwardSession, PatentPledge
from registry.models import (
    Designation,
    DesignationList,
    Division,
    Enterprise,
    GIAuthorization,
    GIProduct,
    Industry,
    Person,
)

SOURCE = "synthetic scale data set (benchmarks)"
# The last date the data set reaches: after the seed's as-of date (2024-12-16), so figures "as
# of" that date have records to leave out, and long enough ago never to be "in the future".
END = date(2025, 6, 30)
DEFAULT_SEED = 2024

# Rough economic weight of each city: the share of the province's enterprises it gets.
CITY_WEIGHTS = {
    "370100": 12, "370200": 16, "370300": 7, "370400": 4, "370500": 4, "370600": 10,
    "370700": 10, "370800": 7, "370900": 5, "371000": 4, "371100": 3, "371300": 8,
    "371400": 5, "371500": 5, "371600": 4, "371700": 6,
}
WEIFANG = "370700"

WORDS = ("鑫源", "华泰", "恒信", "盛达", "瑞丰", "金诚", "天元", "永兴", "宏达", "海纳", "润德",
         "丰泽", "嘉禾", "正阳", "汇通", "东方", "昌盛", "和顺", "德隆", "新纪元", "远航", "启明",
         "泰和", "鲁信", "齐鲁", "联合", "同创", "万通", "中科", "宇宙", "星辰", "信达", "安泰",
         "福临", "祥云", "凯旋", "博远", "晨光", "青禾", "明辉")
# (trade in the name, industry code, weight)
TRADES = (("机械", "C34", 12), ("专用设备", "C35", 8), ("食品", "C14", 7), ("农副食品", "C13", 6),
          ("纺织", "C17", 5), ("化工", "C26", 7), ("医药", "C27", 4), ("汽车零部件", "C36", 6),
          ("电气", "C38", 5), ("电子科技", "C39", 6), ("农业科技", "A", 6), ("建筑工程", "E", 6),
          ("商贸", "F", 10), ("物流", "G", 4), ("信息技术", "I", 5), ("科技服务", "M", 3))
SUFFIXES = ("有限公司", "有限公司", "股份有限公司", "集团有限公司", "有限责任公司")
ROADS = ("人民路", "胜利街", "东风街", "北海路", "健康街", "文化路", "工业园路", "经济开发区")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌"

PATENT_ADJECTIVES = ("高效", "节能", "智能", "可调节", "便携式", "自动化", "环保型", "多功能",
                     "低噪音", "耐腐蚀", "模块化", "新型")
PATENT_OBJECTS = ("柴油发动机", "蔬菜大棚", "轴承", "纺织机", "农药制剂", "阀门", "减速器",
                  "传感器", "包装盒", "药物组合物", "输送带", "磁悬浮鼓风机", "种植架", "电池模组",
                  "液压缸", "饲料", "涂料", "过滤器", "控制电路", "灯具")
INVENTION_SUFFIXES = ("及其制备方法", "的控制方法", "系统", "装置", "的生产工艺")
UTILITY_SUFFIXES = ("装置", "结构", "组件", "固定架")
KIND_CODES = {"invention": "B", "utility_model": "U", "design": "S"}
DESIGN_STYLES = ("标准型", "礼品", "一", "二", "豪华型")

GI_PRODUCTS = (("大姜", "vegetable"), ("萝卜", "vegetable"), ("大葱", "vegetable"),
               ("蜜桃", "fruit"), ("苹果", "fruit"), ("樱桃", "fruit"), ("西瓜", "fruit"),
               ("板栗", "fruit"), ("山楂", "fruit"), ("小米", "grain"), ("花生", "grain"),
               ("绿茶", "tea"), ("黑猪", "livestock"), ("草鸡", "livestock"), ("对虾", "livestock"),
               ("桔梗", "medicinal"), ("丹参", "medicinal"), ("丝绸", "handicraft"),
               ("红木嵌银", "handicraft"), ("风筝", "handicraft"), ("烧饼", "food"),
               ("老酒", "food"), ("香油", "food"), ("芋头", "vegetable"), ("韭菜", "vegetable"),
               ("金银花", "medicinal"), ("核桃", "fruit"), ("黄烟", "other"), ("蚕茧", "other"),
               ("蜂蜜", "food"))
BANKS = ("中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "潍坊银行",
         "齐鲁银行", "青岛银行", "恒丰银行", "山东省农村信用社联合社")

# (program code, session number, announced on); the tiers are each program's own.
AWARD_SESSIONS = (
    [("china_quality_award", n, d) for n, d in enumerate(
        (date(2013, 3, 28), date(2016, 3, 29), date(2018, 3, 26), date(2021, 9, 16),
         date(2024, 9, 10)), start=1)]
    + [("governor_quality_award", n, date(2024 - 2 * (10 - n), 11, 20)) for n in range(1, 11)]
    + [("mayor_quality_award", n, date(2008 + n, 12, 18)) for n in range(1, 17)]
)
# Share of the award records each program gets. The Mayor's award is Weifang's own.
PROGRAM_SHARES = {"china_quality_award": 2, "governor_quality_award": 38, "mayor_quality_award": 60}
GOOD_PRODUCTS_BATCHES = ((1, date(2022, 3, 2)), (2, date(2023, 4, 20)), (3, date(2024, 5, 10)))
HIGH_END_YEARS = {2021: date(2021, 12, 10), 2022: date(2022, 12, 9), 2023: date(2023, 12, 8),
                  2024: date(2024, 12, 6)}


@dataclass
class Sizes:
    enterprises: int = 100_000
    patents: int = 1_000_000
    awards: int = 50_000
    grants: int = 20_000
    persons: int = 5_000
    designations: int = 10_000
    gi_products: int = 400
    pledges: int = 5_000
    patent_awards: int = 2_000

    @classmethod
    def scaled(cls, scale: float | None = None, **given: int | None) -> "Sizes":
        """The full sizes times `scale`, with any size given explicitly taking precedence.
        Without a scale, the sizes not given follow the number of enterprises, if given."""
        if scale is None:
            enterprises = given.get("enterprises")
            scale = enterprises / cls.enterprises if enterprises is not None else 1.0
        values = {}
        for field in fields(cls):
            explicit = given.get(field.name)
            values[field.name] = (explicit if explicit is not None
                                  else max(int(field.default * scale), 1))
        return cls(**values)


# --- Writing rows in bulk -----------------------------------------------------------------

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(_COPY_ESCAPES)
    return str(value)


class BulkWriter:
    """Writes rows (tuples in the order of `names`, attribute names of the model's fields) with
    PostgreSQL's COPY, or bulk_create elsewhere. COPY is what makes a million patents load in
    seconds rather than minutes."""

    chunk = 20_000

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()

    def write(self, model: type[models.Model], names: list[str], rows) -> int:
        if issubclass(model, BaseModel):  # COPY bypasses auto_now: give the timestamps
            names = [*names, "created_at", "updated_at"]
            rows = (row + (self.now, self.now) for row in rows)
        if self.postgres:
            # COPY knows nothing of Django's defaults: give every other field its default
            # ("" for blank text), as bulk_create would.
            given = set(names)
            defaults = [(f.attname, f.get_default()) for f in model._meta.concrete_fields
                        if f.attname not in given and not f.primary_key]
            if defaults:
                names = [*names, *(name for name, _ in defaults)]
                extra = tuple(value for _, value in defaults)
                rows = (row + extra for row in rows)
            return self._copy(model, names, rows)
        return self._bulk_create(model, names, rows)

    def _copy(self, model, names, rows) -> int:
        columns = ", ".join(connection.ops.quote_name(model._meta.get_field(name).column)
                            for name in names)
        sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        written, lines = 0, []
        with connection.cursor() as cursor:
            for row in rows:
                lines.append("\t".join(map(_copy_text, row)))
                if len(lines) >= self.chunk:
                    written += self._copy_lines(cursor, sql, lines)
                    lines = []
            if lines:
                written += self._copy_lines(cursor, sql, lines)
        return written

    @staticmethod
    def _copy_lines(cursor, sql, lines) -> int:
        cursor.copy_expert(sql, io.StringIO("\n".join(lines) + "\n"))
        return len(lines)

    def _bulk_create(self, model, names, rows) -> int:
        written, batch = 0, []
        for row in rows:
            batch.append(model(**dict(zip(names, row, strict=True))))
            if len(batch) >= 2_000:
                model.objects.bulk_create(batch)
                written, batch = written + len(batch), []
        if batch:
            model.objects.bulk_create(batch)
            written += len(batch)
        return written


def _next_id(model) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def _reset_sequences(model_list) -> None:
    """Rows got explicit ids; move the id sequences past them (PostgreSQL only needs it)."""
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


# --- The generator -------------------------------------------------------------------------

class ScaleDataGenerator:
    def __init__(self, sizes: Sizes, *, seed: int = DEFAULT_SEED, log=print):
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.log = log
        self.writer = BulkWriter()

    def run(self) -> dict[str, int]:
        counts = {}
        with transaction.atomic():
            for step in (self.enterprises, self.persons, self.patents, self.awards,
                         self.designations, self.gi_products, self.pledges, self.patent_awards,
                         self.grants):
                started = time.monotonic()
                name, count = step()
                counts[name] = count
                self.log(f"{name}: {count} rows in {time.monotonic() - started:.1f} s")
            _reset_sequences(self._models())
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner guesses row counts from empty tables.
            with connection.cursor() as cursor:
                for model in self._models(with_through=True):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        return counts

    @staticmethod
    def _models(with_through: bool = False) -> list[type[models.Model]]:
        found = [Enterprise, Person, Patent, AwardSession, AwardRecord, Designation, GIProduct,
                 GIAuthorization, PatentPledge, PatentAwardSession, PatentAward]
        grant = _grant_model()
        if grant is not None:
            found.append(grant)
        if with_through:
            found += [Patent.holder_enterprises.through, Patent.holder_persons.through,
                      GIProduct.divisions.through, PatentPledge.patents.through]
        return found

    # Enterprises ---------------------------------------------------------------------------

    def enterprises(self):
        rng, n = self.rng, self.sizes.enterprises
        divisions = {d.code: d for d in Division.objects.all()}
        industries = dict(Industry.objects.values_list("code", "pk"))
        slots = {}
        for code in CITY_WEIGHTS:
            if code == WEIFANG:
                slots[code] = [d for d in divisions.values() if d.parent_id == divisions[code].pk]
            else:
                slots[code] = [divisions[code]]
        cities = rng.choices(list(CITY_WEIGHTS), weights=list(CITY_WEIGHTS.values()), k=n)
        trade_weights = [weight for _, _, weight in TRADES]
        self.enterprise_start = start = _next_id(Enterprise)
        self.enterprise_division = []  # division code of each generated enterprise, by index
        self.weifang_enterprises = []

        def rows():
            for i, city in enumerate(cities):
                division = rng.choice(slots[city])
                trade, industry, _ = rng.choices(TRADES, weights=trade_weights)[0]
                city_name = divisions[city].name_zh.removesuffix("市")
                name = (f"{city_name}{rng.choice(WORDS)}{rng.choice(WORDS)}{trade}"
                        f"{rng.choice(SUFFIXES)}")
                self.enterprise_division.append(division.code)
                if city == WEIFANG:
                    self.weifang_enterprises.append(i)
                place = divisions[city].name_zh + (division.name_zh if city == WEIFANG else "")
                yield (start + i, name, make_uscc(f"91{division.code}QB{i:07d}"), division.pk,
                       industries.get(industry), f"{place}{rng.choice(ROADS)}{rng.randint(1, 999)}号",
                       _day(rng, date(1985, 1, 1), date(2024, 6, 30)),
                       rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
                       "", "", rng.random() > 0.03, SOURCE)

        count = self.writer.write(Enterprise, [
            "id", "name", "uscc", "division_id", "industry_id", "address", "founded_on",
            "legal_representative", "contact_person", "contact_phone", "is_active", "source",
        ], rows())
        return "enterprises", count

    def _enterprise_id(self, index: int) -> int:
        return self.enterprise_start + index

    def persons(self):
        rng, n = self.rng, self.sizes.persons
        division_ids = dict(Division.objects.values_list("code", "pk"))
        self.person_start = start = _next_id(Person)
        self.weifang_persons = []

        def rows():
            for i in range(n):
                employer = rng.randrange(self.sizes.enterprises)
                code = self.enterprise_division[employer]
                if code.startswith("3707"):
                    self.weifang_persons.append(i)
                name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
                yield (start + i, name, self._enterprise_id(employer), division_ids[code], "", "",
                       SOURCE)

        count = self.writer.write(Person, ["id", "name", "employer_id", "division_id",
                                           "id_number", "phone", "source"], rows())
        return "persons", count

    # Patents -------------------------------------------------------------------------------

    def patents(self):
        rng, n = self.rng, self.sizes.patents
        # A few enterprises hold most patents: a Pareto weight per enterprise.
        weights = [rng.paretovariate(1.1) for _ in range(self.sizes.enterprises)]
        holders = rng.choices(range(self.sizes.enterprises), weights=weights, k=n)
        years = list(range(2004, 2025))
        filing_years = rng.choices(years, weights=[y - 2000 for y in years], k=n)
        self.patent_start = start = _next_id(Patent)
        # What the later steps need: each patent's first holder (enterprise index or None), its
        # type and grant date, and up to five patents of each enterprise (for pledges).
        self.patent_holder, self.patent_type, self.patent_granted = [], [], []
        self.holdings: dict[int, list[int]] = {}
        serials: dict[str, int] = {}
        enterprise_links, person_links = [], []

        def rows():
            for i in range(n):
                roll = rng.random()
                kind, digit = (("invention", "1") if roll < 0.35 else
                               ("utility_model", "2") if roll < 0.85 else ("design", "3"))
                if digit != "3" and rng.random() < 0.02:
                    digit = "8" if digit == "1" else "9"  # filed through the PCT route
                year = filing_years[i]
                key = f"{year}{digit}"
                serials[key] = serials.get(key, 0) + 1
                # Serials from 9,000,000 up stay clear of the real numbers in the demo data.
                number = make_patent_number(f"{key}{9_000_000 + serials[key]:07d}")
                filed = _day(rng, date(year, 1, 1), date(year, 12, 31))
                delay = {"invention": (500, 1500), "utility_model": (120, 400),
                         "design": (90, 300)}[kind]
                granted = filed + timedelta(days=rng.randint(*delay))
                if granted > END or (kind == "invention" and rng.random() < 0.3):
                    granted = None
                status, changed = "valid", None
                if granted:
                    roll = rng.random()
                    if roll < 0.22:
                        status, changed = "lapsed", granted + timedelta(days=rng.randint(365, 2200))
                    elif roll < 0.24:
                        status, changed = "invalidated", granted + timedelta(
                            days=rng.randint(100, 2000))
                    elif roll < 0.26 and year <= 2014 and kind != "invention":
                        status, changed = "expired", date(year + 10, filed.month, min(filed.day, 28))
                    if changed and changed > END:
                        status, changed = "valid", None
                if kind == "design":
                    title = f"{rng.choice(PATENT_OBJECTS)}（{rng.choice(DESIGN_STYLES)}）"
                else:
                    suffixes = INVENTION_SUFFIXES if kind == "invention" else UTILITY_SUFFIXES
                    title = (f"一种{rng.choice(PATENT_ADJECTIVES)}{rng.choice(PATENT_OBJECTS)}"
                             f"{rng.choice(suffixes)}")
                publication = f"CN{100_000_000 + i:09d}{KIND_CODES[kind]}" if granted else ""
                pk = start + i
                holder = holders[i]
                roll = rng.random()
                if roll < 0.02 and self.sizes.persons:  # held by an inventor alone
                    person_links.append((pk, self.person_start + rng.randrange(self.sizes.persons)))
                    holder = None
                else:
                    enterprise_links.append((pk, self._enterprise_id(holder)))
                    if roll > 0.92:  # a co-holder
                        other = rng.randrange(self.sizes.enterprises)
                        if other != holder:
                            enterprise_links.append((pk, self._enterprise_id(other)))
                    held = self.holdings.setdefault(holder, [])
                    if len(held) < 5:
                        held.append(pk)
                self.patent_holder.append(holder)
                self.patent_type.append(kind)
                self.patent_granted.append(granted)
                yield (pk, number, kind, title, filed, granted, publication, status, changed,
                       SOURCE)

        count = self.writer.write(Patent, [
            "id", "number", "type", "title", "filed_on", "granted_on", "publication_number",
            "status", "status_changed_on", "source",
        ], rows())
        self.writer.write(Patent.holder_enterprises.through, ["patent_id", "enterprise_id"],
                          iter(enterprise_links))
        self.writer.write(Patent.holder_persons.through, ["patent_id", "person_id"],
                          iter(person_links))
        return "patents", count

    # Awards --------------------------------------------------------------------------------

    def _award_sessions(self, model, rows, key, defaults):
        """The sessions the records go to: existing ones are reused (the demo data may hold
        them), missing ones created with SOURCE."""
        sessions = []
        for row in rows:
            session, _ = model.objects.get_or_create(**key(row), defaults=defaults(row))
            sessions.append(session)
        return sessions

    def awards(self):
        rng, n = self.rng, self.sizes.awards
        programs = {p.code: p for p in AwardProgram.objects.filter(code__in=PROGRAM_SHARES)}
        sessions = self._award_sessions(
            AwardSession, AWARD_SESSIONS,
            key=lambda row: {"program": programs[row[0]], "number": row[1]},
            defaults=lambda row: {"year": row[2].year, "announced_on": row[2], "source": SOURCE})
        groups, weights = [], []
        for session in sessions:
            code = session.program.code
            for tier in session.program.tiers:
                groups.append((session, tier))
                weights.append(PROGRAM_SHARES[code] / sum(
                    1 for s in sessions if s.program.code == code))
        every_enterprise = range(self.sizes.enterprises)
        every_person = range(self.sizes.persons)
        pools = {
            "mayor_quality_award": (self.weifang_enterprises or every_enterprise,
                                    self.weifang_persons or every_person),
        }
        taken: dict[int, set] = {}
        self.award_rows = []  # (id, enterprise id or None, person id or None, program, tier, date)
        start = _next_id(AwardRecord)

        def pick(group_index):
            session, _tier = groups[group_index]
            enterprises, persons = pools.get(session.program.code, (every_enterprise, every_person))
            used = taken.setdefault(group_index, set())
            if len(used) >= len(enterprises) + len(persons):
                return None
            while True:
                if persons and (not enterprises or rng.random() < 0.1):
                    awardee = ("p", rng.choice(persons))
                else:
                    awardee = ("e", rng.choice(enterprises))
                if awardee not in used:
                    used.add(awardee)
                    return awardee

        def rows():
            for i in range(n):
                group_index = rng.choices(range(len(groups)), weights=weights)[0]
                awardee = pick(group_index)
                while awardee is None:  # that session and tier has given everyone an award
                    group_index = (group_index + 1) % len(groups)
                    awardee = pick(group_index)
                session, tier = groups[group_index]
                enterprise = self._enterprise_id(awardee[1]) if awardee[0] == "e" else None
                person = self.person_start + awardee[1] if awardee[0] == "p" else None
                status, revoked = "active", None
                if rng.random() < 0.01:
                    status, revoked = "revoked", min(session.announced_on + timedelta(days=200), END)
                self.award_rows.append((start + i, enterprise, person, session.program.code, tier,
                                        session.announced_on))
                yield (start + i, session.pk, tier, enterprise, person, "", status, revoked, "",
                       SOURCE)

        count = self.writer.write(AwardRecord, [
            "id", "session_id", "tier", "enterprise_id", "person_id", "citation", "status",
            "revoked_on", "revoke_reason", "source",
        ], rows())
        return "award records", count

    # Designations, GI products, pledges, China Patent Awards -------------------------------

    def designations(self):
        rng, n = self.rng, self.sizes.designations
        lists = dict(DesignationList.objects.values_list("code", "pk"))
        good, high_end = lists["good_products_shandong"], lists["high_end_brand_cultivation"]
        start = _next_id(Designation)
        order = list(range(self.sizes.enterprises))
        rng.shuffle(order)

        def rows():
            made = 0
            # Two in five entries are "Good Products Shandong" brands, the rest the high-end
            # list, where an enterprise stays on from its first year with a chance each year.
            for enterprise in order[: max(n * 2 // 5, 1)]:
                if made >= n:
                    return
                batch, listed = rng.choice(GOOD_PRODUCTS_BATCHES)
                status, revoked = ("revoked", listed + timedelta(days=300)) if rng.random() < 0.01 \
                    else ("active", None)
                yield (start + made, good, self._enterprise_id(enterprise),
                       f"{rng.choice(WORDS)}牌{rng.choice(PATENT_OBJECTS)}", "制造业", "", batch,
                       listed.year, listed, "new", status, revoked, "", SOURCE)
                made += 1
            for enterprise in order[max(n * 2 // 5, 1):]:
                first = rng.choice(list(HIGH_END_YEARS))
                for year in range(first, 2025):
                    if made >= n or (year > first and rng.random() < 0.3):
                        break
                    yield (start + made, high_end, self._enterprise_id(enterprise), "", "",
                           rng.choice(("装备制造", "食品", "纺织服装", "化工", "医药")), None, year,
                           HIGH_END_YEARS[year], "new" if year == first else "continuing",
                           "active", None, "", SOURCE)
                    made += 1
                if made >= n:
                    return

        count = self.writer.write(Designation, [
            "id", "designation_list_id", "enterprise_id", "brand", "category", "sector", "batch",
            "year", "designated_on", "entry_kind", "status", "revoked_on", "revoke_reason",
            "source",
        ], rows())
        return "designations", count

    def gi_products(self):
        rng, n = self.rng, self.sizes.gi_products
        divisions = list(Division.objects.filter(
            level="county", parent__code=WEIFANG).order_by("code")) + list(
            Division.objects.filter(level="city").exclude(code=WEIFANG).order_by("code"))
        existing = set(GIProduct.objects.values_list("name", flat=True))
        candidates = [(division, product, category) for division in divisions
                      for product, category in GI_PRODUCTS
                      if division.name_zh[:2] + product not in existing]
        chosen = rng.sample(candidates, min(n, len(candidates)))
        start = _next_id(GIProduct)
        by_city: dict[str, list[int]] = {}
        for index, code in enumerate(self.enterprise_division):
            by_city.setdefault(code[:4], []).append(index)
        product_rows, area_rows, authorisation_rows = [], [], []
        for i, (division, product, category) in enumerate(chosen):
            approved = _day(rng, date(2005, 1, 1), date(2024, 11, 30))
            product_rows.append((start + i, division.name_zh[:2] + product, "protected_product",
                                 category, f"{division.name_zh}部分乡镇", "国家知识产权局",
                                 f"国家知识产权局公告第{rng.randint(100, 600)}号", approved,
                                 f"{division.name_zh}{product}产业协会", "", "", "active", None, "",
                                 SOURCE))
            area_rows.append((start + i, division.pk))
            local = by_city.get(division.code[:4], [])
            for enterprise in rng.sample(local, min(len(local), rng.randint(0, 5))):
                authorisation_rows.append((start + i, self._enterprise_id(enterprise),
                                           min(approved + timedelta(days=rng.randint(30, 900)),
                                               END), "", None, SOURCE))
        count = self.writer.write(GIProduct, [
            "id", "name", "system", "category", "protected_area", "approval_authority",
            "announcement_number", "approved_on", "applicant", "quality_requirements",
            "testing_body", "status", "revoked_on", "revoke_reason", "source",
        ], iter(product_rows))
        self.writer.write(GIProduct.divisions.through, ["giproduct_id", "division_id"],
                          iter(area_rows))
        self.writer.write(GIAuthorization, ["product_id", "enterprise_id", "approved_on",
                                            "announcement_number", "revoked_on", "source"],
                          iter(authorisation_rows))
        return "GI products", count

    def pledges(self):
        rng, n = self.rng, self.sizes.pledges
        pledgors = list(self.holdings) or list(range(self.sizes.enterprises))
        start = _next_id(PatentPledge)
        pledge_rows, links = [], []
        for i in range(n):
            pledgor = rng.choice(pledgors)
            registered = _day(rng, date(2015, 1, 1), date(2024, 12, 31))
            released = registered + timedelta(days=rng.randint(365, 1100))
            pledge_rows.append((start + i, f"Y{registered.year}37{i:07d}", self._enterprise_id(
                pledgor), rng.choice(BANKS), Decimal(rng.randint(10, 50_000) * 10_000),
                registered, released if rng.random() < 0.4 and released <= END else None, SOURCE))
            held = self.holdings.get(pledgor, [])
            for patent in rng.sample(held, min(len(held), rng.randint(1, 3))):
                links.append((start + i, patent))
        count = self.writer.write(PatentPledge, [
            "id", "registration_number", "pledgor_id", "pledgee", "amount", "registered_on",
            "released_on", "source"], iter(pledge_rows))
        self.writer.write(PatentPledge.patents.through, ["patentpledge_id", "patent_id"],
                          iter(links))
        return "patent pledges", count

    def patent_awards(self):
        rng, n = self.rng, self.sizes.patent_awards
        decided = {24: date(2023, 7, 21)}
        sessions = self._award_sessions(
            PatentAwardSession, list(range(16, 26)),
            key=lambda number: {"number": number},
            defaults=lambda number: {"decided_on": decided.get(number, date(1999 + number, 7, 15)),
                                     "source": SOURCE})
        granted = [i for i, day in enumerate(self.patent_granted)
                   if day and day.year < 2024 and self.patent_holder[i] is not None]
        start = _next_id(PatentAward)
        rows = []
        for i, patent in enumerate(rng.sample(granted, min(n, len(granted)))):
            grant_year = self.patent_granted[patent].year
            session = rng.choice([s for s in sessions if s.decided_on.year > grant_year])
            if self.patent_type[patent] == "design":
                level = rng.choices(("design_gold", "design_silver", "design_excellence"),
                                    weights=(5, 10, 85))[0]
            else:
                level = rng.choices(("gold", "silver", "excellence"), weights=(3, 7, 90))[0]
            rows.append((start + i, session.pk, level, self.patent_start + patent,
                         self._enterprise_id(self.patent_holder[patent]), None, "active", None, "",
                         SOURCE))
        count = self.writer.write(PatentAward, [
            "id", "session_id", "level", "patent_id", "enterprise_id", "person_id", "status",
            "revoked_on", "revoke_reason", "source"], iter(rows))
        return "China Patent Awards", count

    # Grants --------------------------------------------------------------------------------

    def grants(self):
        grant = _grant_model()
        if grant is None:
            return "subsidy grants (no subsidies models yet)", 0
        return "subsidy grants", write_grants(self, grant)


def _grant_model():
    try:
        return apps.get_model("subsidies", "SubsidyGrant")
    except LookupError:
        return None


# (program, tier) -> yuan a grant pays; the Mayor's and China Quality Award amounts are the
# seed's, the others are in the same range.
GRANT_AMOUNTS = {
    ("china_quality_award", "winner"): 1_000_000, ("china_quality_award", "nomination"): 300_000,
    ("governor_quality_award", "winner"): 500_000,
    ("governor_quality_award", "nomination"): 200_000,
    ("mayor_quality_award", "winner"): 500_000, ("mayor_quality_award", "nomination"): 100_000,
}


def write_grants(generator: ScaleDataGenerator, grant_model) -> int:
    """One grant for each of the first award records, under a synthetic policy whose rules pay
    each program and tier; proposed, approved or paid. Written directly, like everything here:
    the engine that proposes grants one record at a time is not what this data set measures."""
    from django.contrib.contenttypes.models import ContentType

    rng, n = generator.rng, generator.sizes.grants
    policy_model = grant_model._meta.get_field("rule").related_model._meta.get_field(
        "policy").related_model
    rule_model = grant_model._meta.get_field("rule").related_model
    # Paid by the province, so that every generated award record qualifies.
    paying = {"division": Division.objects.get(code="370000")} if any(
        f.name == "division" for f in policy_model._meta.fields) else {}
    policy = policy_model.objects.create(title="质量奖励资助办法（基准测试合成数据）",
                                         effective_from=date(2009, 1, 1), source=SOURCE,
                                         **paying)
    programs = {p.code: p for p in AwardProgram.objects.filter(code__in=PROGRAM_SHARES)}
    rules = {key: rule_model.objects.create(
        policy=policy, title=f"{programs[key[0]].name_zh} {key[1]}", trigger="award",
        award_program=programs[key[0]], award_tier=key[1], amount=Decimal(amount), source=SOURCE)
        for key, amount in GRANT_AMOUNTS.items()}
    content_type = ContentType.objects.get_for_model(AwardRecord).pk
    start = _next_id(grant_model)

    def rows():
        for i, (record, enterprise, person, program, tier, day) in enumerate(
                generator.award_rows[:n]):
            rule = rules[(program, tier)]
            roll = rng.random()
            status = "paid" if roll < 0.4 else "approved" if roll < 0.7 else "proposed"
            paid_on = min(day + timedelta(days=rng.randint(60, 240)), END) if status == "paid" \
                else None
            yield (start + i, rule.pk, enterprise, person, content_type, record,
                   f"{rule.title} #{record}", day, rule.amount, day.year, status,
                   f"GK{day.year}{i:07d}" if paid_on else "", paid_on, SOURCE)

    return generator.writer.write(grant_model, [
        "id", "rule_id", "enterprise_id", "person_id", "content_type_id", "object_id",
        "record_label", "record_date", "amount", "fiscal_year", "status", "payment_reference",
        "paid_on", "source"], rows())


# --- Clearing ------------------------------------------------------------------------------

def clear() -> dict[str, int]:
    """Delete every row a previous run made (SOURCE), children before parents, with plain
    DELETE statements: the ORM's cascade collector would load a million patents into memory."""
    q = connection.ops.quote_name
    deleted = {}

    def delete(model, where="source = %s", params=(SOURCE,)):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {q(model._meta.db_table)} WHERE {where}", params)
            deleted[model._meta.verbose_name_plural] = cursor.rowcount

    def through(m2m, owner_column, owner):
        delete(m2m.through, f"{q(owner_column)} IN (SELECT id FROM {q(owner._meta.db_table)} "
                            f"WHERE source = %s)")

    with transaction.atomic():
        grant = _grant_model()
        if grant is not None:
            delete(grant)
            rule = grant._meta.get_field("rule").related_model
            delete(rule)
            delete(rule._meta.get_field("policy").related_model)
        delete(PatentAward)
        delete(PatentAwardSession, "source = %s AND id NOT IN (SELECT session_id FROM "
                                   f"{q(PatentAward._meta.db_table)})")
        through(PatentPledge.patents, "patentpledge_id", PatentPledge)
        delete(PatentPledge)
        delete(AwardRecord)
        delete(AwardSession, "source = %s AND id NOT IN (SELECT session_id FROM "
                             f"{q(AwardRecord._meta.db_table)})")
        delete(Designation)
        delete(GIAuthorization)
        through(GIProduct.divisions, "giproduct_id", GIProduct)
        delete(GIProduct)
        through(Patent.holder_enterprises, "patent_id", Patent)
        through(Patent.holder_persons, "patent_id", Patent)
        delete(Patent)
        delete(Person)
        delete(Enterprise)
    return deleted


def generated_counts() -> dict[str, int]:
    return {"enterprises": Enterprise.objects.filter(source=SOURCE).count(),
            "patents": Patent.objects.filter(source=SOURCE).count(),
            "awards": AwardRecord.objects.filter(source=SOURCE).count()}


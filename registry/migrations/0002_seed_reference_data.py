"""Shandong, its 16 cities, Weifang's 12 county-level units and 4 zones; GB/T 4754 industries;
the designation lists the registry knows from the start."""

from django.db import migrations

SHANDONG_CITIES = [
    ("370100", "济南市", "Jinan"), ("370200", "青岛市", "Qingdao"), ("370300", "淄博市", "Zibo"),
    ("370400", "枣庄市", "Zaozhuang"), ("370500", "东营市", "Dongying"),
    ("370600", "烟台市", "Yantai"), ("370700", "潍坊市", "Weifang"), ("370800", "济宁市", "Jining"),
    ("370900", "泰安市", "Tai'an"), ("371000", "威海市", "Weihai"), ("371100", "日照市", "Rizhao"),
    ("371300", "临沂市", "Linyi"), ("371400", "德州市", "Dezhou"), ("371500", "聊城市", "Liaocheng"),
    ("371600", "滨州市", "Binzhou"), ("371700", "菏泽市", "Heze"),
]
WEIFANG_COUNTIES = [
    ("370702", "潍城区", "Weicheng District"), ("370703", "寒亭区", "Hanting District"),
    ("370704", "坊子区", "Fangzi District"), ("370705", "奎文区", "Kuiwen District"),
    ("370724", "临朐县", "Linqu County"), ("370725", "昌乐县", "Changle County"),
    ("370781", "青州市", "Qingzhou"), ("370782", "诸城市", "Zhucheng"),
    ("370783", "寿光市", "Shouguang"), ("370784", "安丘市", "Anqiu"),
    ("370785", "高密市", "Gaomi"), ("370786", "昌邑市", "Changyi"),
]
# The zones have no GB/T 2260 code. Binhai has the statistics code 370772; the others get codes
# of the registry's own in the unused 3707 9x range, marked as such.
WEIFANG_ZONES = [
    ("370790", "local", "高新区", "Hi-tech Zone"),
    ("370772", "statistics", "滨海区", "Binhai Zone"),
    ("370791", "local", "峡山区", "Xiashan Zone"),
    ("370792", "local", "综合保税区", "Comprehensive Bonded Zone"),
]

INDUSTRY_SECTIONS = [
    ("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
    ("B", "采矿业", "Mining"),
    ("C", "制造业", "Manufacturing"),
    ("D", "电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply"),
    ("E", "建筑业", "Construction"),
    ("F", "批发和零售业", "Wholesale and retail trade"),
    ("G", "交通运输、仓储和邮政业", "Transport, storage and postal services"),
    ("H", "住宿和餐饮业", "Accommodation and catering"),
    ("I", "信息传输、软件和信息技术服务业", "Information transmission, software and IT services"),
    ("J", "金融业", "Finance"),
    ("K", "房地产业", "Real estate"),
    ("L", "租赁和商务服务业", "Leasing and business services"),
    ("M", "科学研究和技术服务业", "Scientific research and technical services"),
    ("N", "水利、环境和公共设施管理业",
     "Water conservancy, environment and public facilities management"),
    ("O", "居民服务、修理和其他服务业", "Resident services, repair and other services"),
    ("P", "教育", "Education"),
    ("Q", "卫生和社会工作", "Health and social work"),
    ("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
    ("S", "公共管理、社会保障和社会组织",
     "Public administration, social security and social organisations"),
    ("T", "国际组织", "International organisations"),
]
MANUFACTURING_DIVISIONS = [
    ("C13", "农副食品加工业", "Processing of agricultural and sideline food products"),
    ("C14", "食品制造业", "Food manufacturing"),
    ("C17", "纺织业", "Textiles"),
    ("C26", "化学原料和化学制品制造业", "Chemical raw materials and chemical products"),
    ("C27", "医药制造业", "Pharmaceuticals"),
    ("C34", "通用设备制造业", "General-purpose machinery"),
    ("C35", "专用设备制造业", "Special-purpose machinery"),
    ("C36", "汽车制造业", "Automobiles"),
    ("C38", "电气机械和器材制造业", "Electrical machinery and equipment"),
    ("C39", "计算机、通信和其他电子设备制造业",
     "Computers, communication and other electronic equipment"),
]

DESIGNATION_LISTS = [
    ("good_products_shandong", "好品山东", "Good Products Shandong", "provincial",
     "山东省市场监督管理局", True),
    ("high_end_brand_cultivation", "高端品牌培育企业", "High-end brand cultivation enterprises",
     "provincial", "山东省市场监督管理局", False),
    ("time_honoured_brand", "老字号", "Time-honoured brands", "national", "商务部", True),
    ("weiyou_shangpin", "潍有尚品", "Weiyou Shangpin (Weifang characteristic products)",
     "municipal", "潍坊市市场监督管理局", True),
]


def seed(apps, schema_editor):
    Division = apps.get_model("registry", "Division")
    Industry = apps.get_model("registry", "Industry")
    DesignationList = apps.get_model("registry", "DesignationList")

    source = "GB/T 2260"
    shandong, _ = Division.objects.update_or_create(
        code="370000", defaults={"name_zh": "山东省", "name_en": "Shandong", "level": "province",
                                 "source": source})
    cities = {}
    for code, zh, en in SHANDONG_CITIES:
        cities[code], _ = Division.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "level": "city",
                                 "parent": shandong, "source": source})
    weifang = cities["370700"]
    for code, zh, en in WEIFANG_COUNTIES:
        Division.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "level": "county",
                                 "parent": weifang, "source": source})
    for code, kind, zh, en in WEIFANG_ZONES:
        Division.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "level": "zone",
                                 "code_kind": kind, "parent": weifang,
                                 "source": "潍坊市统计口径" if kind == "statistics"
                                 else "registry-assigned code"})

    sections = {}
    for code, zh, en in INDUSTRY_SECTIONS:
        sections[code], _ = Industry.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en})
    for code, zh, en in MANUFACTURING_DIVISIONS:
        Industry.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "parent": sections[code[0]]})

    for code, zh, en, level, issuer, batches in DESIGNATION_LISTS:
        DesignationList.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "level": level, "issuer": issuer,
                                 "has_batches": batches})


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

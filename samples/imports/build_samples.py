"""Write the sample import files of this folder (run from the repository root:
`.venv/bin/python samples/imports/build_samples.py`). The enterprises, codes and numbers are
fictional; their check characters are computed, so they are valid where meant to be.

china_patent_awards_bad.csv holds four faulty rows on purpose: a wrong USCC check character,
a wrong patent check digit, the same award twice and an unknown district. The tests import it,
expect those four rows reported and nothing saved, then import china_patent_awards.csv.
"""

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from core.validators import make_patent_number, make_uscc  # noqa: E402

SOURCE_GPS = "山东省市场监督管理局 第三批“好品山东”品牌名单"
SOURCE_CPA = "国家知识产权局 第二十五届中国专利奖授奖决定"

ENTERPRISES = [
    # name, USCC body (17 characters), division, industry. Plainly synthetic: a sample file
    # must not credit a real enterprise with an honour it never had.
    ("寿光市绿源蔬菜科技有限公司(示例)", "91370783MA3C00011", "寿光市", "A"),
    ("潍坊鸢都动力机械股份有限公司(示例)", "91370705MA3C00022", "370705", "C34"),
    ("青州市云门食品有限公司(示例)", "91370781MA3C00033", "青州市", "C14"),
    ("诸城市恒信汽车零部件有限公司(示例)", "91370782MA3C00044", "诸城市", "C36"),
    ("安丘市姜乡农产品专业合作社(示例)", "N2370784MA3C00055", "安丘市", "A"),
    ("高密市纺华纺织有限公司(示例)", "91370785MA3C00066", "高密市", "C17"),
]


def uscc(index):
    return make_uscc(ENTERPRISES[index][1])


def patent(serial, kind="1", year="2021"):
    return make_patent_number(f"{year}{kind}{serial:07d}")


def wrong_check(number):
    right = number[-1]
    return number[:-1] + ("0" if right != "0" else "1")


def write_csv(name, header, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def main():
    write_csv("enterprises.csv",
              ["企业名称", "统一社会信用代码", "所属区县", "行业", "地址", "成立日期", "来源"],
              [(name, make_uscc(body), division, industry, "", "2012-03-15", "企业名录")
               for name, body, division, industry in ENTERPRISES])

    good_products = [
        ("好品山东", ENTERPRISES[0][0], uscc(0), "寿光市", "绿源鲜蔬", "农产品", "第三批", 2024,
         "2024-05-10", SOURCE_GPS),
        ("好品山东", ENTERPRISES[1][0], uscc(1), "奎文区", "鸢都动力", "装备制造", "第三批", 2024,
         "2024-05-10", SOURCE_GPS),
        ("好品山东", ENTERPRISES[2][0], uscc(2), "青州市", "云门酱菜", "食品", "第三批", 2024,
         "2024-05-10", SOURCE_GPS),
        # Not yet in the registry: the row's name and division add the enterprise.
        ("好品山东", "昌乐县宝石蓝工艺品有限公司(示例)", make_uscc("91370725MA3C00077"), "昌乐县",
         "宝石蓝", "工艺品", "第三批", 2024, "2024-05-10", SOURCE_GPS),
    ]
    header = ["名单", "企业名称", "统一社会信用代码", "所属区县", "品牌名称", "类别", "批次",
              "年度", "发布日期", "来源"]
    from datetime import date

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "好品山东"
    sheet.append(header)
    for row in good_products:
        row = list(row)
        row[8] = date.fromisoformat(row[8])  # a real Excel date, as the province's file has
        sheet.append(row)
    sheet.column_dimensions["C"].width = 22
    workbook.save(HERE / "good_products_shandong.xlsx")

    write_csv("award_records.csv",
              ["奖项", "届次", "等次", "企业名称", "统一社会信用代码", "获奖个人", "所属区县",
               "来源"],
              [("山东省省长质量奖", "第十届", "提名奖", ENTERPRISES[1][0], uscc(1), "", "奎文区",
                "山东省人民政府 第十届省长质量奖"),
               ("山东省省长质量奖", "10", "获奖", "", "", "王建华", "诸城市",
                "山东省人民政府 第十届省长质量奖")])

    write_csv("patents.csv",
              ["专利号", "专利类型", "专利名称", "专利权人统一社会信用代码", "申请日", "授权日",
               "法律状态", "来源"],
              [(patent(100001), "发明", "一种柴油机燃油喷射控制方法", uscc(1), "2021-03-02",
                "2023-01-10", "有效", "专利登记簿"),
               (patent(100002), "发明", "一种蔬菜保鲜包装装置及方法", uscc(0), "2021-06-18",
                "2023-04-21", "有效", "专利登记簿"),
               (patent(200003, kind="2"), "", "一种汽车制动钳支架", uscc(3), "2021-09-09",
                "2022-02-15", "有效", "专利登记簿"),
               (patent(100004), "发明", "一种酱菜低盐腌制工艺", f"{uscc(2)}；{uscc(0)}",
                "2021-11-30", "2023-08-08", "有效", "专利登记簿")])

    award_header = ["届次", "奖项等次", "专利号", "专利名称", "企业名称", "统一社会信用代码",
                    "所属区县", "来源"]
    good_awards = [
        ("25", "优秀奖", patent(100001), "一种柴油机燃油喷射控制方法", ENTERPRISES[1][0], uscc(1),
         "奎文区", SOURCE_CPA),
        ("25", "优秀奖", patent(100002), "一种蔬菜保鲜包装装置及方法", ENTERPRISES[0][0], uscc(0),
         "寿光市", SOURCE_CPA),
        ("25", "优秀奖", patent(200003, kind="2"), "一种汽车制动钳支架", ENTERPRISES[3][0],
         uscc(3), "诸城市", SOURCE_CPA),
        # Not yet in the registry: added from the row.
        ("25", "优秀奖", patent(100004), "一种酱菜低盐腌制工艺", "临朐县华泰铝业有限公司(示例)",
         make_uscc("91370724MA3C00088"), "临朐县", SOURCE_CPA),
    ]
    write_csv("china_patent_awards.csv", award_header, good_awards)
    bad = [list(row) for row in good_awards]
    bad[0][5] = wrong_check(bad[0][5])             # row 2: USCC check character
    bad[1][2] = wrong_check(bad[1][2])             # row 3: patent check digit
    bad[3][6] = "潍州区"                            # row 6 (after the insert): no such district
    bad.insert(3, list(good_awards[2]))            # row 5 repeats row 4: the same award twice
    write_csv("china_patent_awards_bad.csv", award_header, bad)

    write_csv("patent_pledges.csv",
              ["登记号", "出质人", "出质人统一社会信用代码", "所属区县", "质权人", "专利号",
               "质押金额（元）", "登记日", "来源"],
              [("Y2024370000123", ENTERPRISES[1][0], uscc(1), "奎文区", "中国工商银行潍坊分行",
                patent(100001), "30000000", "2024-06-12", "专利权质押登记公告")])

    write_csv("gi_products.csv",
              ["产品名称", "地理标志类型", "产品类别", "保护范围区县", "保护范围", "批准日期",
               "公告号", "来源"],
              [("安丘大姜", "地理标志保护产品", "蔬菜", "安丘市", "安丘市现辖行政区域",
                "2006-12-31", "2006年第218号", "原国家质检总局公告"),
               ("青州蜜桃", "地理标志保护产品", "水果", "青州市", "青州市王坟镇等",
                "2008-07-23", "2008年第88号", "原国家质检总局公告")])

    write_csv("provincial_figures.csv", ["城市", "指标", "年度", "数值", "来源"],
              [("济南市", "good_products_shandong.new", 2024, 9, "省局通报"),
               ("370200", "good_products_shandong.new", 2024, 14, "省局通报"),
               ("淄博市", "good_products_shandong.new", 2024, 6, "省局通报")])


if __name__ == "__main__":
    main()

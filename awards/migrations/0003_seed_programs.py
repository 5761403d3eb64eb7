from django.db import migrations

PROGRAMS = [
    ("china_quality_award", "中国质量奖", "China Quality Award", "national",
     "国家市场监督管理总局", ["winner", "nomination"]),
    ("governor_quality_award", "山东省省长质量奖", "Shandong Governor's Quality Award",
     "provincial", "山东省人民政府", ["winner", "nomination"]),
    ("mayor_quality_award", "潍坊市市长质量奖", "Weifang Mayor's Quality Award", "municipal",
     "潍坊市人民政府", ["winner", "nomination"]),
]


def seed(apps, schema_editor):
    AwardProgram = apps.get_model("awards", "AwardProgram")
    for code, zh, en, level, issuer, tiers in PROGRAMS:
        AwardProgram.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "level": level, "issuer": issuer,
                                 "tiers": tiers})


class Migration(migrations.Migration):
    dependencies = [("awards", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

"""Demo enterprises across Weifang's divisions: deterministic, plainly synthetic except where a
real enterprise's public facts are used. USCCs carry correct check characters."""

from core.validators import make_uscc
from registry.models import Division, Enterprise, Industry

# (name, 17-character USCC body, division code, industry code)
REAL_ENTERPRISES = [
    ("潍柴动力股份有限公司", "91370700745659220", "370705", "C36"),
    ("天瑞重工有限公司", "91370700MA3C41112", "370790", "C34"),
]
SYNTHETIC_DIVISIONS = ["370702", "370703", "370704", "370705", "370724", "370725", "370781",
                       "370782", "370783", "370784", "370785", "370786", "370790", "370772",
                       "370791", "370792"]
SYNTHETIC_INDUSTRIES = ["C13", "C14", "C17", "C26", "C27", "C34", "C35", "C36", "C38", "C39",
                        "A", "F", "I", "M"]


def synthetic_enterprises(count: int):
    """(name, uscc, division code, industry code) for `count` plainly synthetic enterprises."""
    for i in range(count):
        division = SYNTHETIC_DIVISIONS[i % len(SYNTHETIC_DIVISIONS)]
        industry = SYNTHETIC_INDUSTRIES[(i * 7) % len(SYNTHETIC_INDUSTRIES)]
        body = f"91{division}MA{i:07d}"[:17].ljust(17, "0")
        yield (f"示例企业{i + 1:03d}有限公司(演示)", make_uscc(body), division, industry)


def load(stdout):
    divisions = {d.code: d for d in Division.objects.all()}
    industries = {i.code: i for i in Industry.objects.all()}
    rows = [(name, make_uscc(body), div, ind) for name, body, div, ind in REAL_ENTERPRISES]
    rows += list(synthetic_enterprises(120))
    created = 0
    for name, uscc, division, industry in rows:
        _, was_created = Enterprise.objects.get_or_create(
            uscc=uscc,
            defaults={"name": name, "division": divisions[division],
                      "industry": industries[industry], "source": "demo data"},
        )
        created += was_created
    stdout.write(f"registry: {created} enterprises created, {len(rows)} in the demo set")

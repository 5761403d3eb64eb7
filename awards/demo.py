"""The awards' part of the demo data set: sessions of the China Quality Award, the Governor's and
the Mayor's Quality Awards, and their records for Weifang's enterprises and individuals.

As of 2024-12-16: 4 China Quality Award records (潍柴动力 won in the 3rd session, 2018, a public
fact; the other awardees are synthetic), 21 Governor's Quality Award records (the 10th session,
announced 2024-11-20, with 1 individual winner and 1 enterprise nomination from the city; one
earlier record revoked). Dates other than those two and all document numbers are illustrative,
marked as demo. Deterministic and idempotent.
"""

from datetime import date

from awards.models import AwardProgram, AwardRecord, AwardSession, Tier
from awards.services import award_record_create, award_session_create
from registry.demo import (
    DEMO_SOURCE,
    OUTSIDE_USCC,
    WEICHAI_USCC,
    demo_persons,
    synthetic_usccs,
)
from registry.models import Enterprise, RecordStatus

# program code -> {session number: announcement date}
SESSIONS = {
    "china_quality_award": {1: date(2014, 1, 20), 2: date(2016, 3, 29), 3: date(2018, 9, 18),
                            4: date(2021, 9, 16), 5: date(2023, 9, 12)},
    "governor_quality_award": {n: date(2004 + 2 * n, 11 if n == 10 else 12, 20 if n == 10 else 8)
                               for n in range(1, 11)},
    # Yearly since 2009; the 17th (2025) makes "as of today" differ from the seed date.
    "mayor_quality_award": {n: date(2008 + n, 9, 26) for n in range(1, 18)},
}

WINNER, NOMINATION = Tier.WINNER, Tier.NOMINATION


def award_records():
    """(program code, session number, tier, awardee, revoked_on) where the awardee is
    ("enterprise", USCC) or ("person", name)."""
    usccs = synthetic_usccs()

    def firm(position):
        return ("enterprise", usccs[position])

    def person(name):
        return ("person", name)

    rows = [
        # China Quality Award: 4 for Weifang, 1 for another city.
        ("china_quality_award", 2, NOMINATION, firm(101), None),
        ("china_quality_award", 3, WINNER, ("enterprise", WEICHAI_USCC), None),
        ("china_quality_award", 4, NOMINATION, firm(102), None),
        ("china_quality_award", 5, NOMINATION, person("示例个人甲(演示)"), None),
        ("china_quality_award", 5, NOMINATION, ("enterprise", OUTSIDE_USCC), None),
        # Governor's Quality Award, 10th session: 1 individual winner, 1 enterprise nomination
        # from Weifang; another city's winner does not count.
        ("governor_quality_award", 10, WINNER, person("示例个人乙(演示)"), None),
        ("governor_quality_award", 10, NOMINATION, firm(103), None),
        ("governor_quality_award", 10, WINNER, ("enterprise", OUTSIDE_USCC), None),
        # A nomination revoked in 2019: never counted after that.
        ("governor_quality_award", 6, NOMINATION, firm(125), date(2019, 5, 6)),
    ]
    # Sessions 1-9: 19 records, two a session (three in the 9th), individuals in the 4th and
    # 7th.
    position = 104
    for number in range(1, 10):
        for slot in range(3 if number == 9 else 2):
            tier = WINNER if slot == 0 else NOMINATION
            if number in (4, 7) and slot == 1:
                awardee = person("示例个人丙(演示)" if number == 4 else "示例个人丁(演示)")
            else:
                awardee = firm(position)
                position += 1
            rows.append(("governor_quality_award", number, tier, awardee, None))
    # Mayor's Quality Award: two enterprise winners, one individual and one nomination a
    # session.
    for number in SESSIONS["mayor_quality_award"]:
        rows.append(("mayor_quality_award", number, WINNER, firm(140 + 3 * number), None))
        rows.append(("mayor_quality_award", number, WINNER, firm(141 + 3 * number), None))
        rows.append(("mayor_quality_award", number, NOMINATION, firm(142 + 3 * number), None))
        if number % 3 == 0:
            rows.append(("mayor_quality_award", number, WINNER, person("示例个人戊(演示)"), None))
    return rows


def _load_sessions(programs) -> dict[tuple[str, int], AwardSession]:
    sessions = {(s.program.code, s.number): s
                for s in AwardSession.objects.select_related("program")}
    for code, numbered in SESSIONS.items():
        for number, announced_on in numbered.items():
            if (code, number) not in sessions:
                sessions[(code, number)] = award_session_create(
                    program=programs[code], number=number, year=announced_on.year,
                    announced_on=announced_on,
                    document_number=f"演示文号-{code}-{number}(demo)", source=DEMO_SOURCE)
    return sessions


def load(stdout):
    programs = {p.code: p for p in AwardProgram.objects.all()}
    sessions = _load_sessions(programs)
    enterprises = {e.uscc: e for e in Enterprise.objects.all()}
    persons = demo_persons()
    existing = set(AwardRecord.objects.values_list("session_id", "tier", "enterprise_id",
                                                   "person_id"))
    created = 0
    for code, number, tier, (kind, ref), revoked_on in award_records():
        session = sessions[(code, number)]
        enterprise = enterprises[ref] if kind == "enterprise" else None
        person = persons[ref] if kind == "person" else None
        key = (session.pk, tier, enterprise.pk if enterprise else None,
               person.pk if person else None)
        if key in existing:
            continue
        revocation = ({"status": RecordStatus.REVOKED, "revoked_on": revoked_on,
                       "revoke_reason": "演示:撤销(demo)"} if revoked_on else {})
        award_record_create(session=session, tier=tier, enterprise=enterprise, person=person,
                            source=DEMO_SOURCE, **revocation)
        created += 1
    stdout.write(f"awards: {created} award records created")

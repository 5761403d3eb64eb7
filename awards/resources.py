"""Spreadsheet import and export of award records.

"The same record" (natural key) is the database's rule: one awardee, one tier, one session:
(program, session number, tier, enterprise USCC) or, for an individual, (program, session
number, tier, name, division). A row that is already in the registry, or twice in one file,
is an error. Sessions are not created by an import: a list belongs to a session that staff
enter first (its number and announcement date are facts of their own).

An individual awardee is written in 获奖个人 with 所属区县, and matched by name within the
division (a new name adds the person); the enterprise columns are then left empty.
"""

from collections import defaultdict

from django.utils.translation import gettext as _
from import_export.fields import Field

from awards import services
from awards.models import AwardProgram, AwardRecord, AwardSession, Tier
from core.spreadsheets import ChoiceWidget, OrdinalWidget, RowInvalid, RowPlan, TextWidget
from registry.models import Person
from registry.resources import DIVISION, NAME, SOURCE, USCC, NamedWidget, RegistryResource

TIER_TERMS = {Tier.WINNER: ["获奖", "奖", "获奖者"], Tier.NOMINATION: ["提名奖", "提名"],
              Tier.COMMENDATION: ["表彰"]}
PERSON = "获奖个人"


class AwardRecordResource(RegistryResource):
    program = Field("session__program", "奖项", widget=NamedWidget())
    session = Field("session__number", "届次", widget=OrdinalWidget())
    tier = Field("tier", "等次", widget=ChoiceWidget(Tier, TIER_TERMS))
    enterprise_name = Field("enterprise__name", NAME, widget=TextWidget())
    uscc = Field("enterprise__uscc", USCC, widget=TextWidget())
    person = Field("person__name", PERSON, widget=TextWidget())
    division = Field("division", DIVISION, widget=TextWidget())
    citation = Field("citation", "事迹", widget=TextWidget())
    source = Field("source", SOURCE, widget=TextWidget())

    record_service = staticmethod(services.record_save)
    required_columns = ("奖项", "届次", "等次", USCC)

    class Meta:
        model = AwardRecord
        fields = ("program", "session", "tier", "enterprise_name", "uscc", "person", "division",
                  "citation", "source")
        export_order = fields
        import_id_fields = ("program", "session", "tier", "uscc", "person")

    def get_queryset(self):
        return AwardRecord.objects.select_related("session__program", "enterprise__division",
                                                  "person__division")

    def dehydrate_division(self, record):
        awardee = record.enterprise or record.person
        return awardee.division.name_zh if awardee else ""

    def prepare(self, rows):
        super().prepare(rows)
        self.programs = {}
        for program in AwardProgram.objects.all():
            for label in (program.code, program.name_zh, program.name_en):
                if label:
                    self.programs.setdefault(label, program)
        self.sessions = {(session.program_id, session.number): session
                         for session in AwardSession.objects.select_related("program")}
        names = {row.get(PERSON, "").strip() for row in rows} - {""}
        self.persons = defaultdict(list)
        for person in Person.objects.filter(name__in=names):
            self.persons[(person.name, person.division_id)].append(person)
        self.new_persons = {}
        self.existing = set()
        records = AwardRecord.objects.filter(enterprise__uscc__in=list(self.enterprises))
        for session_id, tier, uscc in records.values_list("session_id", "tier",
                                                          "enterprise__uscc"):
            self.existing.add((session_id, tier, uscc))
        records = AwardRecord.objects.filter(person__name__in=names)
        for session_id, tier, name, division_id in records.values_list(
                "session_id", "tier", "person__name", "person__division_id"):
            self.existing.add((session_id, tier, name, division_id))

    def usccs_in(self, row):
        return [] if row.get(PERSON, "").strip() else [row.get(USCC, "")]

    def program_from(self, text, errors):
        text = text.strip()
        program = self.programs.get(text)
        if program is None:
            # Lists often drop the province or city: 省长质量奖 for 山东省省长质量奖.
            found = {p.pk: p for label, p in self.programs.items() if text and label.endswith(text)}
            program = next(iter(found.values())) if len(found) == 1 else None
        if program is None:
            errors.append(("奖项", _("%(value)s is not a known award program (e.g. 中国质量奖).")
                           % {"value": text}))
        return program

    def build(self, values, row_number):
        errors = []
        program = self.program_from(values.get("奖项", ""), errors)
        number = self.parse(values, "session", errors)
        session = None
        if program is not None and isinstance(number, int):
            session = self.sessions.get((program.pk, number))
            if session is None:
                errors.append(("届次", _("Session %(number)s of %(program)s is not in the "
                                       "registry; add the session first.")
                               % {"number": number, "program": program.name_zh}))
        elif number is None:
            errors.append(("届次", _("This column is required.")))
        instance = AwardRecord(session=session)
        self.assign(instance, values, ("tier", "citation", "source"), errors)
        requires = {}
        person_name = values.get(PERSON, "").strip()
        key = None
        if person_name:
            person = self.person_from(person_name, values, errors)
            if person is not None:
                instance.person = person
                if person.pk is None:
                    requires["person"] = person
                key = (person.name, person.division_id)
        else:
            enterprise = self.enterprise_from(values, errors)
            if enterprise is not None:
                instance.enterprise = enterprise
                if enterprise.pk is None:
                    requires["enterprise"] = enterprise
                key = (enterprise.uscc,)
        duplicate = False
        if session is not None and instance.tier and key is not None:
            full_key = (session.pk, instance.tier, *key)
            before = len(errors)
            self.note_key(full_key, row_number, errors, "等次")
            duplicate = len(errors) > before
            if full_key in self.existing:
                duplicate = True
                errors.append(("等次", _("This awardee already has a record of this tier in this "
                                       "session.")))
        # A new awardee has no id yet, so Model.clean() would find no awardee; the row sets
        # exactly one of the two by construction.
        exclude = ["enterprise", "person"] if requires or key is None else []
        if session is None:
            exclude.append("session")
        self.full_clean(instance, errors, exclude=exclude, constraints=not duplicate)
        if errors:
            raise RowInvalid(errors)
        return RowPlan(row_number, instance, created=True, requires=requires)

    def person_from(self, name, values, errors):
        division = self.division_from(values.get(DIVISION, ""), DIVISION, errors)
        if division is None:
            return None
        self.check_scope(division, DIVISION, errors)
        found = self.persons.get((name, division.pk), [])
        if len(found) > 1:
            errors.append((PERSON, _("Several persons named %(name)s are in %(division)s; enter "
                                     "this award in the admin.")
                           % {"name": name, "division": division.name_zh}))
            return None
        if found:
            return found[0]
        person = self.new_persons.get((name, division.pk))
        if person is None:
            person = Person(name=name, division=division, source=values.get(SOURCE, ""))
            self.full_clean(person, errors, columns={"name": PERSON, "division": DIVISION})
            self.new_persons[(name, division.pk)] = person
        return person

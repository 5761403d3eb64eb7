"""Award programs, their sessions and the award records (wins and nominations)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from awards import services
from awards.filters import AwardProgramFilter, AwardRecordFilter, AwardSessionFilter
from awards.models import AwardProgram, AwardRecord, AwardSession
from awards.selectors import award_program_list, award_record_list, award_session_list
from core.viewsets import FieldsMixin, ReadOnlyRecordViewSet, RecordViewSet
from registry.api import (
    DivisionBriefSerializer,
    DivisionScopedWritesMixin,
    EnterpriseBriefSerializer,
    PersonBriefSerializer,
)


class AwardProgramBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="award-program-detail",
                                               lookup_field="code")

    class Meta:
        model = AwardProgram
        fields = ["id", "code", "name", "url"]


class AwardSessionBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="award-session-detail")

    class Meta:
        model = AwardSession
        fields = ["id", "number", "year", "announced_on", "url"]


class AwardProgramSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="award-program-detail",
                                               lookup_field="code")
    name = serializers.CharField(read_only=True)
    tiers = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = AwardProgram
        fields = ["id", "url", "code", "name", "name_zh", "name_en", "level", "issuer", "tiers",
                  "source"]


class AwardSessionSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="award-session-detail")
    program = AwardProgramBriefSerializer(read_only=True)

    class Meta:
        model = AwardSession
        fields = ["id", "url", "program", "number", "year", "announced_on", "document_number",
                  "source_url", "source"]


class AwardRecordSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="award-detail")
    program = AwardProgramBriefSerializer(source="session.program", read_only=True)
    session = AwardSessionBriefSerializer(read_only=True)
    enterprise = EnterpriseBriefSerializer(read_only=True)
    person = PersonBriefSerializer(read_only=True)
    division = serializers.SerializerMethodField()

    class Meta:
        model = AwardRecord
        fields = ["id", "url", "program", "session", "tier", "enterprise", "person", "division",
                  "citation", "status", "revoked_on", "revoke_reason", "source"]

    @extend_schema_field(DivisionBriefSerializer)
    def get_division(self, record):
        """The awardee's division (joined by the selector, no query per row)."""
        awardee = record.enterprise or record.person
        return DivisionBriefSerializer(awardee.division, context=self.context).data


class AwardRecordWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = AwardRecord
        fields = ["session", "tier", "enterprise", "person", "citation", "status", "revoked_on",
                  "revoke_reason", "source"]
        # The awardee constraints are conditional; full_clean in the service checks them and
        # names the field, as in the admin.
        validators = []


class AwardProgramViewSet(ReadOnlyRecordViewSet):
    """Award programs (China Quality Award, Governor's and Mayor's Quality Awards...), by code."""

    queryset = award_program_list()
    serializer_class = AwardProgramSerializer
    filterset_class = AwardProgramFilter
    search_fields = ["code", "name_zh", "name_en", "issuer"]
    ordering_fields = ["code", "name_zh", "level"]
    ordering = ["code"]
    lookup_field = "code"


class AwardSessionViewSet(ReadOnlyRecordViewSet):
    """Numbered sessions (届) of a program, dated by their announcement."""

    queryset = award_session_list()
    serializer_class = AwardSessionSerializer
    filterset_class = AwardSessionFilter
    search_fields = ["program__code", "program__name_zh", "document_number"]
    ordering_fields = ["announced_on", "year", "number", "program__code"]
    ordering = ["program__code", "number"]


class AwardRecordViewSet(DivisionScopedWritesMixin, RecordViewSet):
    """Wins and nominations, each of one enterprise or one person."""

    division_paths = ("enterprise__division", "person__division")
    queryset = award_record_list()
    serializer_class = AwardRecordSerializer
    write_serializer_class = AwardRecordWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = AwardRecordFilter
    search_fields = ["enterprise__name", "enterprise__uscc", "person__name", "citation",
                     "session__program__name_zh"]
    ordering_fields = ["session__announced_on", "session__year", "tier", "enterprise__name"]
    ordering = ["-session__announced_on"]

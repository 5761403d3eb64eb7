"""Patents, China Patent Awards, pledge registrations and transfers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.viewsets import FieldsMixin, ReadOnlyRecordViewSet, RecordViewSet
from patents import services
from patents.filters import (
    PatentAwardFilter,
    PatentFilter,
    PatentPledgeFilter,
    PatentTransferFilter,
)
from patents.models import Patent, PatentAward, PatentAwardSession, PatentPledge, PatentTransfer
from patents.selectors import (
    patent_award_list,
    patent_list,
    patent_pledge_list,
    patent_transfer_list,
)
from registry.api import (
    DivisionBriefSerializer,
    DivisionScopedWritesMixin,
    EnterpriseBriefSerializer,
    PersonBriefSerializer,
)


class PatentBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="patent-detail")
    name = serializers.CharField(source="title", read_only=True)

    class Meta:
        model = Patent
        fields = ["id", "number", "name", "type", "url"]


class PatentAwardSessionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = PatentAwardSession
        fields = ["id", "number", "decided_on"]


class PatentSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="patent-detail")
    holder_enterprises = EnterpriseBriefSerializer(many=True, read_only=True)
    holder_persons = PersonBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Patent
        fields = ["id", "url", "number", "type", "title", "holder_enterprises", "holder_persons",
                  "filed_on", "granted_on", "publication_number", "status", "status_changed_on",
                  "source"]


class PatentWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Patent
        fields = ["number", "type", "title", "holder_enterprises", "holder_persons", "filed_on",
                  "granted_on", "publication_number", "status", "status_changed_on", "source"]


class PatentAwardSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="patent-award-detail")
    session = PatentAwardSessionBriefSerializer(read_only=True)
    patent = PatentBriefSerializer(read_only=True)
    enterprise = EnterpriseBriefSerializer(read_only=True)
    person = PersonBriefSerializer(read_only=True)
    division = serializers.SerializerMethodField()

    class Meta:
        model = PatentAward
        fields = ["id", "url", "session", "level", "patent", "enterprise", "person", "division",
                  "status", "revoked_on", "revoke_reason", "source"]

    @extend_schema_field(DivisionBriefSerializer)
    def get_division(self, award):
        """The awardee's division (joined by the selector, no query per row)."""
        awardee = award.enterprise or award.person
        return DivisionBriefSerializer(awardee.division, context=self.context).data


class PatentAwardWriteSerializer(serializers.ModelSerializer):
    session = serializers.SlugRelatedField(slug_field="number",
                                           queryset=PatentAwardSession.objects.all())

    class Meta:
        model = PatentAward
        fields = ["session", "level", "patent", "enterprise", "person", "status", "revoked_on",
                  "revoke_reason", "source"]


class PatentPledgeSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="pledge-detail")
    pledgor = EnterpriseBriefSerializer(read_only=True)
    division = DivisionBriefSerializer(source="pledgor.division", read_only=True)
    patents = PatentBriefSerializer(many=True, read_only=True)

    class Meta:
        model = PatentPledge
        fields = ["id", "url", "registration_number", "pledgor", "division", "pledgee",
                  "patents", "amount", "registered_on", "released_on", "source"]


class PatentPledgeWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = PatentPledge
        fields = ["registration_number", "pledgor", "pledgee", "patents", "amount",
                  "registered_on", "released_on", "source"]


class PatentTransferSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="transfer-detail")
    patent = PatentBriefSerializer(read_only=True)
    from_enterprise = EnterpriseBriefSerializer(read_only=True)
    to_enterprise = EnterpriseBriefSerializer(read_only=True)

    class Meta:
        model = PatentTransfer
        fields = ["id", "url", "patent", "kind", "from_enterprise", "from_name",
                  "to_enterprise", "to_name", "recorded_on", "source"]


class PatentViewSet(RecordViewSet):
    """Patents with their holders. `?type=invention&status=valid` lists valid invention
    patents."""

    queryset = patent_list()
    serializer_class = PatentSerializer
    write_serializer_class = PatentWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = PatentFilter
    search_fields = ["number", "title", "publication_number"]
    ordering_fields = ["number", "filed_on", "granted_on", "title"]
    ordering = ["number"]


class PatentAwardViewSet(DivisionScopedWritesMixin, RecordViewSet):
    """China Patent Awards: one patent, one awardee, one session and level."""

    division_paths = ("enterprise__division", "person__division")
    queryset = patent_award_list()
    serializer_class = PatentAwardSerializer
    write_serializer_class = PatentAwardWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = PatentAwardFilter
    search_fields = ["patent__number", "patent__title", "enterprise__name", "enterprise__uscc",
                     "person__name"]
    ordering_fields = ["session__number", "level", "patent__number"]
    ordering = ["-session__number", "level"]


class PatentPledgeViewSet(DivisionScopedWritesMixin, RecordViewSet):
    """Patent pledge registrations: pledgor, bank, patents and amount in yuan."""

    division_paths = ("pledgor__division",)
    queryset = patent_pledge_list()
    serializer_class = PatentPledgeSerializer
    write_serializer_class = PatentPledgeWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = PatentPledgeFilter
    search_fields = ["registration_number", "pledgee", "pledgor__name", "pledgor__uscc"]
    ordering_fields = ["registered_on", "amount", "registration_number"]
    ordering = ["-registered_on", "registration_number"]


class PatentTransferViewSet(ReadOnlyRecordViewSet):
    """Patent assignments and licences."""

    queryset = patent_transfer_list()
    serializer_class = PatentTransferSerializer
    filterset_class = PatentTransferFilter
    search_fields = ["patent__number", "patent__title", "from_name", "to_name",
                     "from_enterprise__name", "to_enterprise__name"]
    ordering_fields = ["recorded_on", "kind"]
    ordering = ["-recorded_on"]

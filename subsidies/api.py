"""Subsidy policies with their rules, and grants: the public notice (公示) of approved and paid
grants for everyone; every grant, with its internal trail, for private-read tokens and staff.

Reads come from subsidies.selectors, filters from subsidies.filters."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.permissions import can_read_private
from core.viewsets import FieldsMixin, ReadOnlyRecordViewSet
from registry.api import DivisionBriefSerializer, EnterpriseBriefSerializer, PersonBriefSerializer
from subsidies.filters import SubsidyGrantFilter, SubsidyPolicyFilter
from subsidies.models import SubsidyGrant, SubsidyPolicy, SubsidyRule
from subsidies.selectors import grant_list, grant_public_notice_list, policy_list

# --- Serializers ------------------------------------------------------------------------------


class SubsidyRuleSerializer(serializers.ModelSerializer):
    award_program = serializers.SlugRelatedField(slug_field="code", read_only=True)
    designation_list = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = SubsidyRule
        fields = ["id", "title", "trigger", "award_program", "award_tier", "designation_list",
                  "designation_entry_kind", "patent_award_level", "amount", "first_time_only",
                  "eligible_awardees", "source"]


class SubsidyPolicySerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="subsidy-policy-detail")
    division = DivisionBriefSerializer(read_only=True)
    rules = SubsidyRuleSerializer(many=True, read_only=True)

    class Meta:
        model = SubsidyPolicy
        fields = ["id", "url", "title", "document_number", "issuer", "division",
                  "effective_from", "effective_to", "is_demo", "rules", "source"]


class SubsidyPolicyBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="title", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="subsidy-policy-detail")

    class Meta:
        model = SubsidyPolicy
        fields = ["id", "name", "document_number", "url"]


class SubsidyRuleBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="title", read_only=True)

    class Meta:
        model = SubsidyRule
        fields = ["id", "name"]


GRANT_PUBLIC_FIELDS = ["id", "url", "fiscal_year", "status", "amount", "policy", "rule",
                       "enterprise", "person", "record_label", "record_date", "approved_at",
                       "paid_on"]
GRANT_PRIVATE_FIELDS = ["division", "rejection_reason", "paid_at", "payment_reference",
                        "withdrawal_reason", "source", "created_at"]


class SubsidyGrantSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="subsidy-grant-detail")
    policy = SubsidyPolicyBriefSerializer(source="rule.policy", read_only=True)
    rule = SubsidyRuleBriefSerializer(read_only=True)
    enterprise = EnterpriseBriefSerializer(read_only=True)
    person = PersonBriefSerializer(read_only=True)

    class Meta:
        model = SubsidyGrant
        fields = GRANT_PUBLIC_FIELDS


class SubsidyGrantPrivateSerializer(SubsidyGrantSerializer):
    division = serializers.SerializerMethodField()

    class Meta(SubsidyGrantSerializer.Meta):
        fields = GRANT_PUBLIC_FIELDS + GRANT_PRIVATE_FIELDS

    @extend_schema_field(DivisionBriefSerializer)
    def get_division(self, grant):
        """The awardee's division (joined by grant_list, no query per row)."""
        awardee = grant.enterprise or grant.person
        return DivisionBriefSerializer(awardee.division, context=self.context).data


# --- Resources --------------------------------------------------------------------------------


class SubsidyPolicyViewSet(ReadOnlyRecordViewSet):
    """Policy documents that pay subsidies, with their rules (what triggers how much)."""

    queryset = policy_list()
    serializer_class = SubsidyPolicySerializer
    filterset_class = SubsidyPolicyFilter
    search_fields = ["title", "document_number", "issuer"]
    ordering_fields = ["effective_from", "title"]
    ordering = ["-effective_from", "title"]


class SubsidyGrantViewSet(ReadOnlyRecordViewSet):
    """Grants. Anonymous callers and public-read tokens get the public notice: approved and
    paid grants with public fields only. Private-read tokens and staff get every grant (also
    proposed, rejected and withdrawn ones) with its trail."""

    serializer_class = SubsidyGrantSerializer
    filterset_class = SubsidyGrantFilter
    search_fields = ["enterprise__name", "enterprise__uscc", "person__name", "record_label",
                     "rule__title", "rule__policy__title"]
    ordering_fields = ["fiscal_year", "record_date", "amount"]
    ordering = ["-fiscal_year", "-record_date"]

    def get_queryset(self):
        if can_read_private(self.request):
            return grant_list()
        return grant_public_notice_list()

    def get_serializer_class(self):
        if can_read_private(self.request):
            return SubsidyGrantPrivateSerializer
        return SubsidyGrantSerializer

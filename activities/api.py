"""Read-only resources of the bureau's activities: public fields only (a support visit's notes
and a case's outcome, which may name parties, stay in the admin)."""

from rest_framework import serializers

from activities.filters import (
    CharacteristicProductFilter,
    CreditLineFilter,
    EnforcementCaseFilter,
    ExhibitionFilter,
    SupportVisitFilter,
)
from activities.models import (
    CharacteristicProduct,
    CreditLine,
    EnforcementCase,
    Exhibition,
    SupportVisit,
)
from activities.selectors import (
    characteristic_product_list,
    credit_line_list,
    enforcement_case_list,
    exhibition_list,
    support_visit_list,
)
from core.viewsets import FieldsMixin, ReadOnlyRecordViewSet
from registry.api import DivisionBriefSerializer, EnterpriseBriefSerializer


class CreditLineSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="credit-line-detail")
    enterprise = EnterpriseBriefSerializer(read_only=True)
    division = DivisionBriefSerializer(source="enterprise.division", read_only=True)

    class Meta:
        model = CreditLine
        fields = ["id", "url", "enterprise", "division", "bank", "product", "amount",
                  "granted_on", "source"]


class SupportVisitSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="support-visit-detail")
    enterprise = EnterpriseBriefSerializer(read_only=True)
    division = DivisionBriefSerializer(source="enterprise.division", read_only=True)

    class Meta:
        model = SupportVisit
        fields = ["id", "url", "enterprise", "division", "kind", "visited_on", "source"]


class CharacteristicProductSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="characteristic-product-detail")
    enterprise = EnterpriseBriefSerializer(read_only=True)
    division = DivisionBriefSerializer(read_only=True)

    class Meta:
        model = CharacteristicProduct
        fields = ["id", "url", "name", "kind", "enterprise", "division", "recognised_on",
                  "source"]


class ExhibitionSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="exhibition-detail")
    division = DivisionBriefSerializer(read_only=True)

    class Meta:
        model = Exhibition
        fields = ["id", "url", "title", "held_on", "venue", "division", "source"]


class EnforcementCaseSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="enforcement-case-detail")
    division = DivisionBriefSerializer(read_only=True)

    class Meta:
        model = EnforcementCase
        fields = ["id", "url", "case_number", "kind", "subject", "opened_on", "closed_on",
                  "ruling_issued_on", "division"]


class CreditLineViewSet(ReadOnlyRecordViewSet):
    """Credit ("quality loans", 质量贷) granted by banks to quality-brand enterprises."""

    queryset = credit_line_list()
    serializer_class = CreditLineSerializer
    filterset_class = CreditLineFilter
    search_fields = ["enterprise__name", "enterprise__uscc", "bank", "product"]
    ordering_fields = ["granted_on", "amount", "enterprise__name"]
    ordering = ["-granted_on"]


class SupportVisitViewSet(ReadOnlyRecordViewSet):
    """On-site help given to enterprises and "one enterprise, one policy" manuals."""

    queryset = support_visit_list()
    serializer_class = SupportVisitSerializer
    filterset_class = SupportVisitFilter
    search_fields = ["enterprise__name", "enterprise__uscc"]
    ordering_fields = ["visited_on", "kind", "enterprise__name"]
    ordering = ["-visited_on"]


class CharacteristicProductViewSet(ReadOnlyRecordViewSet):
    """Characteristic products: GI, handicraft, intangible heritage, cultural-creative, farm
    products and time-honoured brands."""

    queryset = characteristic_product_list()
    serializer_class = CharacteristicProductSerializer
    filterset_class = CharacteristicProductFilter
    search_fields = ["name", "enterprise__name"]
    ordering_fields = ["recognised_on", "name", "kind"]
    ordering = ["-recognised_on"]


class ExhibitionViewSet(ReadOnlyRecordViewSet):
    """Characteristic-product exhibitions."""

    queryset = exhibition_list()
    serializer_class = ExhibitionSerializer
    filterset_class = ExhibitionFilter
    search_fields = ["title", "venue"]
    ordering_fields = ["held_on", "title"]
    ordering = ["-held_on"]


class EnforcementCaseViewSet(ReadOnlyRecordViewSet):
    """IP protection cases: patent dispute adjudications, enforcement cases and unlicensed
    patent-agency acts (no parties)."""

    queryset = enforcement_case_list()
    serializer_class = EnforcementCaseSerializer
    filterset_class = EnforcementCaseFilter
    search_fields = ["case_number"]
    ordering_fields = ["opened_on", "closed_on", "ruling_issued_on", "case_number", "kind"]
    ordering = ["-opened_on"]

from rest_framework import serializers, viewsets

from registry.filters import DivisionFilter, EnterpriseFilter
from registry.models import Division, Enterprise, Industry
from registry.selectors import enterprise_list


class DivisionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Division
        fields = ["code", "name_zh", "name_en"]


class DivisionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Division
        fields = ["id", "code", "code_kind", "name_zh", "name_en", "level", "parent"]


class IndustrySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Industry
        fields = ["id", "code", "name_zh", "name_en", "parent"]


class EnterpriseSerializer(serializers.ModelSerializer):
    division = DivisionBriefSerializer(read_only=True)
    industry = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Enterprise
        fields = ["id", "name", "uscc", "division", "industry", "address", "founded_on",
                  "legal_representative", "is_active", "source"]


class DivisionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Division.objects.select_related("parent").order_by("code")
    serializer_class = DivisionSerializer
    filterset_class = DivisionFilter
    search_fields = ["code", "name_zh", "name_en"]
    lookup_field = "code"


class IndustryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Industry.objects.select_related("parent").order_by("code")
    serializer_class = IndustrySerializer
    search_fields = ["code", "name_zh", "name_en"]
    lookup_field = "code"


class EnterpriseViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = enterprise_list().order_by("uscc")
    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilter
    search_fields = ["name", "uscc"]
    ordering_fields = ["name", "uscc", "founded_on"]

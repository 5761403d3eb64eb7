"""The registry's resources: divisions, industries, enterprises, persons, designations, GI
products and the other cities' published figures."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from core.permissions import can_read_private
from core.validators import normalize_uscc
from core.viewsets import FieldsMixin, ReadOnlyRecordViewSet, RecordViewSet
from registry import services
from registry.filters import (
    DesignationFilter,
    DivisionFilter,
    EnterpriseFilter,
    GIProductFilter,
    IndustryFilter,
    PersonFilter,
    ProvincialFigureFilter,
)
from registry.models import (
    Designation,
    DesignationList,
    Division,
    Enterprise,
    GIProduct,
    Industry,
    Person,
    ProvincialFigure,
)
from registry.selectors import (
    designation_list,
    division_list,
    enterprise_list,
    gi_product_list,
    industry_list,
    person_list,
    provincial_figure_list,
    user_division_ids,
)

# --- Brief forms of related objects: id, name, and where to read the whole -------------------


class DivisionBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="division-detail", lookup_field="code")

    class Meta:
        model = Division
        fields = ["id", "code", "name", "name_zh", "name_en", "url"]


class IndustryBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="industry-detail", lookup_field="code")

    class Meta:
        model = Industry
        fields = ["id", "code", "name", "url"]


class EnterpriseBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="enterprise-detail")

    class Meta:
        model = Enterprise
        fields = ["id", "name", "uscc", "url"]


class PersonBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="person-detail")

    class Meta:
        model = Person
        fields = ["id", "name", "url"]


class DesignationListBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = DesignationList
        fields = ["id", "code", "name", "level"]


# --- Divisions and industries -----------------------------------------------------------------


class DivisionSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="division-detail", lookup_field="code")
    name = serializers.CharField(read_only=True)
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Division
        fields = ["id", "url", "code", "code_kind", "name", "name_zh", "name_en", "level",
                  "parent", "source"]


class IndustrySerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="industry-detail", lookup_field="code")
    name = serializers.CharField(read_only=True)
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Industry
        fields = ["id", "url", "code", "name", "name_zh", "name_en", "parent", "source"]


class DivisionViewSet(ReadOnlyRecordViewSet):
    """Administrative divisions (GB/T 2260, and the zones' own codes), read by code."""

    queryset = division_list()
    serializer_class = DivisionSerializer
    filterset_class = DivisionFilter
    search_fields = ["code", "name_zh", "name_en"]
    ordering_fields = ["code", "name_zh", "level"]
    ordering = ["code"]
    lookup_field = "code"


class IndustryViewSet(ReadOnlyRecordViewSet):
    """GB/T 4754-2017 industries: sections (letters) and divisions, read by code."""

    queryset = industry_list()
    serializer_class = IndustrySerializer
    filterset_class = IndustryFilter
    search_fields = ["code", "name_zh", "name_en"]
    ordering_fields = ["code", "name_zh"]
    ordering = ["code"]
    lookup_field = "code"


# --- Enterprises and persons ------------------------------------------------------------------

ENTERPRISE_PUBLIC_FIELDS = ["id", "url", "name", "uscc", "division", "industry", "address",
                            "founded_on", "legal_representative", "is_active", "source",
                            "created_at", "updated_at"]
ENTERPRISE_PRIVATE_FIELDS = ["contact_person", "contact_phone"]


class EnterpriseSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="enterprise-detail")
    division = DivisionBriefSerializer(read_only=True)
    industry = IndustryBriefSerializer(read_only=True)

    class Meta:
        model = Enterprise
        fields = ENTERPRISE_PUBLIC_FIELDS


class EnterprisePrivateSerializer(EnterpriseSerializer):
    class Meta(EnterpriseSerializer.Meta):
        fields = ENTERPRISE_PUBLIC_FIELDS + ENTERPRISE_PRIVATE_FIELDS


class EnterpriseWriteSerializer(serializers.ModelSerializer):
    # Accepted as people type it (spaces, dashes, lower case); the service validates the
    # normalised code, uniqueness included, exactly as the admin does.
    uscc = serializers.CharField(max_length=40)
    division = serializers.SlugRelatedField(slug_field="code", queryset=Division.objects.all())
    industry = serializers.SlugRelatedField(slug_field="code", queryset=Industry.objects.all(),
                                            required=False, allow_null=True)

    class Meta:
        model = Enterprise
        fields = ["name", "uscc", "division", "industry", "address", "founded_on",
                  "legal_representative", "contact_person", "contact_phone", "is_active",
                  "source"]

    def validate_uscc(self, value):
        return normalize_uscc(value)


PERSON_PUBLIC_FIELDS = ["id", "url", "name", "division", "employer", "source"]
PERSON_PRIVATE_FIELDS = ["id_number", "phone"]


class PersonSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="person-detail")
    division = DivisionBriefSerializer(read_only=True)
    employer = EnterpriseBriefSerializer(read_only=True)

    class Meta:
        model = Person
        fields = PERSON_PUBLIC_FIELDS


class PersonPrivateSerializer(PersonSerializer):
    class Meta(PersonSerializer.Meta):
        fields = PERSON_PUBLIC_FIELDS + PERSON_PRIVATE_FIELDS


class PersonWriteSerializer(serializers.ModelSerializer):
    division = serializers.SlugRelatedField(slug_field="code", queryset=Division.objects.all())

    class Meta:
        model = Person
        fields = ["name", "division", "employer", "id_number", "phone", "source"]


class PrivateFieldsMixin:
    """Callers allowed to read private data (a private-read or write token, a staff session)
    get `private_serializer_class`; everyone else the public one."""

    private_serializer_class = None

    def get_serializer_class(self):
        serializer_class = super().get_serializer_class()
        if serializer_class is self.serializer_class and can_read_private(self.request):
            return self.private_serializer_class
        return serializer_class

    def _read_response(self, instance, status_code):
        read_class = (self.private_serializer_class if can_read_private(self.request)
                      else self.serializer_class)
        read = read_class(instance, context=self.get_serializer_context())
        return Response(read.data, status=status_code)


def _within(record, paths, allowed: set[int]) -> bool:
    for path in paths:
        value = record
        for part in path.split("__"):
            value = getattr(value, part, None) if value is not None else None
        if value is not None and value.pk in allowed:
            return True
    return False


class DivisionScopedWritesMixin:
    """As in the admin: a district clerk (through a staff session, or a token they own)
    creates and changes only records of their division and the divisions under it.
    `division_paths` lead from the record to its Division. Records held through a
    many-to-many relation (patents, GI products) are not scoped, as in the admin."""

    division_paths: tuple[str, ...] = ("division",)

    def check_division(self, record):
        allowed = user_division_ids(self.request.user)
        if allowed is not None and not _within(record, self.division_paths, set(allowed)):
            raise PermissionDenied(_("This record belongs to a division outside yours."))

    def perform_update(self, serializer):
        self.check_division(serializer.instance)
        super().perform_update(serializer)

    def save_record(self, instance, m2m):
        self.check_division(instance)
        return super().save_record(instance, m2m)


class EnterpriseViewSet(PrivateFieldsMixin, DivisionScopedWritesMixin, RecordViewSet):
    """Enterprises, by unified social credit code, division and industry. Contact people and
    phones only for private-read tokens."""

    queryset = enterprise_list()
    serializer_class = EnterpriseSerializer
    private_serializer_class = EnterprisePrivateSerializer
    write_serializer_class = EnterpriseWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = EnterpriseFilter
    search_fields = ["name", "uscc"]
    ordering_fields = ["name", "uscc", "founded_on", "created_at"]
    ordering = ["uscc"]


class PersonViewSet(PrivateFieldsMixin, DivisionScopedWritesMixin, RecordViewSet):
    """Individual awardees: name, division and employer are public; the ID number and phone
    only for private-read tokens."""

    queryset = person_list()
    serializer_class = PersonSerializer
    private_serializer_class = PersonPrivateSerializer
    write_serializer_class = PersonWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = PersonFilter
    search_fields = ["name"]
    ordering_fields = ["name", "created_at"]
    ordering = ["name"]


# --- Designations and GI products -------------------------------------------------------------


class DesignationSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="designation-detail")
    list = DesignationListBriefSerializer(source="designation_list", read_only=True)
    enterprise = EnterpriseBriefSerializer(read_only=True)

    class Meta:
        model = Designation
        fields = ["id", "url", "list", "enterprise", "brand", "category", "sector", "batch",
                  "year", "designated_on", "entry_kind", "status", "revoked_on",
                  "revoke_reason", "source"]


class DesignationWriteSerializer(serializers.ModelSerializer):
    list = serializers.SlugRelatedField(source="designation_list", slug_field="code",
                                        queryset=DesignationList.objects.all())

    class Meta:
        model = Designation
        fields = ["list", "enterprise", "brand", "category", "sector", "batch", "year",
                  "designated_on", "entry_kind", "status", "revoked_on", "revoke_reason",
                  "source"]


class DesignationViewSet(DivisionScopedWritesMixin, RecordViewSet):
    """Entries of brand lists ("Good Products Shandong", high-end brand cultivation...)."""

    division_paths = ("enterprise__division",)
    queryset = designation_list().select_related("enterprise")
    serializer_class = DesignationSerializer
    write_serializer_class = DesignationWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = DesignationFilter
    search_fields = ["brand", "enterprise__name", "enterprise__uscc", "category", "sector"]
    ordering_fields = ["designated_on", "year", "batch", "enterprise__name"]
    ordering = ["-designated_on"]


class GIProductSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="gi-product-detail")
    divisions = DivisionBriefSerializer(many=True, read_only=True)

    class Meta:
        model = GIProduct
        fields = ["id", "url", "name", "system", "category", "divisions", "protected_area",
                  "approval_authority", "announcement_number", "approved_on", "applicant",
                  "quality_requirements", "testing_body", "status", "revoked_on",
                  "revoke_reason", "source"]


class GIProductWriteSerializer(serializers.ModelSerializer):
    divisions = serializers.SlugRelatedField(slug_field="code", many=True,
                                             queryset=Division.objects.all())

    class Meta:
        model = GIProduct
        fields = ["name", "system", "category", "divisions", "protected_area",
                  "approval_authority", "announcement_number", "approved_on", "applicant",
                  "quality_requirements", "testing_body", "status", "revoked_on",
                  "revoke_reason", "source"]


class GIProductViewSet(RecordViewSet):
    """Geographic-indication products, with the divisions of their protected area."""

    queryset = gi_product_list()
    serializer_class = GIProductSerializer
    write_serializer_class = GIProductWriteSerializer
    record_service = staticmethod(services.record_save)
    filterset_class = GIProductFilter
    search_fields = ["name", "applicant", "announcement_number"]
    ordering_fields = ["approved_on", "name"]
    ordering = ["approved_on", "name"]


# --- Other cities' published figures ----------------------------------------------------------


class ProvincialFigureSerializer(FieldsMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="provincial-figure-detail")
    division = DivisionBriefSerializer(read_only=True)

    class Meta:
        model = ProvincialFigure
        fields = ["id", "url", "division", "key", "year", "value", "source"]


class ProvincialFigureViewSet(ReadOnlyRecordViewSet):
    """The published value of a figure for a city and year (the basis of provincial ranks)."""

    queryset = provincial_figure_list()
    serializer_class = ProvincialFigureSerializer
    filterset_class = ProvincialFigureFilter
    search_fields = ["key", "division__name_zh", "division__code"]
    ordering_fields = ["key", "year", "value", "division__code"]
    ordering = ["key", "year", "division__code"]

"""The base classes of every resource: `?fields=`, strict `?ordering=`, CSV/.xlsx export, the
shared schema parameters, and writes through the apps' services."""

from itertools import islice

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, filters, serializers, status, viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from core import renderers as export

EXPORT_FORMATS = ("csv", "xlsx")


class FieldsMixin:
    """`?fields=id,name` keeps only the named fields of the top-level serializer. An unknown
    name is a 400 naming `fields`, so a typo is not mistaken for an empty column."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None or getattr(self, "_fields_applied", False):
            return
        wanted = request.query_params.get("fields")
        if not wanted:
            return
        names = [name.strip() for name in wanted.split(",") if name.strip()]
        unknown = [name for name in names if name not in self.fields]
        if unknown:
            raise exceptions.ValidationError({"fields": [
                _("Unknown field(s): %(unknown)s. Known: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(self.fields)}]})
        for name in list(self.fields):
            if name not in names:
                self.fields.pop(name)
        self._fields_applied = True


class OrderingFilter(filters.OrderingFilter):
    """`?ordering=` on the view's allowlist; an unknown field is a 400 (DRF would silently
    ignore it). The view's unique key is appended so that pages never overlap."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            allowed = {name for name, _label in self.get_valid_fields(queryset, view,
                                                                     {"request": request})}
            unknown = [field for field in fields if field.lstrip("-") not in allowed]
            if unknown:
                raise exceptions.ValidationError({self.ordering_param: [
                    _("Cannot order by %(unknown)s. Allowed: %(allowed)s.")
                    % {"unknown": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))}]})
            return [*fields, view.unique_ordering]
        return list(self.get_default_ordering(view) or [view.unique_ordering])

    def get_default_ordering(self, view):
        ordering = getattr(view, "ordering", None)
        if ordering:
            return [*ordering, view.unique_ordering]
        return None


FIELDS_PARAMETER = OpenApiParameter(
    "fields", OpenApiTypes.STR, OpenApiParameter.QUERY,
    description=_("Comma-separated fields to return, e.g. id,name. Unknown names are a 400."))
FORMAT_PARAMETER = OpenApiParameter(
    "format", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=["json", "csv", "xlsx"],
    description=_("json (default), or csv / xlsx: the whole filtered list as a download "
                  "(not paginated; CSV is streamed)."))


class ErrorSerializer(serializers.Serializer):
    """The one shape of every error: a message, and the reasons per field or parameter."""

    message = serializers.CharField(help_text=_("The first problem, for people."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Field or parameter name -> its problems (empty for other errors)."))


ERROR_EXAMPLE = OpenApiExample(
    "A bad parameter", status_codes=["400"], response_only=True,
    value={"message": "year: Enter a whole number.", "errors": {"year": ["Enter a whole number."]}})


def error_responses(method: str) -> dict:
    """The error responses of an operation, for the schema."""
    responses = {400: OpenApiResponse(ErrorSerializer, _("A bad parameter or field"),
                                      examples=[ERROR_EXAMPLE]),
                 429: OpenApiResponse(ErrorSerializer, _("Too many requests"))}
    if method not in ("GET", "HEAD"):
        responses[401] = OpenApiResponse(ErrorSerializer, _("No valid token or session"))
        responses[403] = OpenApiResponse(ErrorSerializer, _("The token or user may not write"))
    return responses


class AutoSchema(SpectacularAutoSchema):
    """Documents the parameters every resource shares: `fields` and the export `format`."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method == "GET" and isinstance(self.view, viewsets.GenericViewSet):
            parameters.append(FIELDS_PARAMETER)
            if self._is_list_view():
                parameters.append(FORMAT_PARAMETER)
        return parameters

    def get_response_serializers(self):
        # Writes answer with the read serializer (RecordViewSet.create/update), not the
        # write serializer the request body is documented with.
        view = self.view
        if self.method in ("POST", "PUT", "PATCH") and getattr(view, "write_serializer_class",
                                                               None):
            success = view.serializer_class
        else:
            success = super().get_response_serializers()
        code = 201 if self.method == "POST" else 200
        return {code: success, **error_responses(self.method)}


class ExportMixin:
    """`?format=csv|xlsx` on a list: every row of the filtered list, streamed in chunks, with
    the same fields (and `?fields=`) as the JSON."""

    def list(self, request, *args, **kwargs):
        if getattr(request.accepted_renderer, "format", None) in EXPORT_FORMATS:
            return self.export(request, request.accepted_renderer.format)
        return super().list(request, *args, **kwargs)

    def export(self, request, fmt):
        # The renderer is chosen; drop `format` from the query so that the links in the rows
        # (which keep DRF's built-in query parameters) point at the JSON resources.
        query = request._request.GET.copy()
        query.pop(api_settings.URL_FORMAT_OVERRIDE, None)
        request._request.GET = query
        queryset = self.filter_queryset(self.get_queryset())
        columns = export.columns_of(self.get_serializer())
        filename = self.basename or "export"
        rows = self._export_rows(queryset)
        if fmt == "csv":
            return export.csv_response(columns, rows, filename=filename)
        return export.xlsx_response(columns, rows, filename=filename)

    def _export_rows(self, queryset):
        # iterator() with a chunk size keeps prefetch_related working: one prefetch per chunk.
        iterator = queryset.iterator(chunk_size=export.EXPORT_CHUNK_SIZE)
        while chunk := list(islice(iterator, export.EXPORT_CHUNK_SIZE)):
            yield from self.get_serializer(chunk, many=True).data


class RecordViewSetMixin(ExportMixin):
    """What every resource shares: JSON, CSV and .xlsx renderers, strict ordering, the shared
    parameters in the schema."""

    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, export.CSVRenderer,
                        export.XLSXRenderer]
    filter_backends = [*api_settings.DEFAULT_FILTER_BACKENDS[:2], OrderingFilter]
    schema = AutoSchema()
    unique_ordering = "pk"


class ReadOnlyRecordViewSet(RecordViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class RecordViewSet(RecordViewSetMixin, viewsets.ModelViewSet):
    """A resource that an integration with a write token may create and update.

    Writes go through the app's `record_save` service, the one the admin calls, so validation
    is the admin's (full_clean: field errors come back as a 400 naming each field). The
    request id becomes the history row's change reason. Deleting is left to the admin."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    write_serializer_class = None
    record_service = None

    def get_serializer_class(self):
        if self.request is not None and self.request.method not in ("GET", "HEAD", "OPTIONS"):
            return self.write_serializer_class or self.serializer_class
        return super().get_serializer_class()

    def _read_response(self, instance, status_code):
        read = self.serializer_class(instance, context=self.get_serializer_context())
        return Response(read.data, status=status_code)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return self._read_response(serializer.instance, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return self._read_response(serializer.instance, status.HTTP_200_OK)

    def perform_create(self, serializer):
        data, m2m = self._split(serializer)
        serializer.instance = self.save_record(serializer.Meta.model(**data), m2m)

    def perform_update(self, serializer):
        data, m2m = self._split(serializer)
        instance = serializer.instance
        for name, value in data.items():
            setattr(instance, name, value)
        self.save_record(instance, m2m)

    @staticmethod
    def _split(serializer):
        data = dict(serializer.validated_data)
        m2m_names = {field.name for field in serializer.Meta.model._meta.many_to_many}
        m2m = {name: data.pop(name) for name in list(data) if name in m2m_names}
        return data, m2m

    def save_record(self, instance, m2m):
        instance._change_reason = getattr(self.request, "request_id", "")
        # One transaction: the service's after-commit announcement waits for the M2M rows too.
        with transaction.atomic():
            self.record_service(instance=instance)
            for name, values in m2m.items():
                getattr(instance, name).set(values)
        return instance

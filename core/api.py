"""What every API resource shares: pagination and the one JSON shape of errors.

The viewset base classes are in core.viewsets: DRF imports this module (the pagination class)
while it builds its own generic views, so it must not import them itself."""


from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from core.exceptions import ApplicationError


class Pagination(PageNumberPagination):
    """Page-number pagination; a `page` or `page_size` that is not a positive number is a 400
    naming it (DRF would fall back silently or answer 404)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        for param in (self.page_query_param, self.page_size_query_param):
            value = request.query_params.get(param)
            if value is None or (param == self.page_query_param
                                 and value in self.last_page_strings):
                continue
            if not value.isdigit() or int(value) < 1:
                raise exceptions.ValidationError(
                    {param: [_("Give a whole number of at least 1.")]})
        return super().paginate_queryset(queryset, request, view)


def exception_handler(exc, context):
    """Render every error as {"message": ..., "errors": {field: [reasons]}}.

    Django's ValidationError (raised by services through full_clean) becomes a 400 with its
    field errors, so the API reports exactly what the admin would."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, ApplicationError):
        return Response(
            {"message": exc.message, "errors": exc.extra}, status=status.HTTP_400_BAD_REQUEST
        )

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = response.data
        if isinstance(detail, list):
            detail = {"non_field_errors": detail}
        response.data = {"message": str(_first_message(detail)), "errors": detail}
    else:
        message = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        response.data = {"message": str(message), "errors": {}}
    return response


def _first_message(detail):
    if isinstance(detail, dict):
        for field, value in detail.items():
            return f"{field}: {_first_message(value)}"
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return detail

"""What every API resource shares: pagination and the one JSON shape of errors."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from core.exceptions import ApplicationError


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 500


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

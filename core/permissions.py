"""Who may do what through the API.

Reading public records needs nothing. Writing needs a token with the write scope, or a staff
session whose user holds the model's Django permission (the same permission the admin asks for).
Private fields (ID numbers, phones, contact people) and unpublished grants need a private-read
or write token, or a staff session."""

from rest_framework import permissions

from core.models import APIToken, APITokenScope

PRIVATE_SCOPES = {APITokenScope.PRIVATE_READ, APITokenScope.WRITE}


def request_token(request) -> APIToken | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, APIToken) else None


def can_read_private(request) -> bool:
    if request is None:
        return False
    token = request_token(request)
    if token is not None:
        return token.scope in PRIVATE_SCOPES
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.is_staff)


class ReadPublicWriteWithScope(permissions.BasePermission):
    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        token = request_token(request)
        if token is not None:
            return token.scope == APITokenScope.WRITE
        user = request.user
        if not (user and user.is_authenticated and user.is_staff):
            return False
        return permissions.DjangoModelPermissions().has_permission(request, view)

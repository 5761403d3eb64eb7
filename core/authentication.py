"""API tokens: `Authorization: Token <secret>` (or `Bearer <secret>`)."""

import hashlib
import hmac
import ipaddress
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from core.models import APIToken

# Writing last_used on every request would turn each read into a write; once a minute is
# precise enough for an administrator wondering whether a token is still in use.
LAST_USED_PRECISION = timedelta(minutes=1)


def client_ip(request) -> str:
    """The caller's address. Behind `REST_FRAMEWORK["NUM_PROXIES"]` trusted proxies it is
    taken from X-Forwarded-For, counted from the right, as DRF's throttles do."""
    num_proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if num_proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(num_proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


class TokenAuthentication(authentication.BaseAuthentication):
    keywords = ("token", "bearer")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the token as 'Token <secret>'."))
        try:
            secret = header[1].decode()
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from error
        token = self.verify(secret)
        self.check_usable(token, client_ip(request))
        self.note_use(token, client_ip(request))
        return token.owner, token

    def authenticate_header(self, request):
        return 'Token realm="api"'

    @staticmethod
    def verify(secret: str) -> APIToken:
        parts = secret.split("_")
        token = None
        if len(parts) >= 3 and parts[0] == "qbr":
            token = (APIToken.objects.select_related("owner").filter(prefix=parts[1]).first())
        digest = hashlib.sha256(secret.encode()).hexdigest()
        if token is None or not hmac.compare_digest(digest, token.secret_hash):
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return token

    @staticmethod
    def check_usable(token: APIToken, ip: str) -> None:
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("This token has been revoked."))
        if token.expires_at is not None and token.expires_at <= timezone.now():
            raise exceptions.AuthenticationFailed(_("This token has expired."))
        if not token.owner.is_active:
            raise exceptions.AuthenticationFailed(_("The owner of this token is inactive."))
        networks = token.networks()
        if networks:
            try:
                address = ipaddress.ip_address(ip)
            except ValueError:
                address = None
            if address is None or not any(address in network for network in networks):
                raise exceptions.AuthenticationFailed(
                    _("This token may not be used from this address."))

    @staticmethod
    def note_use(token: APIToken, ip: str) -> None:
        now = timezone.now()
        stale = token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION
        if stale or token.last_used_ip != ip:
            APIToken.objects.filter(pk=token.pk).update(last_used_at=now, last_used_ip=ip or None)


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Documents the token header in the OpenAPI schema."""

    target_class = TokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": str(_("`Token <secret>` (or `Bearer <secret>`), issued by the "
                                     "bureau's staff in the admin."))}

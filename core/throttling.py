"""Request limits: anonymous callers per IP address, token holders per token.

The rates are read on every request from settings.API_THROTTLE_RATES (set from the environment),
so a deployment or a test can change them without re-importing the classes."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.authentication import client_ip
from core.permissions import request_token


class _SettingsRateThrottle(SimpleRateThrottle):
    def __init__(self):
        # The rate is resolved per request in allow_request; nothing to read at construction.
        pass

    def allow_request(self, request, view):
        self.rate = settings.API_THROTTLE_RATES.get(self.scope)
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class AnonymousRateThrottle(_SettingsRateThrottle):
    scope = "anonymous"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class TokenRateThrottle(_SettingsRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        token = request_token(request)
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}

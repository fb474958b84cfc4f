from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from .models import ApiToken


class ChannelTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <secret>`` with a token issued in the admin."""

    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Malformed token header."))
        try:
            secret = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Malformed token header.")) from exc
        token = ApiToken.objects.matching(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        # The channel is nobody's login: request.user stays anonymous (the
        # history of a suggestion records no user), request.auth is the token.
        return AnonymousUser(), token

    def authenticate_header(self, request):
        return self.keyword


class ChannelTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ChannelTokenAuthentication"
    name = "channelToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Token <secret>",
        }


class HasChannelToken(permissions.BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, ApiToken)

"""Middleware of the security app: staff second factor and export auditing."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import audit, two_factor


class StaffTwoFactorMiddleware:
    """Sends staff who must pass the second factor to verification or enrolment.

    A staff member with a confirmed authenticator must enter a code once per
    login before any other page; without one, STAFF_REQUIRE_2FA sends them to
    enrolment first. Deputies and residents are not concerned.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and not self._exempt(request.path)
        ):
            target = two_factor.required_step(request)
            if target:
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        exempt = [
            reverse("security:two_factor_setup"),
            reverse("security:two_factor_verify"),
            reverse("logout"),
            reverse("admin:logout"),
            reverse("set_language"),
            reverse("healthz"),
            settings.STATIC_URL,
        ]
        return any(path.startswith(prefix) for prefix in exempt)


class ExportAuditMiddleware:
    """Records every file a logged-in user downloads as an export.

    Exports live in several apps (admin actions, register and archive
    downloads, the work report); each answers with an attachment, so one
    place sees them all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        user = getattr(request, "user", None)
        if (
            disposition.startswith("attachment")
            and response.status_code == 200
            and user is not None
            and user.is_authenticated
        ):
            match = getattr(request, "resolver_match", None)
            audit.record(
                audit.Action.EXPORT,
                request=request,
                target=(match.view_name if match else "") or request.path,
                detail=request.get_full_path(),
            )
        return response

"""Recording the audit trail: `record(...)` for any app, plus login receivers.

Other apps call, for example::

    from security import audit

    audit.record(audit.Action.EXPORT, request=request, target="suggestions.xlsx")

Never pass personal data (names, phones, addresses) as `target` or `detail`:
name the record by its model and primary key instead.
"""

import logging

from django.conf import settings
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver

from .models import AuditEvent

logger = logging.getLogger(__name__)

Action = AuditEvent.Action


def client_address(request) -> str | None:
    """The client's address as django-axes sees it (same proxy rules)."""
    if request is None:
        return None
    from axes.helpers import get_client_ip_address

    try:
        address = get_client_ip_address(request)
    except Exception:  # noqa: BLE001 - a malformed header must not break a login
        address = None
    return address or request.META.get("REMOTE_ADDR") or None


def record(
    action: str,
    *,
    request=None,
    user=None,
    username: str = "",
    target: str = "",
    detail: str = "",
) -> AuditEvent:
    """Add one event to the audit trail and return it.

    `user` defaults to the request's logged-in user; `username` to that user's.
    """
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    if user is not None and not username:
        username = user.get_username()
    return AuditEvent.objects.create(
        action=action,
        user=user,
        username=str(username)[:150],
        target=str(target)[:200],
        detail=str(detail)[:500],
        ip_address=client_address(request),
    )


def prune(retention_days: int | None = None) -> int:
    """Delete events older than the retention period; return how many."""
    days = retention_days or settings.AUDIT_RETENTION_DAYS
    # At least six months are kept whatever the setting says.
    days = max(days, 183)
    deleted, _ = AuditEvent.objects.older_than(days).delete()
    return deleted


@receiver(user_logged_in, dispatch_uid="ziyang-audit-login")
def _on_login(sender, request, user, **kwargs):
    record(Action.LOGIN, request=request, user=user, target=_path(request))


@receiver(user_logged_out, dispatch_uid="ziyang-audit-logout")
def _on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, request=request, user=user, target=_path(request))


@receiver(user_login_failed, dispatch_uid="ziyang-audit-login-failed")
def _on_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password in `credentials` by stars.
    username = credentials.get("username", "") if credentials else ""
    record(
        Action.LOGIN_FAILED,
        request=request,
        username=username,
        target=_path(request),
    )


def _path(request) -> str:
    return getattr(request, "path", "") if request is not None else ""

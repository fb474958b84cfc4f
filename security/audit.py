"""Recording the audit trail: `record(...)` for any app, plus login receivers.

Other apps call, for example::

    from security import audit

    audit.record(audit.Action.EXPORT, request=request, target="suggestions.xlsx")
    audit.record_change(request, session, audit.Action.CHANGE, form.changed_data)

Never pass personal data (names, phones, addresses) as `target` or `detail`:
name the record by its model and primary key instead.

Records created, changed and deleted: the deputy workspace views call
`record_change(...)` where they save or delete. The admin is covered whole:
every change it makes is written by ModelAdmin.log_addition / log_change /
log_deletions as a LogEntry, and `mirror_log_entry` copies each into the audit
trail (several objects deleted at once are recorded by the admin's bulk delete
action in admin.py, because Django writes their LogEntry rows with
bulk_create, which sends no signal). An event names the record by its type
(app.model) and primary key and lists the names of the fields changed; values
are never copied, nor the record's text (`str(obj)`, LogEntry.object_repr),
which may hold a resident's name.
"""

import json
import logging

from django.conf import settings
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.text import capfirst

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
    record_type: str = "",
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
        record_type=record_type,
        ip_address=client_address(request),
    )


# LogEntry.action_flag (ADDITION, CHANGE, DELETION) -> the audit action.
ADMIN_FLAGS = {1: Action.CREATE, 2: Action.CHANGE, 3: Action.DELETE}


def record_change(
    request, instance, action: str, changed_fields=(), *, user=None, pk=None
) -> AuditEvent:
    """One record created, changed or deleted: who, what and which fields.

    `changed_fields` are field names (form.changed_data). `pk` is needed for a
    deletion once the instance is gone, since Django then sets its pk to None.
    """
    record_type = instance._meta.label_lower
    return _record(
        request,
        action,
        user=user,
        record_type=record_type,
        pk=instance.pk if pk is None else pk,
        fields=changed_fields,
    )


def _record(request, action, *, user, record_type, pk, fields) -> AuditEvent:
    names = ", ".join(dict.fromkeys(str(name) for name in fields))
    return record(
        action,
        request=request,
        user=user,
        target=f"{record_type}:{pk}",
        detail=f"{AuditEvent.FIELDS_PREFIX}{names}" if names else "",
        record_type=record_type,
    )


def mirror_log_entry(entry, request=None) -> AuditEvent | None:
    """Copy one admin LogEntry into the audit trail, without object_repr."""
    from django.contrib.contenttypes.models import ContentType

    action = ADMIN_FLAGS.get(entry.action_flag)
    if action is None:
        return None
    content_type = ContentType.objects.get_for_id(entry.content_type_id)
    user = getattr(request, "user", None)
    if user is None or user.pk != entry.user_id:
        user = entry.user
    return _record(
        request,
        action,
        user=user,
        record_type=f"{content_type.app_label}.{content_type.model}",
        pk=entry.object_id,
        fields=admin_changed_fields(entry, content_type.model_class()),
    )


def admin_changed_fields(entry, model) -> list[str]:
    """Field names from a LogEntry's change message (which holds labels).

    The admin writes the labels of the changed fields in the default language
    (translation off), so they are matched the same way. An inline's lines are
    named by their model: "sessionissue.text", "sessionissue (added)".
    """
    try:
        messages = json.loads(entry.change_message or "[]")
    except ValueError:  # a message written as plain text
        return []
    if not isinstance(messages, list):
        return []
    fields = []
    for message in messages:
        for verb, data in message.items() if isinstance(message, dict) else ():
            if isinstance(data, dict):
                fields.extend(_message_fields(model, verb, data))
    return fields


def _message_fields(model, verb, data) -> list[str]:
    labels = [str(label) for label in data.get("fields", ())]
    if not data.get("name"):
        names = _field_names_by_label(model)
        return [names.get(label, label) for label in labels]
    inline = _inline_model(model, str(data["name"]))
    prefix = inline._meta.model_name if inline else str(data["name"])
    if not labels:
        return [f"{prefix} ({verb})"]
    names = _field_names_by_label(inline)
    return [f"{prefix}.{names.get(label, label)}" for label in labels]


def _field_names_by_label(model) -> dict[str, str]:
    if model is None:
        return {}
    with translation.override(None):
        return {
            str(capfirst(field.verbose_name)): field.name
            for field in model._meta.get_fields()
            if getattr(field, "verbose_name", None) and not field.auto_created
        }


def _inline_model(model, name):
    """The related model an inline's lines belong to, by its verbose name."""
    if model is None:
        return None
    with translation.override(None):
        for relation in model._meta.related_objects:
            if str(relation.related_model._meta.verbose_name) == name:
                return relation.related_model
    return None


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


@receiver(post_save, sender="admin.LogEntry", dispatch_uid="ziyang-audit-admin-log")
def _on_admin_log(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from simple_history.models import HistoricalRecords

        # The request, kept for the page by HistoryRequestMiddleware: its address.
        mirror_log_entry(instance, getattr(HistoricalRecords.context, "request", None))


def _path(request) -> str:
    return getattr(request, "path", "") if request is not None else ""

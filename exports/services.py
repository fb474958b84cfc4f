"""Asking for an export and queueing its build: the one path every entry point takes."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from security import audit

from .access import may_export, may_export_personal
from .models import Export


def export_request(
    *,
    user,
    register: str,
    year: int | None = None,
    include_personal=False,
    request=None,
) -> Export:
    """Record the request and queue the build once the transaction commits.

    Unmasked personal data needs the register's permission AND the explicit
    request; such a request is written to the audit trail before anything is
    built.
    """
    if not may_export(user, register):
        raise PermissionDenied
    if include_personal and not may_export_personal(user, register):
        raise PermissionDenied
    export = Export.objects.create(
        user=user, register=register, year=year, include_personal=include_personal
    )
    if include_personal:
        audit.record(
            audit.Action.REVEAL,
            request=request,
            user=user,
            target=f"exports.export:{export.pk}",
            detail=f"register={register} year={year or ''} personal=1",
        )
    transaction.on_commit(lambda: _queue_build(export.pk), robust=True)
    return export


def _queue_build(export_id: int) -> None:
    """Queue the build; with the broker down the export shows as failed at
    once, and staff ask again, rather than waiting for ever."""
    from core.queueing import send_quickly

    from .tasks import build_export

    if not send_quickly(build_export, export_id):
        Export.objects.filter(pk=export_id, status=Export.Status.PENDING).update(
            status=Export.Status.FAILED
        )

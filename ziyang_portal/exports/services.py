"""Asking for an export and building it: the one path every entry point takes."""

import logging
import tempfile

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation

from ziyang_portal.db_routers import reads_from_replica
from ziyang_portal.security import audit

from . import style
from .models import Export
from .registers import REGISTERS

logger = logging.getLogger(__name__)


def may_export(user, register: str) -> bool:
    spec = REGISTERS.get(register)
    return bool(spec and user.is_active and user.has_perm(spec.view_permission))


def may_export_personal(user, register: str) -> bool:
    spec = REGISTERS.get(register)
    return bool(
        spec
        and spec.personal_permission
        and may_export(user, register)
        and user.has_perm(spec.personal_permission)
    )


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
    from ziyang_portal.queueing import send_quickly

    from .tasks import build_export

    if not send_quickly(build_export, export_id):
        Export.objects.filter(pk=export_id, status=Export.Status.PENDING).update(
            status=Export.Status.FAILED
        )


def export_build(export_id: int) -> Export:
    """Build the workbook of an export, reporting progress sheet by sheet.

    Headers are Chinese whatever language the worker happens to be in.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _build(export_id)


def _build(export_id: int) -> Export:
    export = Export.objects.select_related("user").get(pk=export_id)
    if export.status == Export.Status.DONE:
        return export
    _save(export, status=Export.Status.RUNNING, progress=5)
    try:
        # Permissions are checked again: they may have been withdrawn since.
        personal = export.include_personal and may_export_personal(
            export.user, export.register
        )
        book = style.new_workbook()
        label = export.get_register_display()
        rows = 0
        # The register's rows come from the replica when there is one; the
        # export's own row, written above, is always read from the primary.
        # Rows are streamed from the database into the workbook as the sheets
        # are written, so the reading happens inside this block.
        with reads_from_replica():
            sheets = REGISTERS[export.register].build(export.year, personal)
            for index, (title, headers, data) in enumerate(sheets, start=1):
                heading = f"{label} {export.year}" if export.year else str(label)
                written = style.add_sheet(book, title, headers, data, heading=heading)
                rows += written if index == 1 else 0
                _save(export, progress=5 + 85 * index // len(sheets))
        with tempfile.TemporaryFile() as workbook:
            book.save(workbook)
            workbook.seek(0)
            export.file.save(export.filename(), File(workbook), save=False)
        export.rows = rows
        _save(
            export,
            status=Export.Status.DONE,
            progress=100,
            finished_at=timezone.now(),
            extra=["file", "rows"],
        )
    except Exception:
        logger.exception("Export %s failed", export.pk)
        _save(export, status=Export.Status.FAILED, finished_at=timezone.now())
        raise
    return export


def _save(export, extra=(), **values):
    for name, value in values.items():
        setattr(export, name, value)
    export.save(update_fields=[*values, *extra])

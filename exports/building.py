"""Building the workbook of a requested export, sheet by sheet, with its progress."""

import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.utils import timezone, translation

from core.db_routers import reads_from_replica

from . import style
from .access import may_export_personal
from .models import Export
from .registers import REGISTERS

logger = logging.getLogger(__name__)


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

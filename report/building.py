"""Making the file of a requested work report export, as the worker's task does."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone

from .models import ReportExport

logger = logging.getLogger(__name__)


def _progress(export: ReportExport, percent: int, **fields) -> None:
    export.progress = percent
    for name, value in fields.items():
        setattr(export, name, value)
    export.save(update_fields=["progress", *fields])


def report_export_run(export_id: int) -> ReportExport | None:
    """Make the file of an export, recording progress on its row as it goes."""
    # The renderers (pygal, python-docx) load with the first file a worker makes.
    from .document import ReportDocument
    from .render import render

    export = (
        ReportExport.objects.select_related("report", "version")
        .filter(pk=export_id)
        .first()
    )
    if export is None or export.status == ReportExport.Status.DONE:
        return export
    try:
        _progress(export, 10, status=ReportExport.Status.RUNNING)
        document = ReportDocument.for_version(export.version)
        _progress(export, 40)
        content = render(document, export.format)
        _progress(export, 80)
        export.file.save(export.download_name(), ContentFile(content), save=False)
        _progress(
            export,
            100,
            status=ReportExport.Status.DONE,
            file=export.file.name,
            finished_at=timezone.now(),
        )
    except Exception as exc:
        # The error goes to staff on the export page; ids only in the log.
        logger.exception("report export %s failed", export.pk)
        _progress(
            export,
            export.progress,
            status=ReportExport.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
    return export

from celery import shared_task

from .building import report_export_run


@shared_task(name="report.tasks.make_report_export")
def make_report_export(export_id: int) -> None:
    """Make a work report file (Word, PDF, web page or CSV); progress on its row."""
    report_export_run(export_id)

"""Models of the portal package itself: the year-end work report."""

from .report.models import ReportExport, ReportVersion, WorkReport

__all__ = ["ReportExport", "ReportVersion", "WorkReport"]

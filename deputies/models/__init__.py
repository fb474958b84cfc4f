"""The deputies' register and the record of their duties.

Every model of the app is imported here, so that Django finds them under the
`deputies` app label and `from deputies.models import ...` reaches them all;
migrations name `deputies.models.report_upload_to` and
`deputies.models.validate_report_size`, which stay reachable here.
"""

from .activities import (
    ActivityPhoto,
    Attendance,
    AttendanceQuerySet,
    DutyActivity,
    DutyActivityQuerySet,
)
from .elections import ByElection, ByElectionQuerySet
from .figures import year_figures
from .rates import Rate
from .register import Community, Constituency, Deputy, DeputyQuerySet, mask_phone
from .reports import (
    MAX_REPORT_BYTES,
    OLE_SIGNATURE,
    DutyReport,
    DutyReportQuerySet,
    report_document_kind,
    report_upload_to,
    validate_report_content,
    validate_report_size,
)

__all__ = [
    "MAX_REPORT_BYTES",
    "OLE_SIGNATURE",
    "ActivityPhoto",
    "Attendance",
    "AttendanceQuerySet",
    "ByElection",
    "ByElectionQuerySet",
    "Community",
    "Constituency",
    "Deputy",
    "DeputyQuerySet",
    "DutyActivity",
    "DutyActivityQuerySet",
    "DutyReport",
    "DutyReportQuerySet",
    "Rate",
    "mask_phone",
    "report_document_kind",
    "report_upload_to",
    "validate_report_content",
    "validate_report_size",
    "year_figures",
]

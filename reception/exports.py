"""Excel export of reception sessions (no voter's personal data is kept)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core import spreadsheets

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sessions_workbook(sessions) -> bytes:
    """One row per session and a second sheet with one row per issue raised."""
    sessions = sessions.select_related("station").prefetch_related(
        "deputies", "issues__community", "photos"
    )
    book, sheet, issues_sheet = _empty_workbook()
    total = 0
    for session in sessions:
        _append_session(sheet, issues_sheet, session)
        total += session.voters_received
    spreadsheets.append(sheet, [_("Total"), "", "", "", "", total])
    _format_sheets(sheet, issues_sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _empty_workbook():
    """A workbook with the sessions sheet and the issues sheet, headers only."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Sessions")
    spreadsheets.append(
        sheet,
        [
            _("Date"),
            _("Time"),
            _("Venue"),
            _("Mode"),
            _("Deputies present"),
            _("Voters received"),
            _("Issues raised"),
            _("Photos"),
            _("Summary"),
        ],
    )
    issues_sheet = book.create_sheet(_("Issues"))
    spreadsheets.append(
        issues_sheet,
        [
            _("Reference"),
            _("Date"),
            _("Venue"),
            _("Community"),
            _("Category"),
            _("Issue"),
        ],
    )
    return book, sheet, issues_sheet


def _append_session(sheet, issues_sheet, session) -> None:
    """The session's row, and one row on the issues sheet per issue raised."""
    local = timezone.localtime(session.started_at)
    spreadsheets.append(
        sheet,
        [
            local.date(),
            local.strftime("%H:%M"),
            session.station.name,
            session.get_mode_display(),
            "、".join(d.name for d in session.deputies.all()),
            session.voters_received,
            len(session.issues.all()),
            len(session.photos.all()),
            session.summary,
        ],
    )
    for issue in session.issues.all():
        spreadsheets.append(
            issues_sheet,
            [
                str(issue.uid),
                local.date(),
                session.station.name,
                issue.community.name if issue.community else "",
                issue.category,
                issue.text,
            ],
        )


def _format_sheets(sheet, issues_sheet) -> None:
    """Bold frozen headers, even column widths and dates shown as dates."""
    for ws in (sheet, issues_sheet):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for index in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(index)].width = 18
    for row in sheet.iter_rows(min_row=2, max_col=1):
        row[0].number_format = "yyyy-mm-dd"
    for row in issues_sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "yyyy-mm-dd"


def export_filename(prefix: str = "reception-sessions") -> str:
    return f"{prefix}-{timezone.localdate():%Y%m%d}.xlsx"

"""The yearly submissions table as an Excel workbook (no personal data in it)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from core import spreadsheets

from .models import Submission
from .selectors import YearlyTable


def _sheet(wb, title, header, rows, *, first=False):
    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    spreadsheets.append(ws, header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        spreadsheets.append(ws, row)
    ws.freeze_panes = "A2"
    for column, width in zip("ABCDEFG", (24, 12, 14, 12, 12, 18, 30), strict=False):
        ws.column_dimensions[column].width = width
    return ws


def yearly_workbook(table: YearlyTable) -> bytes:
    wb = Workbook()
    _outlets_sheet(wb, table)
    _levels_sheet(wb, table)
    _summary_sheet(wb, table)
    _submissions_sheet(wb, table)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _outlets_sheet(wb, table: YearlyTable):
    return _sheet(
        wb,
        _("By outlet"),
        [_("Outlet"), _("Level"), _("Kind"), _("Submitted"), _("Accepted")],
        [
            [
                o.name,
                str(o.get_level_display()),
                str(o.get_kind_display()),
                o.submitted,
                o.accepted,
            ]
            for o in table.outlets
        ],
        first=True,
    )


def _levels_sheet(wb, table: YearlyTable):
    return _sheet(
        wb,
        _("By level"),
        [_("Level"), _("Submitted"), _("Accepted")],
        [
            *([str(row.label), row.submitted, row.accepted] for row in table.levels),
            [_("Total"), table.submissions, table.acceptances],
        ],
    )


def _summary_sheet(wb, table: YearlyTable):
    return _sheet(
        wb,
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            [_("Year"), table.year],
            [_("Articles submitted"), table.articles_submitted],
            [_("Acceptances"), table.acceptances],
            [_("Posts on the street's own channels"), table.own_channel_posts],
            [_("Of which deputy profile posts"), table.profile_posts],
        ],
    )


def _submissions_sheet(wb, table: YearlyTable):
    return _sheet(
        wb,
        _("Submissions"),
        [
            _("Date sent"),
            _("Article"),
            _("Outlet"),
            _("Accepted?"),
            _("Date accepted"),
            _("Where it appeared"),
            _("Web address"),
        ],
        [
            [
                s.sent_on,
                s.article.title,
                s.outlet.name,
                _("yes") if s.accepted else _("no"),
                s.accepted_on,
                s.placement(),
                s.url,
            ]
            for s in Submission.objects.filter(sent_on__year=table.year)
            .select_related("article", "outlet")
            .order_by("sent_on", "outlet__ordering", "pk")
        ],
    )

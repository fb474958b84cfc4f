"""The register as an Excel file, contact details masked unless allowed."""

import io

from django.db.models import Count
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from core import spreadsheets

from ..models import PersonalDataReveal

EXPORT_COLUMNS = [
    (_("tracking code"), lambda s, full: s.tracking_code),
    (
        _("received at"),
        lambda s, full: timezone.localtime(s.received_at).replace(tzinfo=None),
    ),
    (_("kind"), lambda s, full: s.get_kind_display()),
    (_("source"), lambda s, full: s.get_source_display()),
    (_("community"), lambda s, full: str(s.community or "")),
    (_("category"), lambda s, full: str(s.category or "")),
    (_("title"), lambda s, full: s.title),
    (_("status"), lambda s, full: s.get_status_display()),
    (_("outcome class"), lambda s, full: s.outcome),
    (_("due date"), lambda s, full: s.due_date),
    (_("handling unit"), lambda s, full: str(s.handling_unit or "")),
    (_("following deputy"), lambda s, full: str(s.following_deputy or "")),
    (_("replies"), lambda s, full: s.n_replies),
    (
        _("submitter's name"),
        lambda s, full: s.submitter_name if full else s.masked_name,
    ),
    (
        _("submitter's phone"),
        lambda s, full: s.submitter_phone if full else s.masked_phone,
    ),
    (
        _("submitter's address"),
        lambda s, full: s.submitter_address if full else s.masked_address,
    ),
]


def excel_response(queryset, user, *, full: bool) -> HttpResponse:
    """The register as .xlsx; contact details masked unless `full`."""
    rows = list(
        queryset.select_related(
            "community", "category", "handling_unit", "following_deputy"
        ).annotate(n_replies=Count("replies"))
    )
    if full:
        PersonalDataReveal.objects.bulk_create(
            PersonalDataReveal(user=user, suggestion=s, purpose="export") for s in rows
        )
    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Suggestions")
    spreadsheets.append(sheet, [str(label) for label, _f in EXPORT_COLUMNS])
    for s in rows:
        spreadsheets.append(sheet, [getter(s, full) for _l, getter in EXPORT_COLUMNS])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="suggestions-{stamp}.xlsx"'
    return response

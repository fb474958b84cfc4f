"""The duty archive: the deputy's own at /my/archive/, any deputy's in the admin."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.access import is_deputy
from deputies.access import deputy_for
from deputies.models import Deputy

from .builder import archive_years, build_archive, parse_year
from .export import archive_docx, archive_pdf

EXPORTS = {
    "pdf": ("application/pdf", archive_pdf),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        archive_docx,
    ),
}


def _own_deputy(request: HttpRequest):
    """The deputy whose archive this login may see: only its own."""
    deputy = deputy_for(request.user) if is_deputy(request.user) else None
    if deputy is None:
        raise PermissionDenied
    return deputy


def _year_or_400(request, deputy):
    try:
        return parse_year(request.GET.get("year"), deputy), None
    except ValueError:
        return None, _("There is no such year in the archive.")


def _page_context(request, deputy):
    year, error = _year_or_400(request, deputy)
    context = {
        "years": archive_years(deputy),
        "year_error": error,
        "year_param": "all" if year is None else year,
    }
    if not error:
        context["archive"] = build_archive(deputy, year)
    return context, error


@login_required
@require_GET
def my_archive(request: HttpRequest) -> HttpResponse:
    deputy = _own_deputy(request)
    context, error = _page_context(request, deputy)
    return render(
        request, "archive/my_archive.html", context, status=400 if error else 200
    )


@login_required
@require_GET
def my_archive_export(request: HttpRequest, fmt: str) -> HttpResponse:
    return archive_download(request, _own_deputy(request), fmt)


def admin_urls(admin_site) -> list:
    """Any deputy's archive in the admin, beside the deputy's change page."""
    return [
        path(
            "deputies/deputy/<int:pk>/archive/",
            admin_site.admin_view(partial(admin_archive, admin_site=admin_site)),
            name="deputies_deputy_archive",
        ),
        path(
            "deputies/deputy/<int:pk>/archive/<str:fmt>/",
            admin_site.admin_view(admin_archive_download),
            name="deputies_deputy_archive_export",
        ),
    ]


def _staff_deputy(request: HttpRequest, pk: int):
    # Whoever may see the deputy in the admin may see the archive.
    if not (
        request.user.has_perm("deputies.view_deputy")
        or request.user.has_perm("deputies.change_deputy")
    ):
        raise PermissionDenied
    return get_object_or_404(Deputy, pk=pk)


@require_GET
def admin_archive(request, pk: int, admin_site) -> HttpResponse:
    """Staff's view of any deputy's archive."""
    deputy = _staff_deputy(request, pk)
    context, error = _page_context(request, deputy)
    context.update(
        admin_site.each_context(request),
        opts=Deputy._meta,
        original=deputy,
        title=_("Duty archive of %(name)s") % {"name": deputy.name},
    )
    return TemplateResponse(
        request, "archive/admin_archive.html", context, status=400 if error else 200
    )


@require_GET
def admin_archive_download(request, pk: int, fmt: str) -> HttpResponse:
    return archive_download(request, _staff_deputy(request, pk), fmt)


def archive_download(request, deputy, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    year, error = _year_or_400(request, deputy)
    if error:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    content_type, render_file = EXPORTS[fmt]
    content = render_file(build_archive(deputy, year), request)
    period = _("whole term") if year is None else str(year)
    filename = _("Duty archive") + f"-{deputy.name}-{period}.{fmt}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response

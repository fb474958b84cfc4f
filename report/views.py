"""The report pages of the admin: generate, edit, compare, finalise, export.

Every view is wrapped by the admin site (active staff only) and gets its report
through `report_for`, which checks the model permission the action needs.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .diff import version_diff
from .document import ReportDocument
from .forms import ExportForm, GenerateForm, VersionForm
from .models import ReportExport, ReportVersion, WorkReport
from .render import CONTENT_TYPES, render_html
from .services import (
    report_changed_figures,
    report_finalise,
    report_generate,
    report_refresh_figures,
    report_request_export,
    report_save_version,
)
from .structure import paragraph_labels


def report_for(request, pk, action: str = "view") -> WorkReport:
    """The report, if this login may `action` (view, change, finalise) it."""
    if not request.user.has_perm(f"report.{action}_workreport"):
        raise PermissionDenied
    return get_object_or_404(WorkReport, pk=pk)


def _context(request, model_admin, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": WorkReport._meta,
        "title": title,
        **extra,
    }


def editor_url(report) -> str:
    return reverse("admin:report_workreport_change", args=[report.pk])


def generate(request, model_admin):
    if not request.user.has_perm("report.add_workreport"):
        raise PermissionDenied
    form = GenerateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = report_generate(
                year=form.cleaned_data["year"],
                user=request.user,
                meeting_date=form.cleaned_data["meeting_date"],
                meeting_name=form.cleaned_data["meeting_name"],
            )
        except ValidationError as exc:
            form.add_error("year", exc)
        else:
            messages.success(
                request, _("The draft has been generated from the records.")
            )
            return redirect(editor_url(report))
    context = _context(request, model_admin, _("Generate a work report"), form=form)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "report/admin/generate.html", context, status=status
    )


def edit(request, model_admin, pk):
    """The editor: the draft's text, figures, changes, versions and files."""
    report = report_for(request, pk, "change" if request.method == "POST" else "view")
    version = report.latest_version()
    form = VersionForm(
        request.POST or None, version=version, figure_keys=report.figures.keys()
    )
    if request.method == "POST":
        saved = _save_version(request, report, form)
        if saved is not None:
            messages.success(
                request, _("Version %(number)s saved.") % {"number": saved.number}
            )
            return redirect(editor_url(report))
    context = _context(
        request,
        model_admin,
        str(report),
        **_editor_context(request, report, version, form),
    )
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "report/admin/editor.html", context, status=status)


def _save_version(request, report, form):
    """The new version, or None with the reason shown to staff."""
    if report.is_final:
        messages.error(
            request, _("This report has been finalised and can no longer be changed.")
        )
        return None
    if not form.is_valid():
        return None
    try:
        return report_save_version(
            report=report,
            user=request.user,
            title=form.cleaned_data["title"],
            meeting_date=form.cleaned_data["meeting_date"],
            meeting_name=form.cleaned_data["meeting_name"],
            texts=form.texts(),
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


def _editor_context(request, report, version, form) -> dict:
    return {
        "report": report,
        "version": version,
        "form": form,
        "document": ReportDocument.for_version(version),
        "previous_year": report.year - 1,
        "versions": report.versions.select_related("author").order_by("-number"),
        "exports": report.exports.select_related("version")[:10],
        "changes": report_changed_figures(report),
        "export_form": ExportForm(),
        "can_change": request.user.has_perm("report.change_workreport"),
        "can_finalise": request.user.has_perm("report.finalise_workreport"),
    }


@require_GET
def document(request, model_admin, pk):
    """The print-ready page, every figure linked to the records behind it."""
    report = report_for(request, pk)
    version = _version_or_404(report, request.GET.get("version"))
    html = render_html(
        ReportDocument.for_version(version),
        links=True,
        request=request,
        toolbar={"back_url": editor_url(report), "status": report.get_status_display()},
    )
    return HttpResponse(html)


def _version_or_404(report, number) -> ReportVersion:
    if number in (None, ""):
        return report.latest_version()
    try:
        return report.versions.get(number=int(number))
    except (ValueError, ReportVersion.DoesNotExist) as exc:
        raise Http404(_("There is no such version.")) from exc


@require_GET
def compare(request, model_admin, pk, number):
    report = report_for(request, pk)
    version = _version_or_404(report, number)
    previous = version.previous()
    rows = version_diff(previous, version, paragraph_labels(version.paragraphs))
    context = _context(
        request,
        model_admin,
        _("Changes in version %(number)s") % {"number": version.number},
        report=report,
        version=version,
        previous=previous,
        changed=[row for row in rows if row.changed],
        unchanged=sum(1 for row in rows if not row.changed),
    )
    return TemplateResponse(request, "report/admin/compare.html", context)


@require_POST
def finalise(request, model_admin, pk):
    report = report_for(request, pk, "finalise")
    try:
        report_finalise(report=report, user=request.user)
    except ValidationError as exc:
        return _refused(request, model_admin, report, exc.messages)
    messages.success(
        request, _("The report is final: its figures and text are frozen.")
    )
    return redirect(editor_url(report))


@require_POST
def refresh(request, model_admin, pk):
    report = report_for(request, pk, "change")
    try:
        report_refresh_figures(report=report, user=request.user)
    except ValidationError as exc:
        return _refused(request, model_admin, report, exc.messages)
    messages.success(request, _("The figures have been taken again from the records."))
    return redirect(editor_url(report))


def _refused(request, model_admin, report, errors):
    context = _context(
        request,
        model_admin,
        _("The action was refused"),
        report=report,
        errors=errors,
        back_url=editor_url(report),
    )
    return TemplateResponse(request, "report/admin/refused.html", context, status=400)


@require_POST
def export(request, model_admin, pk):
    report = report_for(request, pk)
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _refused(request, model_admin, report, form.errors["format"])
    job = report_request_export(
        report=report, fmt=form.cleaned_data["format"], user=request.user
    )
    return redirect(export_url(job))


def export_url(job) -> str:
    return reverse(
        "admin:report_workreport_export_status", args=[job.report_id, job.pk]
    )


def _export_for(request, pk, export_id) -> ReportExport:
    report = report_for(request, pk)
    return get_object_or_404(
        ReportExport.objects.select_related("report", "version"),
        pk=export_id,
        report=report,
    )


@require_GET
def export_status(request, model_admin, pk, export_id):
    job = _export_for(request, pk, export_id)
    context = _context(
        request,
        model_admin,
        _("Making the file: %(format)s") % {"format": job.get_format_display()},
        report=job.report,
        job=job,
        progress_url=reverse(
            "admin:report_workreport_export_progress", args=[pk, export_id]
        ),
        download_url=_download_url(job),
    )
    return TemplateResponse(request, "report/admin/export.html", context)


def _download_url(job) -> str:
    return reverse(
        "admin:report_workreport_export_download", args=[job.report_id, job.pk]
    )


@require_GET
@never_cache
def export_progress(request, model_admin, pk, export_id):
    job = _export_for(request, pk, export_id)
    return JsonResponse(
        {
            "status": job.status,
            "status_display": job.get_status_display(),
            "progress": job.progress,
            "finished": job.is_finished,
            "download_url": _download_url(job) if job.status == job.Status.DONE else "",
            "error": job.error if job.status == job.Status.FAILED else "",
        }
    )


@require_GET
def export_download(request, model_admin, pk, export_id):
    job = _export_for(request, pk, export_id)
    if job.status != job.Status.DONE or not job.file:
        raise Http404(_("The file is not ready."))
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.download_name(),
        content_type=CONTENT_TYPES[job.format],
    )

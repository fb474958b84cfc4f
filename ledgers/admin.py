"""The import pages in the admin: one per ledger, a preview, then confirmation.

Importing a ledger needs the add permission of the records it adds (a
reception session, a duty activity, a suggestion, an article); the log of
imports shows each person the ledgers they may import.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import services
from .forms import LedgerUploadForm
from .kinds import kinds, ledger
from .models import LedgerImport
from .sheets import XLSX_TYPE


def may_import(user, kind: str) -> bool:
    return user.is_active and user.is_staff and user.has_perm(ledger(kind).permission)


def importable_kinds(user) -> list[str]:
    return [kind for kind in kinds() if may_import(user, kind)]


def _ledger_for(request, kind):
    if kind not in kinds():
        raise Http404
    if not may_import(request.user, kind):
        raise PermissionDenied
    return ledger(kind)


@admin.register(LedgerImport)
class LedgerImportAdmin(admin.ModelAdmin):
    list_display = [
        "uploaded_at",
        "kind",
        "file_name",
        "status",
        "rows",
        "created_count",
        "skipped_count",
        "user",
    ]
    list_filter = ["kind", "status"]
    list_select_related = ["user"]
    fields = list_display + ["fingerprint", "imported_at"]

    def has_module_permission(self, request):
        return bool(importable_kinds(request.user))

    def has_view_permission(self, request, obj=None):
        kinds_allowed = importable_kinds(request.user)
        return bool(kinds_allowed) and (obj is None or obj.kind in kinds_allowed)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(kind__in=importable_kinds(request.user))
        )

    def changelist_view(self, request, extra_context=None):
        books = [ledger(kind) for kind in importable_kinds(request.user)]
        return super().changelist_view(
            request, {**(extra_context or {}), "ledgers": books}
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<str:kind>/upload/", view(self.upload_view), name="ledgers_upload"),
            path(
                "<str:kind>/template/",
                view(self.template_view),
                name="ledgers_template",
            ),
            path("<int:pk>/confirm/", view(self.confirm_view), name="ledgers_confirm"),
            *super().get_urls(),
        ]

    def _render(self, request, book, *, status=200, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import a ledger: %(title)s") % {"title": book.title},
            "ledger": book,
            **context,
        }
        return TemplateResponse(
            request, "admin/ledgers/ledgerimport/upload.html", context, status=status
        )

    def upload_view(self, request, kind):
        book = _ledger_for(request, kind)
        form = LedgerUploadForm(request.POST or None, request.FILES or None)
        if request.method != "POST":
            return self._render(request, book, form=form)
        if not form.is_valid():
            return self._render(request, book, form=form, status=400)
        outcome, record = services.import_preview(
            kind=kind, upload=form.cleaned_data["sheet"], user=request.user
        )
        status = 200 if outcome.ok else 400
        return self._render(
            request,
            book,
            form=LedgerUploadForm(),
            outcome=outcome,
            record=record,
            status=status,
            earlier=_earlier(record),
        )

    def template_view(self, request, kind):
        book = _ledger_for(request, kind)
        response = HttpResponse(
            services.ledger_template(kind=kind), content_type=XLSX_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{book.kind}.xlsx"'
        return response

    def confirm_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:ledgers_ledgerimport_changelist")
        record = get_object_or_404(
            LedgerImport, pk=pk, status=LedgerImport.Status.PREVIEWED
        )
        book = _ledger_for(request, record.kind)
        if record.user_id != request.user.pk:
            raise PermissionDenied
        outcome = services.import_confirm(record=record, user=request.user)
        if not outcome.saved:
            return self._render(
                request, book, form=LedgerUploadForm(), outcome=outcome, status=400
            )
        self.message_user(
            request,
            _("Ledger imported: %(new)d records added, %(old)d rows already on record.")
            % {"new": len(outcome.new), "old": len(outcome.existing)},
            messages.SUCCESS,
        )
        return redirect("admin:ledgers_ledgerimport_changelist")


def _earlier(record):
    """The same file imported before, if it was."""
    if record is None:
        return None
    return (
        LedgerImport.objects.filter(
            fingerprint=record.fingerprint, status=LedgerImport.Status.IMPORTED
        )
        .order_by("-imported_at")
        .first()
    )

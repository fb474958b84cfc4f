"""The work report in the admin: a list of years, and the report's own pages."""

from functools import partial

from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import views
from .models import ReportExport, WorkReport


@admin.register(WorkReport)
class WorkReportAdmin(admin.ModelAdmin):
    list_display = [
        "year",
        "status",
        "version_count",
        "generated_at",
        "finalised_at",
    ]
    list_display_links = ["year"]
    list_filter = ["status"]
    ordering = ["-year"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_version_counts()

    @admin.display(description=_("versions"), ordering="version_count")
    def version_count(self, obj):
        return obj.version_count

    def has_delete_permission(self, request, obj=None):
        # A finalised report is the committee's record of the year.
        if obj is not None and obj.is_final:
            return False
        return super().has_delete_permission(request, obj)

    def add_view(self, request, form_url="", extra_context=None):
        return views.generate(request, self)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return views.edit(request, self, object_id)

    def get_urls(self):
        wrap = self.admin_site.admin_view

        def route(pattern, view, name):
            return path(
                pattern,
                wrap(partial(view, model_admin=self)),
                name=f"report_workreport_{name}",
            )

        return [
            route("<int:pk>/document/", views.document, "document"),
            route("<int:pk>/versions/<int:number>/compare/", views.compare, "compare"),
            route("<int:pk>/finalise/", views.finalise, "finalise"),
            route("<int:pk>/refresh/", views.refresh, "refresh"),
            route("<int:pk>/export/", views.export, "export"),
            route(
                "<int:pk>/exports/<int:export_id>/",
                views.export_status,
                "export_status",
            ),
            route(
                "<int:pk>/exports/<int:export_id>/progress/",
                views.export_progress,
                "export_progress",
            ),
            route(
                "<int:pk>/exports/<int:export_id>/download/",
                views.export_download,
                "export_download",
            ),
            *super().get_urls(),
        ]


@admin.register(ReportExport)
class ReportExportAdmin(admin.ModelAdmin):
    list_display = [
        "report",
        "format",
        "version_number",
        "status",
        "requested_at",
        "open",
    ]
    list_filter = ["format", "status"]
    list_select_related = ["report", "version"]

    @admin.display(description=_("version"))
    def version_number(self, obj):
        return obj.version.number

    @admin.display(description=_("file"))
    def open(self, obj):
        url = reverse(
            "admin:report_workreport_export_status", args=[obj.report_id, obj.pk]
        )
        return format_html('<a href="{}">{}</a>', url, _("Open the file"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

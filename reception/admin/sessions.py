"""The admin of reception sessions: their issues and photos, the export and
the yearly statistics."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..exports import XLSX_CONTENT_TYPE, export_filename, sessions_workbook
from ..models import ReceptionSession, SessionIssue, SessionPhoto


class SessionIssueInline(admin.TabularInline):
    model = SessionIssue
    extra = 0
    fields = ["text", "community", "category", "ordering", "uid"]
    readonly_fields = ["uid"]


class SessionPhotoInline(admin.TabularInline):
    model = SessionPhoto
    extra = 0
    fields = ["image", "caption"]


class MonthFilter(admin.SimpleListFilter):
    title = _("month")
    parameter_name = "month"

    def lookups(self, request, model_admin):
        months = ReceptionSession.objects.dates("started_at", "month", order="DESC")
        return [(f"{m:%Y-%m}", date_format(m, "YEAR_MONTH_FORMAT")) for m in months]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
        except ValueError:
            return queryset.none()
        return queryset.filter(started_at__year=year, started_at__month=month)


@admin.register(ReceptionSession)
class ReceptionSessionAdmin(admin.ModelAdmin):
    list_display = [
        "started_at",
        "station",
        "mode",
        "deputy_names",
        "voters_received",
        "issue_count",
        "photo_count",
    ]
    list_filter = ["station", "deputies", MonthFilter, "mode"]
    date_hierarchy = "started_at"
    search_fields = ["summary", "station__name", "deputies__name", "issues__text"]
    filter_horizontal = ["deputies"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [SessionIssueInline, SessionPhotoInline]
    actions = ["export_xlsx"]
    list_select_related = ["station"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("deputies")
            .annotate(
                n_issues=Count("issues", distinct=True),
                n_photos=Count("photos", distinct=True),
            )
        )

    @admin.display(description=_("deputies present"))
    def deputy_names(self, obj):
        return "、".join(d.name for d in obj.deputies.all())

    @admin.display(description=_("issues"), ordering="n_issues")
    def issue_count(self, obj):
        return obj.n_issues

    @admin.display(description=_("photos"), ordering="n_photos")
    def photo_count(self, obj):
        return obj.n_photos

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Export the selected sessions to Excel"))
    def export_xlsx(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        return _xlsx_response(ReceptionSession.objects.filter(pk__in=ids))

    def get_urls(self):
        return [
            path(
                "statistics/",
                self.admin_site.admin_view(self.statistics_view),
                name="reception_receptionsession_statistics",
            ),
        ] + super().get_urls()

    def statistics_view(self, request):
        """Per-station yearly figures; ?format=xlsx downloads the year's sessions."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        years = selectors.years_with_sessions()
        try:
            year = int(request.GET.get("year") or (years[0] if years else 0))
        except ValueError:
            year = 0
        year = year or timezone.localdate().year
        if request.GET.get("format") == "xlsx":
            return _xlsx_response(
                ReceptionSession.objects.in_year(year), prefix=f"reception-{year}"
            )
        rows = selectors.station_year_statistics(year)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Reception statistics for %(year)s") % {"year": year},
            "year": year,
            "years": sorted(set(years) | {year}, reverse=True),
            "rows": rows,
            "totals": {
                "sessions": sum(r.sessions for r in rows),
                "voters": sum(r.voters for r in rows),
                "attendances": sum(r.attendances for r in rows),
            },
            "deputies": selectors.deputy_year_attendance(year),
            "changelist_url": reverse("admin:reception_receptionsession_changelist"),
        }
        return TemplateResponse(
            request, "admin/reception/receptionsession/statistics.html", context
        )


def _xlsx_response(sessions, prefix="reception-sessions") -> HttpResponse:
    response = HttpResponse(sessions_workbook(sessions), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{export_filename(prefix)}"'
    )
    return response

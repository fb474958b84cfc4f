from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .forms import ByElectionForm, RegisterImportForm
from .models import (
    ActivityPhoto,
    Attendance,
    ByElection,
    Community,
    Constituency,
    Deputy,
    DutyActivity,
    DutyReport,
)


class PortalModelAdmin(admin.ModelAdmin):
    """A re-rendered form with errors answers 400, as the portal's own forms do."""

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        if request.method == "POST" and context.get("errors"):
            response.status_code = 400
        return response


@admin.register(Community)
class CommunityAdmin(PortalModelAdmin):
    list_display = ["name", "slug", "ordering", "deputy_count"]
    list_editable = ["ordering"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_deputies=Count("deputies"))

    @admin.display(description=_("deputies"), ordering="n_deputies")
    def deputy_count(self, obj):
        return obj.n_deputies


@admin.register(Constituency)
class ConstituencyAdmin(PortalModelAdmin):
    list_display = ["number", "name", "deputy_count"]
    search_fields = ["name"]
    filter_horizontal = ["communities"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_deputies=Count("deputies"))

    @admin.display(description=_("deputies"), ordering="n_deputies")
    def deputy_count(self, obj):
        return obj.n_deputies


@admin.register(Deputy)
class DeputyAdmin(PortalModelAdmin):
    list_display = [
        "name",
        "gender",
        "level",
        "term",
        "constituency",
        "community",
        "phone_masked",
        "user",
        "archive_link",
    ]
    list_filter = ["level", "term", "constituency", "community", "gender", "party"]
    search_fields = ["name", "occupation", "employer"]
    list_select_related = ["constituency", "community", "user"]
    autocomplete_fields = ["user"]
    change_list_template = "admin/deputies/deputy/change_list.html"
    change_form_template = "admin/deputies/deputy/change_form.html"
    actions = ["export_selected"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "gender",
                    "ethnicity",
                    "party",
                    "birth_year",
                    "photo",
                    "profile",
                ]
            },
        ),
        (
            _("Mandate"),
            {
                "fields": [
                    "level",
                    "term",
                    "constituency",
                    "community",
                    "active_from",
                    "active_to",
                ]
            },
        ),
        (_("Work"), {"fields": ["occupation", "employer"]}),
        (_("Private"), {"fields": ["phone", "user"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can_see_phone(request.user):
            return fieldsets
        # Without the permission the number is shown masked and cannot be changed.
        return [
            (
                title,
                {
                    **opts,
                    "fields": [
                        "phone_masked" if f == "phone" else f for f in opts["fields"]
                    ],
                },
            )
            for title, opts in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        return [] if can_see_phone(request.user) else ["phone_masked"]

    @admin.display(description=_("private phone"))
    def phone_masked(self, obj):
        return obj.masked_phone if obj and obj.phone else "—"

    @admin.display(description=_("duty archive"))
    def archive_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:deputies_deputy_archive", args=[obj.pk]),
            _("Duty archive"),
        )

    @admin.action(description=_("Export the selected deputies to Excel"))
    def export_selected(self, request, queryset):
        return _xlsx_response(
            services.export_register(queryset, show_phone=can_see_phone(request.user)),
            "deputies.xlsx",
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "import/",
                view(self.import_view),
                name="deputies_deputy_import",
            ),
            path(
                "import/template/",
                view(self.import_template_view),
                name="deputies_deputy_import_template",
            ),
            path("export/", view(self.export_view), name="deputies_deputy_export"),
            *super().get_urls(),
        ]

    def _require(self, request, *actions):
        for action in actions:
            if not getattr(self, f"has_{action}_permission")(request):
                raise PermissionDenied

    def import_view(self, request):
        self._require(request, "add", "change")
        if request.method == "POST":
            form = RegisterImportForm(request.POST, request.FILES)
        else:
            form = RegisterImportForm()
        result = None
        status = 200
        if form.is_bound:
            if form.is_valid():
                result = services.register_import(upload=form.cleaned_data["sheet"])
                if result.ok:
                    self.message_user(
                        request,
                        _("Register imported: %(created)d added, %(updated)d updated.")
                        % {"created": result.created, "updated": result.updated},
                        messages.SUCCESS,
                    )
                    return redirect("admin:deputies_deputy_changelist")
            status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import the deputies' register"),
            "form": form,
            "result": result,
        }
        return TemplateResponse(
            request, "admin/deputies/deputy/import.html", context, status=status
        )

    def import_template_view(self, request):
        self._require(request, "add")
        return _xlsx_response(services.register_template(), "deputies-template.xlsx")

    def export_view(self, request):
        self._require(request, "view")
        return _xlsx_response(
            services.export_register(
                self.get_queryset(request), show_phone=can_see_phone(request.user)
            ),
            "deputies.xlsx",
        )


def can_see_phone(user) -> bool:
    return user.has_perm("deputies.view_personal_data")


def _xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=services.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 1
    autocomplete_fields = ["deputy"]
    fields = ["deputy", "invited", "attended", "reflection"]


class ActivityPhotoInline(admin.TabularInline):
    model = ActivityPhoto
    extra = 1
    fields = ["image", "caption", "ordering"]


@admin.register(DutyActivity)
class DutyActivityAdmin(PortalModelAdmin):
    list_display = [
        "date",
        "kind",
        "title",
        "organiser",
        "invited_count",
        "attended_count",
        "photo_count",
    ]
    list_filter = ["kind", "organiser", "is_public", "publication_kind"]
    date_hierarchy = "date"
    search_fields = ["title", "place", "publication", "law_inspected"]
    inlines = [AttendanceInline, ActivityPhotoInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "title",
                    "date",
                    "place",
                    "organiser",
                    "description",
                    "is_public",
                ]
            },
        ),
        (_("Symposium"), {"fields": ["topics"]}),
        (
            _("Poverty-alleviation visits"),
            {"fields": ["households_due", "households_visited"]},
        ),
        (_("Law-enforcement inspection"), {"fields": ["law_inspected"]}),
        (
            _("Briefing distribution"),
            {"fields": ["publication", "publication_kind", "copies", "recipients"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_invited=Count(
                    "attendances", filter=Q(attendances__invited=True), distinct=True
                ),
                n_attended=Count(
                    "attendances", filter=Q(attendances__attended=True), distinct=True
                ),
                n_photos=Count("photos", distinct=True),
            )
        )

    @admin.display(description=_("invited"), ordering="n_invited")
    def invited_count(self, obj):
        return obj.n_invited

    @admin.display(description=_("attended"), ordering="n_attended")
    def attended_count(self, obj):
        return obj.n_attended

    @admin.display(description=_("photos"), ordering="n_photos")
    def photo_count(self, obj):
        return obj.n_photos


@admin.register(DutyReport)
class DutyReportAdmin(PortalModelAdmin):
    list_display = [
        "date",
        "deputy",
        "constituency",
        "audience",
        "satisfied",
        "fairly_satisfied",
        "dissatisfied",
    ]
    list_filter = ["constituency"]
    date_hierarchy = "date"
    search_fields = ["deputy__name", "place"]
    list_select_related = ["deputy", "constituency"]
    autocomplete_fields = ["deputy"]


@admin.register(ByElection)
class ByElectionAdmin(PortalModelAdmin):
    form = ByElectionForm
    list_display = ["date", "constituency", "seats", "elected_names"]
    list_filter = ["constituency"]
    date_hierarchy = "date"
    list_select_related = ["constituency"]
    autocomplete_fields = ["elected"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("elected")

    @admin.display(description=_("deputies elected"))
    def elected_names(self, obj):
        return "、".join(d.name for d in obj.elected.all())

"""The register of suggestions in the back office, with its workflow pages."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ..forms import ActionForm, AssignForm
from ..models import Suggestion
from ..services import following, intake, personal_data
from .export import excel_response
from .filters import MonthFilter, QueueFilter
from .inlines import PhotoInline, ReplyInline
from .notices import ResidentNoticesDisplay
from .workflow import run_action


@admin.register(Suggestion)
class SuggestionAdmin(ResidentNoticesDisplay, SimpleHistoryAdmin):
    list_display = [
        "tracking_code",
        "title",
        "kind",
        "source",
        "community",
        "category",
        "status",
        "due_date",
        "overdue",
        "following_deputy",
        "handling_unit",
        "contact",
        "received_at",
    ]
    list_select_related = ["community", "category", "following_deputy", "handling_unit"]
    list_filter = [
        QueueFilter,
        "status",
        "kind",
        "source",
        "community",
        "category",
        "handling_unit",
        "following_deputy",
        MonthFilter,
    ]
    # The month filter is the date navigation: a date hierarchy would scan every
    # row for its months on each page. Pages of 50 rows, counted once.
    list_per_page = 50
    show_full_result_count = False
    search_fields = ["tracking_code", "title"]
    actions = ["assign", "export_excel"]
    history_list_display = ["status"]
    # get_absolute_url is the deputy's page, which staff do not use.
    view_on_site = False
    add_fields = [
        "kind",
        "congress_session",
        "source",
        "community",
        "category",
        "title",
        "text",
        "submitter_name",
        "submitter_phone",
        "submitter_address",
        "consent",
        "privacy_notice_version",
        "raised_by",
        "received_at",
    ]
    change_fields = [
        "workflow",
        "tracking_code",
        "status",
        "kind",
        "congress_session",
        "source",
        "community",
        "category",
        "title",
        "text",
        "outcome",
        "due_date",
        "following_deputy",
        "handling_unit",
        "raised_by",
        "station",
        "addressed_deputy",
        "contact",
        "notices_html",
        "consent",
        "privacy_notice_version",
        "received_at",
        "finished_at",
        "timeline_html",
        "escalations_html",
    ]
    change_readonly = [
        "workflow",
        "tracking_code",
        "status",
        "due_date",
        "following_deputy",
        "handling_unit",
        "raised_by",
        "station",
        "addressed_deputy",
        "contact",
        "notices_html",
        "consent",
        "privacy_notice_version",
        "received_at",
        "finished_at",
        "timeline_html",
        "escalations_html",
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = getattr(request, "resolver_match", None)
        if match and match.url_name == "suggestions_suggestion_changelist":
            # The list shows no text; an item's text can be pages long.
            queryset = queryset.defer("text")
        return queryset

    def get_fields(self, request, obj=None):
        return self.change_fields if obj else self.add_fields

    def get_readonly_fields(self, request, obj=None):
        return self.change_readonly if obj else []

    def get_inlines(self, request, obj):
        return [PhotoInline, ReplyInline] if obj else [PhotoInline]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            intake.suggestion_create(suggestion=obj, actor=request.user)

    def has_delete_permission(self, request, obj=None):
        # The register is kept whole: "every item answered" is counted from it.
        return False

    @admin.display(description=_("contact"))
    def contact(self, obj):
        return " ".join(filter(None, [obj.masked_name, obj.masked_phone])) or "—"

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, obj):
        return obj.is_overdue()

    @admin.display(description=_("workflow"))
    def workflow(self, obj):
        links = [
            (
                reverse("admin:suggestions_suggestion_act", args=[obj.pk]),
                gettext("Next step, reply, note or escalation…"),
            )
        ]
        links.append(
            (
                reverse("admin:suggestions_suggestion_reveal", args=[obj.pk]),
                gettext("Reveal full contact details (recorded)"),
            )
        )
        return format_html_join(" · ", '<a class="button" href="{}">{}</a>', links)

    @admin.display(description=_("timeline"))
    def timeline_html(self, obj):
        entries = obj.timeline.all()
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li>{} · {} · {} {} {}<br>{}</li>",
                (
                    (
                        timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M"),
                        e.actor_label,
                        e.get_kind_display(),
                        e.get_to_status_display() if e.to_status else "",
                        "" if e.public else gettext("(internal)"),
                        e.note,
                    )
                    for e in entries
                ),
            ),
        )

    @admin.display(description=_("escalations"))
    def escalations_html(self, obj):
        rows = []
        for esc in obj.escalations.select_related("city_deputy").prefetch_related(
            "follow_ups"
        ):
            follow = "; ".join(
                f"{f.on:%Y-%m-%d} {f.text}" for f in esc.follow_ups.all()
            )
            rows.append(
                (
                    esc.escalated_on.strftime("%Y-%m-%d"),
                    esc.city_deputy,
                    esc.get_status_display(),
                    esc.request,
                    follow,
                )
            )
        if not rows:
            return "—"
        return format_html_join("", "<p>{} {} ({}): {}<br>{}</p>", rows)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/act/",
                wrap(self.action_view),
                name="suggestions_suggestion_act",
            ),
            path(
                "<int:pk>/reveal/",
                wrap(self.reveal_view),
                name="suggestions_suggestion_reveal",
            ),
            *super().get_urls(),
        ]

    def _get_for_change(self, request, pk):
        suggestion = get_object_or_404(Suggestion, pk=pk)
        if not self.has_change_permission(request, suggestion):
            raise PermissionDenied
        return suggestion

    def action_view(self, request, pk):
        suggestion = self._get_for_change(request, pk)
        form = ActionForm(request.POST or None, suggestion=suggestion)
        status = 200
        if request.method == "POST":
            if form.is_valid():
                try:
                    run_action(suggestion, request.user, form.cleaned_data)
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    self.message_user(request, gettext("Saved."), messages.SUCCESS)
                    return redirect(
                        "admin:suggestions_suggestion_change", suggestion.pk
                    )
            status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": suggestion,
            "form": form,
            "title": gettext("Workflow: %(code)s") % {"code": suggestion.tracking_code},
            "allowed": [
                Suggestion.Status(s).label for s in suggestion.allowed_statuses()
            ],
        }
        return TemplateResponse(
            request, "admin/suggestions/suggestion/action.html", context, status=status
        )

    def reveal_view(self, request, pk):
        suggestion = self._get_for_change(request, pk)
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": suggestion,
                "title": gettext("Reveal contact details"),
                "can_reveal": request.user.has_perm("suggestions.reveal_personal_data"),
            }
            return TemplateResponse(
                request, "admin/suggestions/suggestion/reveal.html", context
            )
        data = personal_data.personal_data_reveal(
            suggestion=suggestion, user=request.user
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": suggestion,
            "title": gettext("Contact details"),
            "data": data,
        }
        response = TemplateResponse(
            request, "admin/suggestions/suggestion/reveal.html", context
        )
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Assign a following deputy or handling unit"))
    def assign(self, request, queryset):
        if "apply" in request.POST:
            form = AssignForm(request.POST)
            if form.is_valid():
                for suggestion in queryset:
                    following.suggestion_assign(
                        suggestion=suggestion, actor=request.user, **form.cleaned_data
                    )
                self.message_user(
                    request,
                    gettext("%(n)d items assigned.") % {"n": queryset.count()},
                    messages.SUCCESS,
                )
                return None
        else:
            form = AssignForm()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "queryset": queryset,
            "title": gettext("Assign"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/suggestions/suggestion/assign.html", context
        )

    @admin.action(description=_("Export the selected items to Excel"))
    def export_excel(self, request, queryset):
        full = request.user.has_perm("suggestions.export_personal_data")
        return excel_response(queryset, request.user, full=full)

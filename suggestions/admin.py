import datetime
import io

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Min
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import ActionForm, AssignForm
from .models import (
    Category,
    Escalation,
    EscalationFollowUp,
    HandlingUnit,
    Notification,
    PersonalDataReveal,
    Rating,
    Reply,
    Suggestion,
    SuggestionPhoto,
)


class QueueFilter(admin.SimpleListFilter):
    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("new", _("New, to accept")),
            ("overdue", _("Overdue")),
            ("awaiting", _("Awaiting reply")),
            ("reopened", _("Reopened")),
        ]

    def queryset(self, request, queryset):
        method = {
            "new": "new",
            "overdue": "overdue",
            "awaiting": "awaiting_reply",
            "reopened": "reopened",
        }.get(self.value())
        return getattr(queryset, method)() if method else queryset


class MonthFilter(admin.SimpleListFilter):
    title = _("month received")
    parameter_name = "month"

    def lookups(self, request, model_admin):
        # The 36 months up to the latest suggestion, from two index lookups
        # rather than a scan of every row for the months that hold one.
        span = Suggestion.objects.aggregate(
            first=Min("received_at"), last=Max("received_at")
        )
        if span["last"] is None:
            return []
        first = timezone.localtime(span["first"]).date().replace(day=1)
        month = timezone.localtime(span["last"]).date().replace(day=1)
        months = []
        while month >= first and len(months) < 36:
            months.append((f"{month:%Y-%m}", f"{month:%Y-%m}"))
            month = (month - datetime.timedelta(days=1)).replace(day=1)
        return months

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
        except ValueError:
            return queryset.none()
        return queryset.filter(received_at__year=year, received_at__month=month)


class PhotoInline(admin.TabularInline):
    model = SuggestionPhoto
    extra = 0
    max_num = 9
    fields = ["image", "open_photo", "uploaded_at"]
    readonly_fields = ["open_photo", "uploaded_at"]

    @admin.display(description=_("view"))
    def open_photo(self, obj):
        # Residents' photos are never at a public address: the authorised view.
        if not obj.pk:
            return ""
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("suggestions:photo", args=[obj.pk]),
            _("Open the photo"),
        )


class ReplyInline(admin.StackedInline):
    model = Reply
    extra = 0
    can_delete = False
    fields = ["responder", "answered_on", "channel", "text", "recorded_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Suggestion)
class SuggestionAdmin(SimpleHistoryAdmin):
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
    date_hierarchy = "received_at"
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
        "contact",
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
        "contact",
        "consent",
        "privacy_notice_version",
        "received_at",
        "finished_at",
        "timeline_html",
        "escalations_html",
    ]

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
            services.suggestion_create(suggestion=obj, actor=request.user)

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
        data = services.personal_data_reveal(suggestion=suggestion, user=request.user)
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
                    services.suggestion_assign(
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


def run_action(suggestion, user, data) -> None:
    """Dispatch one admin workflow step to the service that performs it."""
    action = data["action"]
    reply = {k: data[k] for k in ("responder", "answered_on", "channel", "text")}
    if action == "accept":
        services.suggestion_accept(
            suggestion=suggestion,
            actor=user,
            handling_unit=data["handling_unit"],
            due_date=data["due_date"],
            following_deputy=data["following_deputy"],
        )
    elif action == "start":
        services.suggestion_start(suggestion=suggestion, actor=user, note=data["text"])
    elif action == "reply":
        services.suggestion_reply(
            suggestion=suggestion, actor=user, outcome=data["outcome"], **reply
        )
    elif action == "reject":
        services.suggestion_reject(suggestion=suggestion, actor=user, **reply)
    elif action == "close":
        services.suggestion_close(
            suggestion=suggestion,
            actor=user,
            note=data["text"],
            outcome=data["outcome"],
        )
    elif action == "reopen":
        services.suggestion_reopen(
            suggestion=suggestion, actor=user, note=data["text"], public=data["public"]
        )
    elif action == "follow_up":
        services.suggestion_follow_up(
            suggestion=suggestion, actor=user, note=data["text"], public=data["public"]
        )
    elif action == "escalate":
        services.escalation_create(
            suggestion=suggestion,
            actor=user,
            city_deputy=data["city_deputy"],
            escalated_on=data["answered_on"] or timezone.localdate(),
            request=data["text"],
        )
    elif action == "escalation_follow_up":
        services.escalation_follow_up(
            escalation=data["escalation"],
            actor=user,
            on=data["answered_on"] or timezone.localdate(),
            text=data["text"],
            status=data["escalation_status"] or None,
            public=data["public"],
        )


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
    sheet.append([str(label) for label, _f in EXPORT_COLUMNS])
    for s in rows:
        sheet.append([getter(s, full) for _l, getter in EXPORT_COLUMNS])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="suggestions-{stamp}.xlsx"'
    return response


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "ordering", "active"]
    list_editable = ["ordering", "active"]


@admin.register(HandlingUnit)
class HandlingUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "active"]
    list_editable = ["active"]
    search_fields = ["name"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FollowUpInline(admin.TabularInline):
    model = EscalationFollowUp
    extra = 0
    fields = ["on", "text", "public", "recorded_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ["suggestion", "city_deputy", "escalated_on", "status"]
    list_select_related = ["suggestion", "city_deputy"]
    list_filter = ["status", "city_deputy"]
    inlines = [FollowUpInline]


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    list_display = ["suggestion", "score", "comment", "created_at"]
    list_select_related = ["suggestion"]
    list_filter = ["score"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["message", "kind", "suggestion", "created_at", "read_at", "sent_at"]
    list_select_related = ["suggestion"]
    list_filter = ["kind"]
    actions = ["mark_read"]

    def get_queryset(self, request):
        # Each person sees their own notices, the superuser all of them.
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(recipient=request.user)

    @admin.action(description=_("Mark as read"))
    def mark_read(self, request, queryset):
        queryset.filter(read_at__isnull=True).update(read_at=timezone.now())


@admin.register(PersonalDataReveal)
class PersonalDataRevealAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "suggestion", "purpose"]
    list_select_related = ["user", "suggestion"]
    list_filter = ["purpose"]

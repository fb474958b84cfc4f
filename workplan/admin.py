from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from deputies.admin import PortalModelAdmin
from reception.models import ReceptionSession

from .models import KeyWork, PlanHeading, PlanItem, PriorityLine, WorkPlan
from .selectors import (
    attach_progress,
    behind_schedule,
    grouped,
    key_work_timeline,
    plan_items,
)


@admin.register(PriorityLine)
class PriorityLineAdmin(PortalModelAdmin):
    list_display = ["name", "ordering", "key_work_count"]
    list_editable = ["ordering"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("key_works"))

    @admin.display(description=_("key works"), ordering="n")
    def key_work_count(self, obj):
        return obj.n


@admin.register(PlanHeading)
class PlanHeadingAdmin(PortalModelAdmin):
    list_display = ["name", "report_part", "ordering", "item_count"]
    list_editable = ["ordering"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("items"))

    @admin.display(description=_("plan items"), ordering="n")
    def item_count(self, obj):
        return obj.n


@admin.register(KeyWork)
class KeyWorkAdmin(PortalModelAdmin):
    list_display = [
        "title",
        "priority_line",
        "years",
        "status",
        "activity_count",
        "session_count",
        "suggestion_count",
        "article_count",
        "is_public",
    ]
    list_filter = ["status", "priority_line", "start_year", "is_public"]
    search_fields = ["title", "description"]
    list_select_related = ["priority_line"]
    autocomplete_fields = ["activities", "sessions", "suggestions", "articles"]
    change_form_template = "admin/workplan/keywork/change_form.html"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "description",
                    "priority_line",
                    ("start_year", "end_year"),
                    "status",
                    "is_public",
                    "ordering",
                ]
            },
        ),
        (
            _("Linked records"),
            {"fields": ["activities", "sessions", "suggestions", "articles"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # A session is named by its venue: fetch it with the selected sessions.
        if db_field.name == "sessions":
            kwargs["queryset"] = ReceptionSession.objects.select_related("station")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("activities"), ordering="activity_count")
    def activity_count(self, obj):
        return obj.activity_count

    @admin.display(description=_("sessions"), ordering="session_count")
    def session_count(self, obj):
        return obj.session_count

    @admin.display(description=_("suggestions"), ordering="suggestion_count")
    def suggestion_count(self, obj):
        return obj.suggestion_count

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    @admin.display(description=_("years"), ordering="start_year")
    def years(self, obj):
        return obj.years

    def change_view(self, request, object_id, form_url="", extra_context=None):
        key_work = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if key_work is not None:
            extra_context["timeline"] = key_work_timeline(key_work)
            extra_context["key_work_items"] = attach_progress(
                key_work.plan_items.for_lists()
            )
        return super().change_view(request, object_id, form_url, extra_context)


class PlanItemInline(admin.StackedInline):
    model = PlanItem
    extra = 0
    fields = [
        "heading",
        "title",
        "lead",
        "target_date",
        "measure",
        "activity_kind",
        "target_count",
        "match_rule",
        "keyword",
        "ordering",
    ]
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "heading" and field is not None:
            # Every row offers the same headings: read them once per request.
            cache = request.__dict__.setdefault("_workplan_heading_choices", [])
            if not cache:
                cache.extend(field.choices)
            field.choices = cache
            inner = getattr(field.widget, "widget", None)
            if inner is not None:
                inner.choices = cache
        return field


@admin.register(WorkPlan)
class WorkPlanAdmin(PortalModelAdmin):
    list_display = ["__str__", "year", "item_count", "done_count", "behind_count"]
    search_fields = ["year"]
    inlines = [PlanItemInline]
    change_form_template = "admin/workplan/workplan/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("items"))

    @admin.display(description=_("plan items"), ordering="n")
    def item_count(self, obj):
        return obj.n

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        plans = {plan.pk: plan for plan in changelist.result_list}
        for plan in plans.values():
            plan.done_items, plan.behind_items = 0, 0
        # Progress of every item of the page's plans at once.
        for item in attach_progress(
            PlanItem.objects.filter(plan__in=list(plans)).select_related("plan")
        ):
            plan = plans[item.plan_id]
            plan.done_items += item.progress.is_done
            plan.behind_items += item.progress.is_behind
        return changelist

    @admin.display(description=_("done"))
    def done_count(self, obj):
        return getattr(obj, "done_items", "—")

    @admin.display(description=_("behind schedule"))
    def behind_count(self, obj):
        behind = getattr(obj, "behind_items", 0)
        if not behind:
            return behind
        url = reverse("admin:workplan_planitem_changelist")
        return format_html(
            '<a class="workplan-behind" href="{}?schedule=behind&amp;plan__year={}">'
            "{}</a>",
            url,
            obj.year,
            behind,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        plan = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if plan is not None:
            extra_context["plan_groups"] = grouped(plan_items(plan.year))
        return super().change_view(request, object_id, form_url, extra_context)


class BehindScheduleFilter(admin.SimpleListFilter):
    title = _("schedule")
    parameter_name = "schedule"

    def lookups(self, request, model_admin):
        return [("behind", _("Behind schedule"))]

    def queryset(self, request, queryset):
        if self.value() == "behind":
            return queryset.filter(pk__in=[item.pk for item in behind_schedule()])
        return queryset


@admin.register(PlanItem)
class PlanItemAdmin(PortalModelAdmin):
    list_display = [
        "title",
        "plan_year",
        "heading",
        "key_work",
        "lead",
        "target_date",
        "target",
        "progress",
    ]
    list_filter = [BehindScheduleFilter, "plan__year", "heading", "measure"]
    search_fields = ["title", "description", "lead", "key_work__title"]
    list_select_related = ["plan", "heading", "key_work"]
    autocomplete_fields = [
        "key_work",
        "deputies",
        "activities",
        "sessions",
        "duty_reports",
        "suggestions",
        "articles",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "plan",
                    "heading",
                    "title",
                    "description",
                    "key_work",
                    "lead",
                    "deputies",
                    "target_date",
                    "ordering",
                ]
            },
        ),
        (
            _("Measurable target"),
            {
                "fields": [
                    "measure",
                    "activity_kind",
                    "target_count",
                    "match_rule",
                    "keyword",
                ]
            },
        ),
        (
            _("Records that carry it out"),
            {
                "fields": [
                    "activities",
                    "sessions",
                    "duty_reports",
                    "suggestions",
                    "articles",
                ]
            },
        ),
    ]

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # Progress for the whole page at once: a fixed number of queries.
        attach_progress(changelist.result_list)
        return changelist

    @admin.display(description=_("year"), ordering="plan__year")
    def plan_year(self, obj):
        return obj.plan.year

    @admin.display(description=_("target"))
    def target(self, obj):
        return obj.target_text

    @admin.display(description=_("progress"))
    def progress(self, obj):
        progress = getattr(obj, "progress", None)
        if progress is None:
            progress = attach_progress([obj])[0].progress
        if progress.is_done:
            label, css = _("Done"), "workplan-done"
        elif progress.is_behind:
            label, css = _("Behind schedule"), "workplan-behind"
        else:
            label, css = _("Under way"), "workplan-underway"
        return format_html(
            '{} / {} <span class="{}">{}</span>',
            progress.done,
            progress.target,
            css,
            label,
        )

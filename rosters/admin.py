from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deputies.admin import PortalModelAdmin

from . import figures
from .forms import DutyRuleForm, RuleChildFormSet
from .models import DutyRule, Reminder, RuleException, Swap


class RuleExceptionInline(admin.TabularInline):
    model = RuleException
    formset = RuleChildFormSet
    extra = 0


class SwapInline(admin.TabularInline):
    model = Swap
    formset = RuleChildFormSet
    extra = 0
    autocomplete_fields = ["absent", "substitute"]


@admin.register(DutyRule)
class DutyRuleAdmin(PortalModelAdmin):
    form = DutyRuleForm
    list_display = ["station", "when", "deputy_names", "change_count", "active"]
    list_filter = ["active", "frequency", "station"]
    list_select_related = ["station"]
    filter_horizontal = ["deputies"]
    inlines = [RuleExceptionInline, SwapInline]
    fieldsets = [
        (None, {"fields": ["station", "deputies", "active", "note"]}),
        (
            gettext_lazy("When"),
            {
                "fields": [
                    "frequency",
                    ("nth", "weekday"),
                    ("starts_on", "ends_on"),
                    "part_of_day",
                    ("start_time", "end_time"),
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("deputies")
            .annotate(
                exception_count=Count("exceptions", distinct=True),
                swap_count=Count("swaps", distinct=True),
            )
        )

    @admin.display(description=gettext_lazy("when"))
    def when(self, rule):
        return rule.describe()

    @admin.display(description=gettext_lazy("deputies on duty"))
    def deputy_names(self, rule):
        return "、".join(deputy.name for deputy in rule.deputies.all())

    @admin.display(description=gettext_lazy("exceptions and swaps"))
    def change_count(self, rule):
        return rule.exception_count + rule.swap_count

    def save_form(self, request, form, change):
        rule = super().save_form(request, form, change)
        # The inlines check swaps against the deputies just chosen.
        rule.pending_deputies = list(form.cleaned_data.get("deputies") or [])
        return rule

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "planned-held/",
                view(self.planned_held_view),
                name="rosters_dutyrule_planned_held",
            ),
            *super().get_urls(),
        ]

    def planned_held_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        this_year = timezone.localdate().year
        try:
            year = int(request.GET.get("year", this_year))
        except ValueError:
            year = 0
        status = 200
        if not 2000 <= year <= this_year + 1:
            year, status = this_year, 400
            self.message_user(request, _("Choose a year between 2000 and next year."))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Planned and held receptions in %(year)d") % {"year": year},
            "figures": figures.planned_and_held(year),
            "dates": figures.planned_dates(year),
            "years": range(this_year + 1, 2016, -1),
        }
        return TemplateResponse(
            request, "admin/rosters/dutyrule/planned_held.html", context, status=status
        )


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["date", "station", "deputy", "starts_at", "sent_at"]
    list_select_related = ["station", "deputy"]
    list_filter = ["date"]
    readonly_fields = [
        "deputy",
        "station",
        "date",
        "starts_at",
        "created_at",
        "sent_at",
    ]

    # Reminders are made by the schedule and kept as a record of what was sent.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

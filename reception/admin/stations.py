"""The admin of stations, the eight-haves standard and its dated checks, and
the delegations that came to see the stations."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import (
    DelegationVisit,
    DelegationVisitPhoto,
    StandardCheck,
    StandardItem,
    Station,
    StationPhoto,
)


def _stations_meeting_item():
    """A subquery counting the stations in service whose check of the outer
    item in force today found it met."""
    return Coalesce(
        Subquery(
            StandardCheck.objects.current()
            .filter(
                item=OuterRef("pk"),
                met=True,
                station__in=Station.objects.in_service(),
            )
            .order_by()
            .values("item")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


@admin.register(StandardItem)
class StandardItemAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "ordering", "active", "stations_meeting"]
    list_editable = ["ordering", "active"]
    search_fields = ["name", "code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_met=_stations_meeting_item())

    @admin.display(description=_("stations meeting it"), ordering="n_met")
    def stations_meeting(self, obj):
        return obj.n_met


def _evidence_thumbnail(check):
    if not check.evidence:
        return "—"
    return format_html(
        '<a href="{}"><img src="{}" alt="{}" width="80" loading="lazy"></a>',
        check.evidence.url,
        check.evidence.url,
        _("Evidence photo: %(item)s") % {"item": check.item.name},
    )


class StandardCheckFormSet(BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        """One item checked twice on one day: the model's own words."""
        (constraint,) = StandardCheck._meta.constraints
        return str(constraint.violation_error_message)


class StandardCheckInline(admin.TabularInline):
    """The station's checks, latest first. A new finding is a new dated row;
    the rows already recorded stay as they are (corrections in the checks'
    own list)."""

    model = StandardCheck
    formset = StandardCheckFormSet
    extra = 0
    fields = ["checked_on", "item", "met", "evidence", "note"]
    ordering = ["-checked_on", "item__ordering", "item__pk"]
    verbose_name = _("eight-haves check")
    verbose_name_plural = _("eight-haves checks, latest first")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item", "station")

    def has_change_permission(self, request, obj=None):
        # Keeps the recorded history read-only here; adding stays allowed.
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "item":
            kwargs["queryset"] = StandardItem.objects.active()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(StandardCheck)
class StandardCheckAdmin(admin.ModelAdmin):
    list_display = ["checked_on", "station", "item", "met", "evidence_display", "note"]
    list_filter = ["met", "item", "station"]
    list_select_related = ["station", "item"]
    date_hierarchy = "checked_on"
    ordering = ["-checked_on", "station__ordering", "item__ordering", "-pk"]
    search_fields = ["station__name", "item__name", "note"]
    autocomplete_fields = ["station"]
    fields = ["station", "item", "checked_on", "met", "evidence", "note"]

    @admin.display(description=_("evidence photo"))
    def evidence_display(self, obj):
        return _evidence_thumbnail(obj)


class StationPhotoInline(admin.TabularInline):
    model = StationPhoto
    extra = 0
    fields = ["image", "caption", "ordering"]


class MeetsStandardFilter(admin.SimpleListFilter):
    title = _("eight-haves standard")
    parameter_name = "standard"

    def lookups(self, request, model_admin):
        return [("yes", _("Meets every item")), ("no", _("Misses an item"))]

    def queryset(self, request, queryset):
        # The changelist queryset carries the with_standard() annotation.
        if self.value() in ("yes", "no"):
            return queryset.filter(meets_standard=self.value() == "yes")
        return queryset


@admin.register(Station)
class StationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "community",
        "upgraded_on",
        "items_met_display",
        "meets_standard_display",
        "deputy_count",
        "open_to_all_deputies",
        "opened_on",
        "closed_on",
        "active",
    ]
    list_filter = [
        MeetsStandardFilter,
        "kind",
        "active",
        "open_to_all_deputies",
        "upgraded_on",
    ]
    search_fields = ["name", "address", "community__name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["deputies"]
    inlines = [StandardCheckInline, StationPhotoInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "community", "address"]}),
        (
            _("Schedule and contact"),
            {
                "fields": [
                    "opening_hours",
                    "reception_days",
                    "contact_name",
                    "contact_phone",
                    "description",
                ]
            },
        ),
        (
            _("Deputies"),
            {"fields": ["deputies", "open_to_all_deputies"]},
        ),
        (
            _("Service and standard"),
            {"fields": ["opened_on", "closed_on", "upgraded_on", "ordering"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("community")
            .with_standard()
            .annotate(n_deputies=Count("deputies", distinct=True))
        )

    @admin.display(description=_("items met"), ordering="items_met")
    def items_met_display(self, obj):
        return f"{obj.items_met}/{obj.items_total}"

    @admin.display(
        description=_("meets the standard"), boolean=True, ordering="meets_standard"
    )
    def meets_standard_display(self, obj):
        return obj.meets_standard

    @admin.display(description=_("deputies"), ordering="n_deputies")
    def deputy_count(self, obj):
        return obj.n_deputies

    def save_model(self, request, obj, form, change):
        # In service exactly until the retirement day entered (or cleared);
        # Station.clean() has set it already for the form's validation.
        obj.active = obj.closed_on is None
        super().save_model(request, obj, form, change)


class DelegationVisitPhotoInline(admin.TabularInline):
    model = DelegationVisitPhoto
    extra = 0


@admin.register(DelegationVisit)
class DelegationVisitAdmin(admin.ModelAdmin):
    list_display = ["date", "visiting_body", "level", "region", "head_count"]
    list_filter = ["level", "stations"]
    date_hierarchy = "date"
    search_fields = ["visiting_body", "region"]
    filter_horizontal = ["stations"]
    inlines = [DelegationVisitPhotoInline]

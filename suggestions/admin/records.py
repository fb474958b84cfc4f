"""Read-only records: escalations, ratings, notices and the reveal log."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Escalation, Notification, PersonalDataReveal, Rating
from .inlines import FollowUpInline


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
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

"""The audit trail in the admin: superusers read it, nobody edits it."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


class SuperuserReadOnlyAdmin(admin.ModelAdmin):
    """Visible to superusers only, whatever permissions a group is given."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        # Not even the bulk delete action: the trail is pruned by age only.
        return {}


@admin.register(AuditEvent)
class AuditEventAdmin(SuperuserReadOnlyAdmin):
    list_display = ["at", "action", "username", "target", "ip_address"]
    list_filter = ["action", "at"]
    search_fields = ["username", "target", "ip_address"]
    date_hierarchy = "at"
    list_select_related = ["user"]
    fields = ["at", "action", "user", "username", "target", "detail", "ip_address"]
    readonly_fields = fields


@admin.register(LogEntry)
class LogEntryAdmin(SuperuserReadOnlyAdmin):
    """Every change made through the admin, as Django records it."""

    list_display = ["action_time", "user", "content_type", "object_repr", "action"]
    list_filter = ["action_flag", "content_type", "action_time"]
    search_fields = ["object_repr", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    fields = [
        "action_time",
        "user",
        "content_type",
        "object_id",
        "object_repr",
        "action_flag",
        "change_message",
    ]
    readonly_fields = fields

    @admin.display(description=_("action"))
    def action(self, obj):
        return obj.get_change_message() or obj.get_action_flag_display()

"""The audit trail in the admin: staff with its view permission read it (the
committee staff role has it), nobody edits it. Django's own change log stays
for superusers: its object_repr may hold a resident's name. The authenticator
devices' admin is django-otp's and the access attempts' django-axes', with
Chinese labels for what those apps leave untranslatable."""

from axes import admin as axes_admin
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin import actions
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp import admin as otp_totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .models import AuditEvent
from .third_party import TOTP_FIELDSETS


class ReadOnlyAdmin(admin.ModelAdmin):
    """Read by whoever has the view permission; nobody adds, changes, deletes."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        # Not even the bulk delete action: the trail is pruned by age only.
        return {}


class SuperuserReadOnlyAdmin(ReadOnlyAdmin):
    """Visible to superusers only, whatever permissions a group is given."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "username", "target", "ip_address"]
    list_filter = [
        "action",
        ("user", admin.RelatedOnlyFieldListFilter),
        "at",
        "record_type",
    ]
    search_fields = ["username", "target", "ip_address"]
    date_hierarchy = "at"
    fields = [
        "at",
        "action",
        "user",
        "username",
        "record_type",
        "target",
        "detail",
        "ip_address",
    ]
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


@admin.action(
    permissions=["delete"], description=actions.delete_selected.short_description
)
def delete_selected(modeladmin, request, queryset):
    """Django's bulk delete action, its deletions also in the audit trail.

    Django writes the LogEntry rows of several objects deleted at once with
    bulk_create, which sends no signal, so the audit trail records them here;
    a single object's LogEntry is saved alone, and mirrored by audit.py.
    """
    confirmed = bool(request.POST.get("post"))
    doomed = [(obj, obj.pk) for obj in queryset] if confirmed else []
    response = actions.delete_selected(modeladmin, request, queryset)
    if confirmed and response is None and len(doomed) > 1:
        for obj, pk in doomed:
            audit.record_change(request, obj, audit.Action.DELETE, pk=pk)
    return response


admin.site.add_action(delete_selected, "delete_selected")


class TOTPDeviceAdmin(otp_totp_admin.TOTPDeviceAdmin):
    """django-otp's authenticator device admin, in Chinese (third_party.py)."""

    search_help_text = _("Search by the user's login name or e-mail address")

    def get_fieldsets(self, request, obj=None):
        return [
            (TOTP_FIELDSETS.get(name, name), options)
            for name, options in super().get_fieldsets(request, obj)
        ]

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        href = reverse("admin:otp_totp_totpdevice_config", kwargs={"pk": device.pk})
        return format_html('<a href="{}">{}</a>', href, _("QR code"))


if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, TOTPDeviceAdmin)


class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    """django-axes' access attempts, its two computed columns named in Chinese."""

    @admin.display(description=_("expires at"))
    def expiration(self, obj):
        return super().expiration(obj)

    @admin.display(description=_("status"))
    def status(self, obj):
        return super().status(obj)


if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, AccessAttemptAdmin)

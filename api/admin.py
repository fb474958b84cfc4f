from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from core.access import is_committee_staff

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Staff issue and revoke the channel's tokens; a secret is shown once."""

    list_display = ["name", "channel", "prefix", "active", "created_at", "last_used_at"]
    list_filter = ["channel", "active"]
    fields = ["name", "channel", "active", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    actions = ["revoke"]

    def _allowed(self, request):
        return is_committee_staff(request.user)

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request)

    def save_model(self, request, obj, form, change):
        if not change:
            secret = obj.set_new_secret()
            obj.created_by = request.user
            super().save_model(request, obj, form, change)
            self.message_user(
                request,
                _(
                    "Token created. Copy it now into the channel's settings; it "
                    "will not be shown again: %(secret)s"
                )
                % {"secret": secret},
                messages.WARNING,
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        n = queryset.update(active=False)
        self.message_user(request, _("%(n)d tokens revoked.") % {"n": n})

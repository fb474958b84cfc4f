from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.access import is_committee_staff

from . import services
from .forms import ExportRequestForm
from .models import Export


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    """Staff ask for an export here and download it once it is ready.

    Each person sees only their own exports (a superuser sees all).
    """

    form = ExportRequestForm
    list_display = [
        "__str__",
        "user",
        "register",
        "year",
        "include_personal",
        "status",
        "progress_display",
        "download",
    ]
    list_filter = ["register", "status"]
    list_select_related = ["user"]
    fields = ["register", "year", "include_personal"]

    class Media:
        js = ["exports/progress.js"]

    def has_module_permission(self, request):
        return is_committee_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return is_committee_staff(request.user) and (
            obj is None or obj.user_id == request.user.pk or request.user.is_superuser
        )

    def has_add_permission(self, request):
        return is_committee_staff(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request, obj) and obj is not None

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)

        class WithUser(form_class):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return WithUser

    def save_model(self, request, obj, form, change):
        created = services.export_request(
            user=request.user,
            register=obj.register,
            year=obj.year,
            include_personal=obj.include_personal,
            request=request,
        )
        # The admin's own messages and redirects need the saved row.
        obj.pk = created.pk
        obj._state.adding = False

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _("The export is being built; refresh this page to download it."),
        )
        return HttpResponseRedirect(reverse("admin:exports_export_changelist"))

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        if context.get("errors"):
            response.status_code = 400
        return response

    @admin.display(description=_("progress"))
    def progress_display(self, obj):
        return f"{obj.progress}%"

    @admin.display(description=_("download"))
    def download(self, obj):
        if obj.status in (Export.Status.PENDING, Export.Status.RUNNING):
            return format_html(
                '<span data-progress-url="{}" aria-live="polite">{}</span>',
                reverse("exports:progress", args=[obj.pk]),
                obj.get_status_display(),
            )
        if not obj.is_ready:
            return obj.get_status_display()
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Download"))

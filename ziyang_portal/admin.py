from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Ziyang Street People's Congress Working Committee")
    site_title = _("Ziyang Street People's Congress Working Committee")
    index_title = _("Committee back office")
    # The staff dashboard is the first page staff see (dashboard).
    index_template = "dashboard/admin_index.html"

    def get_urls(self):
        # A deputy's duty archive sits beside the deputy's change page.
        from archive.views import admin_urls

        return admin_urls(self) + super().get_urls()

    def index(self, request, extra_context=None):
        from dashboard.views import dashboard_context

        context, status = dashboard_context(request)
        response = super().index(request, {**context, **(extra_context or {})})
        response.status_code = status
        return response

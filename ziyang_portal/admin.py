from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Ziyang Street People's Congress Working Committee")
    site_title = _("Ziyang Street People's Congress Working Committee")
    index_title = _("Committee back office")

from django.contrib.admin import apps as admin_apps


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's own site (ziyang_portal.admin)."""

    default = False
    default_site = "ziyang_portal.admin.PortalAdminSite"

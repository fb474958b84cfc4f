from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "ziyang_portal"
    verbose_name = _("Portal")

    def ready(self):
        post_migrate.connect(_sync_roles_after_last_app, dispatch_uid="ziyang-roles")
        from . import middleware  # noqa: F401 - connects the login-time receiver
        from .pagecache import connect_signals

        connect_signals()

        # The work report's admin registers here, not from admin.py: that module
        # defines the site class and is imported while the default site is built.
        from .report import admin  # noqa: F401


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "ziyang_portal.admin.PortalAdminSite"


def _sync_roles_after_last_app(sender, using="default", **kwargs):
    # Permissions of an app exist only once its own post_migrate has run, so the
    # groups are synchronised when the last installed app has been migrated.
    if sender is list(apps.get_app_configs())[-1]:
        from .roles import sync_roles

        sync_roles(using=using)

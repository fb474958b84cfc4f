from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app uses: images, storage, page cache, roles, registries."""

    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        post_migrate.connect(_sync_roles_after_last_app, dispatch_uid="ziyang-roles")
        from . import access, middleware  # noqa: F401 - the login-time receiver
        from .pagecache import connect_signals
        from .scheduling import records

        connect_signals()
        access.connect_signals()
        # Celery beat's runs of the scheduled tasks are recorded as run_scheduled's are.
        records.connect_signals()


def _sync_roles_after_last_app(sender, using="default", **kwargs):
    # Permissions of an app exist only once its own post_migrate has run, so the
    # groups are synchronised when the last installed app has been migrated
    # (post_migrate is sent only to apps that have a models module).
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        from .roles import sync_roles

        sync_roles(using=using)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """A deputy's duty archive (履职档案), assembled from every app's section."""

    name = "archive"
    verbose_name = _("Duty archive")

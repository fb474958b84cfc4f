from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportConfig(AppConfig):
    """The year-end work report, built from the records of every app."""

    name = "report"
    verbose_name = _("Work report")
    default_auto_field = "django.db.models.BigAutoField"

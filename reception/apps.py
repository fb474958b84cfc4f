from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = _("Reception stations and sessions")

    def ready(self):
        from . import signals

        signals.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Audit trail, staff second factor, backup and restore."""

    name = "security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import audit  # noqa: F401 - connects the login and logout receivers
        from .third_party import name_third_party_models

        name_third_party_models()

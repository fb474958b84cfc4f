from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from core.demo import DEMO_LOGINS, load_all


class Command(BaseCommand):
    help = "Load the 2018 demo year and its logins (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                _("Demo data has published passwords and is refused by these settings.")
            )
        with transaction.atomic():
            load_all(self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Demo year 2018 loaded.")))
        self.stdout.write(_("Demo logins (user / password / role):"))
        for username, password, role, _name in DEMO_LOGINS:
            self.stdout.write(f"  {username} / {password} / {role}")

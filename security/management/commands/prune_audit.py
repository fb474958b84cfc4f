from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from security import audit


class Command(BaseCommand):
    help = "Delete audit events older than the retention period (at least 183 days)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days (default: the AUDIT_RETENTION_DAYS setting).",
        )

    def handle(self, *args, **options):
        days = options["days"] or settings.AUDIT_RETENTION_DAYS
        deleted = audit.prune(days)
        self.stdout.write(
            _("%(count)d audit events older than %(days)d days deleted.")
            % {"count": deleted, "days": max(days, 183)}
        )

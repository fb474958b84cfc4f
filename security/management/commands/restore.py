from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from security.backup import BackupError
from security.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an EMPTY database and "
        "media directory: decrypt it with BACKUP_KEY, refuse a wrong key or an "
        "altered file before anything is restored, restore owner-only files, then "
        "check every table's row count and every file."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup directory.")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--media-root", default=None, help="Default: the MEDIA_ROOT setting."
        )

    def handle(self, *args, **options):
        try:
            problems = restore_backup(
                Path(options["source"]),
                using=options["database"],
                media_root=options["media_root"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                _("Restored, but %(count)d differences found.")
                % {"count": len(problems)}
            )
        self.stdout.write(
            self.style.SUCCESS(_("Restored; every table and media file checked."))
        )

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from security.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump -Fc, or SQLite's online backup) and every "
        "media file into a new directory, encrypted with BACKUP_KEY, with a "
        "readable manifest of row counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True, help="A new or empty directory for the backup."
        )
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--media-root", default=None, help="Default: the MEDIA_ROOT setting."
        )

    def handle(self, *args, **options):
        output = Path(options["output"])
        try:
            manifest = create_backup(
                output, using=options["database"], media_root=options["media_root"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written to %(path)s: %(rows)d rows in %(tables)d tables, "
                    "%(files)d media files."
                )
                % {
                    "path": output,
                    "rows": rows,
                    "tables": len(manifest["counts"]),
                    "files": manifest["media_file_count"],
                }
            )
        )

"""`manage.py import_ledger KIND FILE [--dry-run]`: a ledger from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ledgers import services, sheets
from ledgers.kinds import kinds


class Command(BaseCommand):
    help = "Import a committee's Excel ledger; nothing is saved if any row is wrong."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=kinds())
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the sheet and say what it would add, saving nothing.",
        )

    def handle(self, *args, kind, file, dry_run, **options):
        if file.suffix.lower() != ".xlsx":
            raise CommandError(_("Only Excel workbooks (.xlsx) can be imported."))
        try:
            size = file.stat().st_size
            if size > sheets.MAX_SHEET_BYTES:
                raise CommandError(
                    _("The file is larger than %(limit)s.")
                    % {"limit": filesizeformat(sheets.MAX_SHEET_BYTES)}
                )
            content = file.read_bytes()
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s.") % {"file": file}) from exc
        from django.core.files.base import ContentFile

        outcome = services.ledger_import(
            kind=kind, upload=ContentFile(content, name=file.name), dry_run=dry_run
        )
        if not outcome.ok:
            for error in outcome.errors:
                self.stderr.write(error)
            raise CommandError(_("Nothing was imported."))
        if not dry_run:
            services.import_recorded(
                kind=kind, name=file.name, content=content, outcome=outcome
            )
        message = (
            _("Would add %(new)d records; %(old)d rows already on record.")
            if dry_run
            else _("Added %(new)d records; %(old)d rows already on record.")
        )
        self.stdout.write(
            message % {"new": len(outcome.new), "old": len(outcome.existing)}
        )

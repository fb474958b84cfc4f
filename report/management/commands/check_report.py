from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from report.typecheck import check_file


class Command(BaseCommand):
    help = (
        "Check a work report's Word document (.docx) or PDF against GB/T "
        "9704-2012: the fonts of the title, body and headings, the grid of 22 "
        "lines of 28 characters, the page numbers, and any text set in a "
        "fallback font. Exits with status 1 when a rule fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The .docx or .pdf file to check.")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.check_report(Path(options["file"]))

    def check_report(self, path: Path) -> None:
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            report = check_file(path)
        except ValueError as exc:
            raise CommandError(
                _("Give a Word document (.docx) or a PDF, not %(kind)s.")
                % {"kind": path.suffix or path.name}
            ) from exc
        except Exception as exc:  # a damaged or foreign file: say so, briefly
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}
            ) from exc
        for finding in report.findings:
            mark = "✓" if finding.ok else "✗"
            line = f"{mark} " + _("%(rule)s: %(detail)s") % {
                "rule": finding.rule,
                "detail": finding.detail,
            }
            self.stdout.write(line if finding.ok else self.style.ERROR(line))
        if not report.ok:
            raise CommandError(
                _("%(path)s does not follow GB/T 9704-2012.") % {"path": path},
                returncode=1,
            )
        self.stdout.write(
            self.style.SUCCESS(_("%(path)s follows GB/T 9704-2012.") % {"path": path})
        )

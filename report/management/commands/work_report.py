from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from report.document import ReportDocument
from report.models import WorkReport
from report.render import RENDERERS, render


class Command(BaseCommand):
    help = (
        "Write the work report of a year as a web page, Word document, PDF or CSV. "
        "A year with a report in the admin is written from its latest version (a "
        "final report from its frozen figures); any other year straight from the "
        "records."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=sorted(RENDERERS), default="html")
        parser.add_argument("--output", required=True, help="File to write.")

    def handle(self, *args, **options):
        # Messages in the portal's language, whatever was active before.
        with translation.override(settings.LANGUAGE_CODE):
            self.write_report(options["year"], options["format"], options["output"])

    def write_report(self, year: int, fmt: str, output: str) -> None:
        if not 2000 <= year <= 2100:
            raise CommandError(pgettext("work report", "Enter a year such as 2018."))
        report = WorkReport.objects.filter(year=year).first()
        version = report.latest_version() if report else None
        if version is not None:
            document = ReportDocument.for_version(version)
        else:
            document = ReportDocument.from_records(year)
        path = Path(output)
        try:
            path.write_bytes(render(document, fmt))
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s")
                % {"path": path, "error": exc.strerror}
            ) from exc
        self.stdout.write(
            _("Work report %(year)s written to %(path)s.")
            % {"year": year, "path": path}
        )

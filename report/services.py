"""What staff do to a work report; every admin view and the command call these."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .builder import (
    REPORT_LANGUAGE,
    collect_figures,
    default_title,
    generate_paragraphs,
    previous_year_figures,
)
from .figures import Figure, figures_to_json, referenced_keys
from .models import ReportExport, ReportVersion, WorkReport
from .structure import FREE_TEXT_PARTS


@dataclass
class FigureChange:
    key: str
    label: str
    old: Figure | None
    new: Figure | None


# A keyword left out of `report_save_version`: the report keeps what it has.
UNCHANGED = object()


def report_generate(
    *, year: int, user, meeting_date=None, meeting_name: str = ""
) -> WorkReport:
    """A draft for the year: figures from today's records and version 1.

    The meeting at which the report is read, when known, gives the line
    under the title.
    """
    exists = ValidationError(
        _("There is already a work report for %(year)s.") % {"year": year},
        code="exists",
    )
    if WorkReport.objects.filter(year=year).exists():
        raise exists
    figures = collect_figures(year)
    try:
        with transaction.atomic():
            report = WorkReport.objects.create(
                year=year,
                figures=figures_to_json(figures),
                previous_figures=figures_to_json(previous_year_figures(year)),
                generated_at=timezone.now(),
                generated_by=user,
                meeting_date=meeting_date,
                meeting_name=meeting_name.strip(),
            )
            with translation.override(REPORT_LANGUAGE):
                note = _("Generated from the records")
                subtitle = report.meeting_line()
            ReportVersion.objects.create(
                report=report,
                number=1,
                author=user,
                title=default_title(year),
                subtitle=subtitle,
                paragraphs=generate_paragraphs(year, figures),
                note=note,
            )
    except IntegrityError as exc:
        # Two people generated the same year at once: the first one won.
        raise exists from exc
    return report


def _ensure_draft(report: WorkReport) -> None:
    if report.is_final:
        raise ValidationError(
            _("This report has been finalised and can no longer be changed."),
            code="final",
        )


def report_save_version(
    *,
    report: WorkReport,
    user,
    title: str,
    texts: dict[str, str],
    note: str = "",
    meeting_date=UNCHANGED,
    meeting_name=UNCHANGED,
) -> ReportVersion:
    """A new version with the edited texts, keyed like the latest version's.

    The meeting date and name, when given, are the report's from now on, and
    the version's subtitle line is written from them.
    """
    with transaction.atomic():
        report = WorkReport.objects.select_for_update().get(pk=report.pk)
        _ensure_draft(report)
        latest = report.latest_version()
        unknown = sorted(
            {
                key
                for text in texts.values()
                for key in referenced_keys(text)
                if key not in report.figures
            }
        )
        if unknown:
            raise ValidationError(
                _("Unknown figure markers: %(keys)s.")
                % {"keys": "、".join(f"[[{k}]]" for k in unknown)},
                code="unknown_figure",
            )
        paragraphs = [
            {**p, "text": texts.get(p["key"], p["text"]).strip()}
            for p in (latest.paragraphs if latest else [])
        ]
        _set_meeting(report, meeting_date, meeting_name)
        with translation.override(REPORT_LANGUAGE):
            subtitle = report.meeting_line()
        number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        return ReportVersion.objects.create(
            report=report,
            number=number,
            author=user,
            title=title.strip(),
            subtitle=subtitle,
            paragraphs=paragraphs,
            note=note.strip(),
        )


def _set_meeting(report: WorkReport, meeting_date, meeting_name) -> None:
    fields = []
    if meeting_date is not UNCHANGED:
        report.meeting_date = meeting_date
        fields.append("meeting_date")
    if meeting_name is not UNCHANGED:
        report.meeting_name = (meeting_name or "").strip()
        fields.append("meeting_name")
    if fields:
        report.full_clean(exclude=["figures", "previous_figures", "generated_by"])
        report.save(update_fields=fields)


def report_refresh_figures(*, report: WorkReport, user) -> WorkReport:
    """Take the draft's figures again from today's records; the text stays."""
    with transaction.atomic():
        report = WorkReport.objects.select_for_update().get(pk=report.pk)
        _ensure_draft(report)
        report.figures = figures_to_json(collect_figures(report.year))
        report.previous_figures = figures_to_json(previous_year_figures(report.year))
        report.generated_at = timezone.now()
        report.generated_by = user
        report.save(
            update_fields=[
                "figures",
                "previous_figures",
                "generated_at",
                "generated_by",
            ]
        )
        return report


def is_reviewed(version: ReportVersion | None) -> bool:
    """The version was saved by a person in the editor after the draft was
    generated (generating writes version 1), with the problems and next
    year's work plan written: the drafted parts have been looked at."""
    return (
        version is not None
        and version.number > 1
        and version.author_id is not None
        and all(version.text_of(key) for key in FREE_TEXT_PARTS)
    )


def report_finalise(*, report: WorkReport, user) -> WorkReport:
    """Freeze the report: its figures and its latest version stay as they are.

    The problems and the plans are drafted from the records, so a report is
    final only once staff have reviewed and saved them (`is_reviewed`).
    """
    with transaction.atomic():
        report = WorkReport.objects.select_for_update().get(pk=report.pk)
        _ensure_draft(report)
        if not is_reviewed(report.latest_version()):
            raise ValidationError(
                _(
                    "Review the drafted problems and next year's work plan, write "
                    "what is missing and save them in the editor before "
                    "finalising the report."
                ),
                code="incomplete",
            )
        report.status = WorkReport.Status.FINAL
        report.finalised_at = timezone.now()
        report.finalised_by = user
        report.save(update_fields=["status", "finalised_at", "finalised_by"])
        return report


def report_changed_figures(report: WorkReport) -> list[FigureChange]:
    """Figures whose value in today's records differs from the snapshot.

    Empty for a finalised report: its figures are frozen by design.
    """
    if report.is_final:
        return []
    old = report.figure_map()
    new = collect_figures(report.year)
    changes = []
    for key in list(old) + [k for k in new if k not in old]:
        before, after = old.get(key), new.get(key)
        if (before is None) != (after is None) or before.value != after.value:
            label = (after or before).label
            changes.append(FigureChange(key, label, before, after))
    return changes


def report_request_export(
    *, report: WorkReport, fmt: str, user, version: ReportVersion | None = None
) -> ReportExport:
    """Queue the making of a file; the task runs after the request commits."""
    if fmt not in ReportExport.Format.values:
        raise ValidationError(_("Unknown file format."), code="format")
    version = version or report.latest_version()
    export = ReportExport.objects.create(
        report=report, version=version, format=fmt, requested_by=user
    )
    transaction.on_commit(lambda: _queue_export(export.pk), robust=True)
    return export


def _queue_export(export_id: int) -> None:
    """Queue the file; with the broker down it shows as failed at once, with
    the reason, and staff ask again, rather than waiting for ever."""
    from core.queueing import send_quickly

    from .tasks import make_report_export

    if not send_quickly(make_report_export, export_id):
        ReportExport.objects.filter(
            pk=export_id, status=ReportExport.Status.PENDING
        ).update(
            status=ReportExport.Status.FAILED,
            error=_(
                "The task queue is unavailable. Please ask for the file again "
                "in a few minutes."
            ),
        )

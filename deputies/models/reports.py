"""Duty reports to the voters (述职), and the checks on their documents."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .rates import Rate
from .register import Constituency, Deputy

MAX_REPORT_BYTES = 20 * 1024 * 1024


def report_upload_to(instance, filename: str) -> str:
    """A server-made name: the uploaded one may carry a person's name."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
    return f"deputies/reports/{uuid.uuid4().hex}.{ext}"


def validate_report_size(file) -> None:
    if file.size > MAX_REPORT_BYTES:
        raise ValidationError(_("The document is larger than 20 MB."))


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc)


def report_document_kind(file) -> str | None:
    """ "pdf", "docx" or "doc" from the file's bytes, whatever its name says."""
    import zipfile

    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE_SIGNATURE:
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            file.seek(0)
        if {"[Content_Types].xml", "word/document.xml"} <= names:
            return "docx"
    return None


def validate_report_content(file) -> None:
    """The bytes are a PDF or Word document, of the kind the name says."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    kind = report_document_kind(file)
    if kind is None:
        raise ValidationError(
            _(
                "The file is not a PDF or Word document. Please attach the report "
                "as PDF, .docx or .doc."
            )
        )
    if kind != extension:
        raise ValidationError(
            _("The file's name ends in .%(extension)s but it is a %(kind)s document.")
            % {"extension": extension, "kind": kind.upper()}
        )


class DutyReportQuerySet(models.QuerySet):
    def in_year(self, year: int | None):
        return self if year is None else self.filter(date__year=year)

    def in_month(self, year: int, month: int):
        return self.filter(date__year=year, date__month=month)


class DutyReport(models.Model):
    """A deputy reporting on their duties to the voters of a constituency (述职)."""

    deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy"),
        on_delete=models.PROTECT,
        related_name="duty_reports",
    )
    date = models.DateField(_("date"))
    constituency = models.ForeignKey(
        Constituency,
        verbose_name=_("constituency"),
        on_delete=models.PROTECT,
        related_name="duty_reports",
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    audience = models.PositiveIntegerField(_("voters present"), default=0)
    text = models.TextField(_("report text"), blank=True)
    document = models.FileField(
        _("report document"),
        upload_to=report_upload_to,
        blank=True,
        validators=[
            FileExtensionValidator(["pdf", "docx", "doc"]),
            validate_report_size,
        ],
        help_text=_("PDF or Word, when the report is not typed in."),
    )
    satisfied = models.PositiveIntegerField(_("satisfied"), default=0)
    fairly_satisfied = models.PositiveIntegerField(_("fairly satisfied"), default=0)
    dissatisfied = models.PositiveIntegerField(_("dissatisfied"), default=0)

    objects = DutyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "deputy__name"]
        verbose_name = _("duty report")
        verbose_name_plural = _("duty reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    audience__gte=F("satisfied")
                    + F("fairly_satisfied")
                    + F("dissatisfied")
                ),
                name="deputies_dutyreport_votes_within_audience",
                violation_error_message=_(
                    "More evaluations than voters present: please check the figures."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.deputy} · {self.date:%Y-%m-%d}"

    def clean(self):
        if not self.text.strip() and not self.document:
            raise ValidationError(
                _("Type in the report text or attach the report document.")
            )
        # A new upload is checked through its bytes; a stored one already was.
        if self.document and not getattr(self.document, "_committed", True):
            try:
                validate_report_content(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None
        votes = self.satisfied + self.fairly_satisfied + self.dissatisfied
        if votes > self.audience:
            raise ValidationError(
                _("More evaluations than voters present: please check the figures.")
            )

    @property
    def evaluations(self) -> int:
        return self.satisfied + self.fairly_satisfied + self.dissatisfied

    @property
    def satisfaction(self) -> Rate:
        """Satisfied or fairly satisfied out of all evaluations."""
        return Rate(self.satisfied + self.fairly_satisfied, self.evaluations)

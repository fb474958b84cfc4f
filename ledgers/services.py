"""Importing a ledger: check every row, then save them all or none.

Re-importing is safe by natural key: a row whose record is already on record
(the same station and day, the same activity kind, date and topic, the same
item received on the same day with the same title and text, the same article
sent to the same outlet) is skipped, not added again.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from suggestions.services.notifications import notifications_muted

from . import sheets
from .kinds import ledger
from .models import LedgerImport

# How long a sheet checked but not confirmed is kept.
PREVIEW_KEPT = datetime.timedelta(days=1)


@dataclass
class Outcome:
    kind: str
    rows: int = 0
    new: list = field(default_factory=list)
    existing: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def ledger_template(*, kind: str) -> bytes:
    book = ledger(kind)
    return sheets.template(
        title=book.title,
        columns=book.columns,
        examples=book.examples(),
        notes=book.notes,
        allowed=book.allowed(),
    )


def ledger_check(*, kind: str, upload, user=None) -> Outcome:
    """What importing the sheet would add and skip, or every error it has."""
    book = ledger(kind)
    outcome = Outcome(kind=kind)
    try:
        rows = sheets.read_rows(upload, book.columns)
    except sheets.SheetRefused as refused:
        outcome.errors.append(str(refused))
        return outcome
    context = book.context(user)
    seen = {}
    for row in rows:
        plan = book.plan(row, context)
        if plan is not None and plan.key in seen:
            row.error(
                None, _("the same record as row %(row)d.") % {"row": seen[plan.key]}
            )
        outcome.errors.extend(row.errors)
        if plan is None or row.errors:
            continue
        seen[plan.key] = row.number
        (outcome.existing if plan.existing else outcome.new).append(plan)
    outcome.rows = len(rows)
    if not rows:
        outcome.errors.append(_("The sheet has no rows below its column names."))
    return outcome


def ledger_import(*, kind: str, upload, user=None, dry_run: bool = False) -> Outcome:
    """Check the sheet and, unless a dry run or any row is wrong, save it all.

    Everything is saved in one transaction: a record the workflow refuses
    while saving (the records changed since the check) undoes the whole sheet.
    """
    outcome = ledger_check(kind=kind, upload=upload, user=user)
    if not outcome.ok or dry_run:
        return outcome
    try:
        with transaction.atomic(), notifications_muted():
            for plan in outcome.new:
                _create(plan)
    except _RowFailed as failed:
        outcome.errors.append(str(failed))
        return outcome
    outcome.saved = True
    return outcome


class _RowFailed(Exception):
    pass


def _create(plan) -> None:
    try:
        plan.create()
    except ValidationError as exc:
        raise _RowFailed(
            _("Row %(row)d: %(message)s")
            % {"row": plan.row, "message": ";".join(exc.messages)}
        ) from exc
    except IntegrityError as exc:
        # A record added by someone else since the check, against a constraint.
        raise _RowFailed(
            _("Row %(row)d: %(message)s")
            % {"row": plan.row, "message": _("the database refused this record.")}
        ) from exc


def fingerprint(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def import_preview(*, kind: str, upload, user) -> tuple[Outcome, LedgerImport | None]:
    """Check an uploaded sheet and keep it until staff confirm the import."""
    content = upload.read() if upload.size <= sheets.MAX_SHEET_BYTES else b""
    outcome = ledger_check(kind=kind, upload=upload, user=user)
    if not outcome.ok:
        return outcome, None
    # One waiting preview per person and ledger, none older than a day: the file
    # may hold residents' personal data.
    waiting = LedgerImport.objects.filter(status=LedgerImport.Status.PREVIEWED)
    waiting.filter(user=user, kind=kind).delete()
    waiting.filter(uploaded_at__lt=timezone.now() - PREVIEW_KEPT).delete()
    record = LedgerImport.objects.create(
        kind=kind,
        file_name=upload.name[:200],
        fingerprint=fingerprint(content),
        content=content,
        rows=outcome.rows,
        user=user,
    )
    return outcome, record


def import_confirm(*, record: LedgerImport, user) -> Outcome:
    """Import the previewed sheet: checked again, saved whole or not at all."""
    from django.core.files.base import ContentFile

    upload = ContentFile(bytes(record.content), name=record.file_name)
    with transaction.atomic():
        outcome = ledger_import(kind=record.kind, upload=upload, user=user)
        if not outcome.saved:
            return outcome
        record.status = LedgerImport.Status.IMPORTED
        record.content = b""
        record.created_count = len(outcome.new)
        record.skipped_count = len(outcome.existing)
        record.imported_at = timezone.now()
        record.save()
    return outcome


def import_recorded(*, kind: str, name: str, content: bytes, outcome, user=None):
    """The log line of a sheet imported from the command line."""
    return LedgerImport.objects.create(
        kind=kind,
        status=LedgerImport.Status.IMPORTED,
        file_name=name[:200],
        fingerprint=fingerprint(content),
        rows=outcome.rows,
        created_count=len(outcome.new),
        skipped_count=len(outcome.existing),
        user=user,
        imported_at=timezone.now(),
    )

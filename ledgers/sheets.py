"""Reading a ledger sheet safely, and writing its template.

A sheet is refused as a whole, before any row is read, when it is not an Excel
workbook, is larger than MAX_SHEET_BYTES (or unpacks to more than
MAX_UNPACKED_BYTES: a small zip can hold gigabytes), has more than MAX_ROWS rows,
lacks a required column, or holds a formula: a formula's value is whatever the
last program that saved it computed, not what staff read in the cell.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core import spreadsheets

MAX_SHEET_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SheetRefused(Exception):
    """The file as a whole cannot be read as a ledger; the message says why."""


@dataclass(frozen=True)
class Column:
    key: str
    header: object  # a lazy text: the header in the active language
    required: bool = False
    note: object = ""  # what the column takes, for the notes sheet


@dataclass
class Row:
    """One sheet row: its number as Excel shows it, its values, its problems."""

    number: int
    values: dict
    columns: dict
    errors: list = field(default_factory=list)

    def get(self, key) -> str:
        return self.values.get(key, "")

    def cell(self, key):
        return self.values.get(f"{key}:raw")

    def error(self, key, message) -> None:
        if key not in self.columns:
            self.errors.append(
                _("Row %(row)d: %(message)s") % {"row": self.number, "message": message}
            )
            return
        self.errors.append(
            _("Row %(row)d %(column)s: %(message)s")
            % {
                "row": self.number,
                "column": self.columns[key].header,
                "message": message,
            }
        )


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    return str(value).strip()


def _headers(columns) -> dict[str, str]:
    """Header text -> column key, in Chinese and in English."""
    lookup = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for column in columns:
                lookup[str(column.header).strip().lower()] = column.key
    return lookup


def _open(upload):
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_SHEET_BYTES:
        raise SheetRefused(
            _("The file is larger than %(limit)s.")
            % {"limit": filesizeformat(MAX_SHEET_BYTES)}
        )
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise SheetRefused(_("The workbook unpacks to more than 50 MB."))
        upload.seek(0)
        return load_workbook(upload, read_only=True, data_only=False)
    except SheetRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged zip raises almost anything
        raise SheetRefused(
            _("This file is not an Excel workbook (.xlsx). Please use the template.")
        ) from exc


def read_rows(upload, columns) -> list[Row]:
    """The sheet's rows with a value, each with its values by column key."""
    workbook = _open(upload)
    try:
        cells = workbook.worksheets[0].iter_rows()
        header = next(cells, None) or []
        lookup = _headers(columns)
        keys = [lookup.get(text(cell.value).lower()) for cell in header]
        by_key = {column.key: column for column in columns}
        missing = [str(c.header) for c in columns if c.required and c.key not in keys]
        if missing:
            raise SheetRefused(
                _("Row 1 lacks the columns %(columns)s.")
                % {"columns": "、".join(missing)}
            )
        return list(_rows(cells, keys, by_key))
    finally:
        workbook.close()


def _rows(cells, keys, by_key):
    for number, line in enumerate(cells, start=2):
        values = {}
        for key, cell in zip(keys, line, strict=False):
            if key is None or cell.value is None:
                continue
            if cell.data_type == "f":
                raise SheetRefused(
                    _(
                        "Row %(row)d %(column)s: the cell holds a formula. Replace "
                        "formulas by their values (copy, paste as values)."
                    )
                    % {"row": number, "column": by_key[key].header}
                )
            values[key] = text(cell.value)
            values[f"{key}:raw"] = cell.value
        if not any(v for k, v in values.items() if not k.endswith(":raw")):
            continue
        if number > MAX_ROWS + 1:
            raise SheetRefused(
                _("The sheet has more than %(max)d rows of records.")
                % {"max": MAX_ROWS}
            )
        yield Row(number=number, values=values, columns=by_key)


def template(*, title, columns, examples, notes, allowed) -> bytes:
    """A sheet with the headers and example rows, and a notes sheet.

    `allowed` lists (what, values) pairs: the words each column accepts, many
    of them names staff keep in the portal, written like any other cell.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]
    spreadsheets.append(sheet, [str(column.header) for column in columns])
    for example in examples:
        spreadsheets.append(sheet, example)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18
    sheet.freeze_panes = "A2"
    sheet_notes = workbook.create_sheet(_("Notes"))
    for line in notes:
        spreadsheets.append(sheet_notes, [str(line)])
    spreadsheets.append(sheet_notes, [])
    spreadsheets.append(sheet_notes, [_("Column"), _("Required"), _("What it takes")])
    for column in columns:
        required = _("yes") if column.required else _("no")
        spreadsheets.append(sheet_notes, [str(column.header), required, column.note])
    for what, values in allowed:
        spreadsheets.append(sheet_notes, [])
        spreadsheets.append(sheet_notes, [str(what)])
        for value in values:
            spreadsheets.append(sheet_notes, ["", str(value)])
    sheet_notes.column_dimensions["A"].width = 30
    sheet_notes.column_dimensions["B"].width = 30
    sheet_notes.column_dimensions["C"].width = 70
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

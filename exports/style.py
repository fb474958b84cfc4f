"""The one look of every Excel file the portal produces.

Bold shaded Chinese headers repeated on every printed page, thin borders,
frozen header row, wrapped text, landscape A4 fitted to the page width, and a
footer with the page number: staff print registers for meetings.
"""

import datetime
import io
import itertools

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core import spreadsheets

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT_NAME = "宋体"
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAX_WIDTH = 60


# Column widths are taken from the headers and this many first rows.
WIDTH_SAMPLE_ROWS = 500


def new_workbook() -> Workbook:
    """A streaming (write-only) workbook: each row goes to a temporary file as
    it is added, so that a register of any length fits in a worker's memory."""
    return Workbook(write_only=True)


def add_sheet(book: Workbook, title: str, headers, rows, *, heading: str = "") -> int:
    """Append a styled sheet: an optional title line, the header row, the rows.

    `rows` may be any iterable (a generator over a queryset's iterator()); it
    is read once. Returns the number of rows written.
    """
    sheet = book.create_sheet(str(title)[:31])
    rows = iter(rows)
    sample = [
        [_cell(v) for v in row] for row in itertools.islice(rows, WIDTH_SAMPLE_ROWS)
    ]
    # Columns and the page are set up before the first row: a streamed sheet
    # cannot go back.
    _set_column_widths(sheet, headers, sample)
    _set_up_page(sheet, title, heading)
    if heading:
        cell = WriteOnlyCell(sheet, spreadsheets.safe(str(heading)))
        cell.font = Font(name=FONT_NAME, bold=True, size=14)
        sheet.append([cell])
    _append_header(sheet, headers)
    body = itertools.chain(sample, ([_cell(v) for v in row] for row in rows))
    return _append_body(book, sheet, body)


def _set_column_widths(sheet, headers, sample) -> None:
    """Widths fitted to the headers and the sampled rows, up to MAX_WIDTH."""
    widths = [len(str(h)) * 2 + 2 for h in headers]
    for values in sample:
        for index, value in enumerate(values):
            widths[index] = max(widths[index], _width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width, MAX_WIDTH)


def _set_up_page(sheet, title: str, heading: str) -> None:
    """Frozen, repeated header row; landscape A4 fitted to width; page footer."""
    header_row = 2 if heading else 1
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "&P / &N"
    sheet.oddHeader.center.text = str(heading or title)


def _append_header(sheet, headers) -> None:
    """The bold, shaded, centred header row."""
    header_font = Font(name=FONT_NAME, bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, spreadsheets.safe(str(text)))
        cell.font = header_font
        cell.fill = HEADER_FILL
        cell.alignment = centred
        cell.border = BORDER
        header.append(cell)
    sheet.append(header)


def _append_body(book: Workbook, sheet, rows) -> int:
    """Append the body rows of cell values; returns how many were written."""
    body, day, moment = _body_styles(book)
    count = 0
    for values in rows:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            # A named style is one lookup; font, alignment and border one by
            # one would cost most of the time of a long register.
            if isinstance(value, datetime.datetime):
                cell.style = moment
            elif isinstance(value, datetime.date):
                cell.style = day
            else:
                cell.style = body
            cells.append(cell)
        sheet.append(cells)
        count += 1
    return count


def _body_styles(book: Workbook) -> tuple[str, str, str]:
    """The named styles of body cells (text, date, date and time) of the book."""
    formats = {
        "ziyang-body": "General",
        "ziyang-body-date": "yyyy-mm-dd",
        "ziyang-body-datetime": "yyyy-mm-dd hh:mm",
    }
    for name, number_format in formats.items():
        if name not in book.named_styles:
            book.add_named_style(
                NamedStyle(
                    name=name,
                    font=Font(name=FONT_NAME),
                    alignment=Alignment(vertical="top", wrap_text=True),
                    border=BORDER,
                    number_format=number_format,
                )
            )
    return tuple(formats)


def to_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value):
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the office's local time, without tzinfo.
        return timezone.localtime(value).replace(tzinfo=None)
    if value is None:
        return ""
    if isinstance(value, int | float | datetime.date):
        return value
    return spreadsheets.safe(str(value))


def _width(value) -> int:
    if isinstance(value, datetime.datetime):
        return 17
    if isinstance(value, datetime.date):
        return 11
    text = str(value)
    # CJK characters are about two columns wide.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text.split("\n")[0]) + 2

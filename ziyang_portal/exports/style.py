"""The one look of every Excel file the portal produces.

Bold shaded Chinese headers repeated on every printed page, thin borders,
frozen header row, wrapped text, landscape A4 fitted to the page width, and a
footer with the page number: staff print registers for meetings.
"""

import datetime
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT_NAME = "宋体"
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MAX_WIDTH = 60


def new_workbook() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def add_sheet(book: Workbook, title: str, headers, rows, *, heading: str = ""):
    """Append a styled sheet: an optional title line, the header row, the rows."""
    sheet = book.create_sheet(str(title)[:31])
    header_row = 1
    if heading:
        sheet.append([str(heading)])
        sheet.cell(1, 1).font = Font(name=FONT_NAME, bold=True, size=14)
        header_row = 2
    sheet.append([str(h) for h in headers])
    widths = [len(str(h)) * 2 + 2 for h in headers]
    for row in rows:
        values = [_cell(v) for v in row]
        sheet.append(values)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], _width(value))
    for cell in sheet[header_row]:
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(
            horizontal="center", vertical="center", wrap_text=True
        )
        cell.border = BORDER
    body_font = Font(name=FONT_NAME)
    wrap = Alignment(vertical="top", wrap_text=True)
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.font = body_font
            cell.alignment = wrap
            cell.border = BORDER
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width, MAX_WIDTH)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "&P / &N"
    sheet.oddHeader.center.text = str(heading or title)
    return sheet


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
    return str(value)


def _width(value) -> int:
    if isinstance(value, datetime.datetime):
        return 17
    if isinstance(value, datetime.date):
        return 11
    text = str(value)
    # CJK characters are about two columns wide.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text.split("\n")[0]) + 2

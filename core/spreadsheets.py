"""Every cell the portal writes into a spreadsheet file, Excel or CSV.

A text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is taken
for a formula by Excel, WPS and LibreOffice (a resident's title
`=HYPERLINK(...)` would become a live link on a staff PC). Each text cell passes
`safe()`, which puts an apostrophe in front of such a text, the OWASP rule for
CSV injection; numbers and dates pass unchanged. The writers below apply it to
every cell, so exports append rows through them rather than to a sheet or a
csv.writer directly (tests/portal/test_spreadsheets.py checks that none does).
"""

import csv

from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    """The value as a cell may hold it: a text never starts a formula."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe(value) for value in values]


def append(sheet, values) -> None:
    """Append one row to an openpyxl worksheet, every cell passed through safe()."""
    sheet.append(safe_row(values))


class CsvWriter:
    """csv.writer whose rows pass through safe()."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, values):
        return self._writer.writerow(safe_row(values))

    def writerows(self, rows):
        for values in rows:
            self.writerow(values)

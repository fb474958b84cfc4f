"""No file the portal writes for a spreadsheet holds a formula made from user text.

Records are filled with texts that start a formula (the OWASP list: `=`, `+`,
`-`, `@`, tab, carriage return); every Excel export and every CSV is then built
and read back, cell by cell.
"""

import ast
import csv
import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from core import spreadsheets
from core.spreadsheets import FORMULA_STARTS, safe
from deputies.models import Deputy
from reception.models import ReceptionSession
from suggestions.models import Suggestion
from tests.factories import CommunityFactory, DeputyFactory
from tests.publicity.factories import ArticleFactory, SubmissionFactory
from tests.reception.factories import (
    ReceptionSessionFactory,
    SessionIssueFactory,
    StationFactory,
)
from tests.suggestions.factories import SuggestionFactory

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("http://evil.example","点我")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_that_starts_a_formula_gets_an_apostrophe(text):
    assert safe(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["路灯不亮", "A=1", "", 5, -5, 2.5, datetime.date(2018, 1, 1), None]
)
def test_other_values_pass_unchanged(value):
    assert safe(value) == value


def test_lazy_texts_are_checked_as_texts():
    assert safe(gettext_lazy("=1")) == "'=1"


@pytest.fixture
def hostile_year(db):
    """A year of records whose texts all try to be formulas."""
    texts = iter(HOSTILE * 10)
    community = CommunityFactory(name=next(texts))
    station = StationFactory(name=next(texts), address=next(texts), community=community)
    deputy = DeputyFactory(name=next(texts), community=community, employer=next(texts))
    when = datetime.datetime(2018, 6, 1, 9, tzinfo=datetime.UTC)
    session = ReceptionSessionFactory(
        station=station, summary=next(texts), started_at=when, deputies=[deputy]
    )
    SessionIssueFactory(session=session, text=next(texts), category=next(texts))
    SuggestionFactory(
        title=next(texts),
        text=next(texts),
        submitter_name=next(texts),
        submitter_address=next(texts),
        community=community,
        received_at=when,
    )
    article = ArticleFactory(
        title=next(texts), summary=next(texts), date=datetime.date(2018, 6, 2)
    )
    SubmissionFactory(article=article, accepted=True)
    return 2018


def formula_cells_in_xlsx(data: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(data))
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if cell.data_type == "f" or (
                    isinstance(value, str) and value.startswith(FORMULA_STARTS)
                ):
                    found.append(f"{sheet.title}!{cell.coordinate}={value!r}")
    return found


def formula_fields_in_csv(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [
        field
        for row in csv.reader(io.StringIO(text, newline=""))
        for field in row
        if field.startswith(FORMULA_STARTS)
    ]


def test_no_excel_export_writes_a_formula_from_user_text(hostile_year, staff_user):
    from deputies.services import export_register
    from exports import style
    from exports.registers import REGISTERS
    from publicity.exports import yearly_workbook
    from publicity.selectors import yearly_table
    from reception.exports import sessions_workbook
    from suggestions.admin.export import excel_response

    files = {
        "suggestions admin action": excel_response(
            Suggestion.objects.all(), staff_user, full=True
        ).content,
        "reception sessions": sessions_workbook(ReceptionSession.objects.all()),
        "publicity yearly table": yearly_workbook(yearly_table(hostile_year)),
        "deputies register": export_register(Deputy.objects.all(), show_phone=True),
    }
    for register, spec in REGISTERS.items():
        book = style.new_workbook()
        for title, headers, data in spec.build(hostile_year, True):
            style.add_sheet(book, title, headers, data, heading=str(register))
        files[f"register {register}"] = style.to_bytes(book)
    offending = {name: formula_cells_in_xlsx(data) for name, data in files.items()}
    assert not {name: cells for name, cells in offending.items() if cells}
    # The texts are there, only disarmed.
    book = load_workbook(io.BytesIO(files["suggestions admin action"]))
    values = {c.value for row in book.active.iter_rows() for c in row}
    assert "'" + Suggestion.objects.get().title in values


def test_no_csv_holds_a_formula_from_user_text(hostile_year):
    from opendata import builder

    archive = zipfile.ZipFile(io.BytesIO(builder.build_zip()))
    offending = {
        name: formula_fields_in_csv(archive.read(name))
        for name in archive.namelist()
        if name.endswith(".csv")
    }
    assert not {name: fields for name, fields in offending.items() if fields}
    stations = archive.read("stations.csv").decode("utf-8-sig")
    assert "'" + HOSTILE[1] in stations


def test_the_csv_writer_disarms_every_field():
    out = io.StringIO()
    writer = spreadsheets.CsvWriter(out)
    writer.writerow(HOSTILE)
    writer.writerows([HOSTILE, [1, -1, "ok"]])
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert all(field.startswith("'") for field in rows[0] + rows[1])
    assert rows[2] == ["1", "-1", "ok"]


# What the portal's code calls an openpyxl worksheet.
SHEET_NAMES = {"sheet", "ws", "worksheet", "notes"}


def _writers_outside_the_helper():
    """Calls that write rows straight into a sheet or a csv.writer."""
    found = []
    for folder in ROOT.iterdir():
        if folder.name in {"tests", "bench", ".venv", "scripts"} or not folder.is_dir():
            continue
        for path in folder.rglob("*.py"):
            if path == ROOT / "core" / "spreadsheets.py" or "migrations" in path.parts:
                continue
            source = path.read_text(encoding="utf-8")
            writes_sheets = "openpyxl" in source
            tree = ast.parse(source)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not isinstance(
                    node.func, ast.Attribute
                ):
                    continue
                owner = ast.unparse(node.func.value)
                if node.func.attr in {"writer", "DictWriter"} and owner == "csv":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                if (
                    writes_sheets
                    and node.func.attr == "append"
                    and (owner in SHEET_NAMES or owner.endswith("_sheet"))
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_exports_write_rows_only_through_the_helper():
    # exports/style.py appends WriteOnlyCells whose values went through safe().
    allowed = {"exports/style.py"}
    stray = [
        place
        for place in _writers_outside_the_helper()
        if place.split(":")[0] not in allowed
    ]
    assert not stray

"""A file that is not a ledger is refused whole, with a reason in Chinese."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from openpyxl import Workbook, load_workbook

from ledgers import sheets
from ledgers.kinds import kinds
from ledgers.services import ledger_check, ledger_template
from reception.models import ReceptionSession

from .conftest import session_row, sheet_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", kinds())
def test_each_template_has_chinese_headers_an_example_and_notes(street, kind):
    book = load_workbook(io.BytesIO(ledger_template(kind=kind)))
    assert book.sheetnames[1] == "填写说明"
    headers = [cell.value for cell in book.worksheets[0][1]]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in headers), headers
    assert book.worksheets[0].max_row == 2
    notes = [row[0] for row in book.worksheets[1].iter_rows(values_only=True)]
    assert "一次导入的表格有任何错误时整表不导入，什么也不保存。" in notes


@pytest.mark.parametrize("kind", kinds())
def test_each_templates_example_row_passes_the_check(street, kind):
    template = SimpleUploadedFile(f"{kind}.xlsx", ledger_template(kind=kind))
    outcome = ledger_check(kind=kind, upload=template)
    assert outcome.ok, outcome.errors
    assert len(outcome.new) == 1


def test_the_templates_lists_of_names_cannot_hold_a_formula(street):
    """Names staff typed into the portal are written as text, never formulas."""
    street.category.name = '=HYPERLINK("http://evil.example","点我")'
    street.category.save()
    book = load_workbook(io.BytesIO(ledger_template(kind="suggestions")))
    cells = [c for row in book.worksheets[1].iter_rows() for c in row if c.value]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'" + street.category.name in [c.value for c in cells]


def _formula_sheet() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["接待站", "日期", "到场代表", "接待选民人数", "接待方式"])
    sheet.append(
        ["示例东社区人大代表接待站", "2019-03-05", "王某东", "=3*4", "集中接待"]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_formula_is_refused(street):
    outcome = ledger_check(
        kind="sessions", upload=SimpleUploadedFile("s.xlsx", _formula_sheet())
    )
    assert outcome.errors == [
        "第2行 接待选民人数：单元格里是公式。"
        "请把公式换成它的值（复制后“选择性粘贴为数值”）。"
    ]


def test_a_text_that_looks_like_a_formula_is_kept_as_text(street):
    """A cell typed as text ('=...) is what staff read: it is a summary."""
    row = session_row(summary="=居民反映强烈")
    data = sheet_bytes("sessions", [row])
    book = load_workbook(io.BytesIO(data))
    cell = book.active["H2"]
    cell.value, cell.data_type = "=居民反映强烈", "s"
    buffer = io.BytesIO()
    book.save(buffer)
    outcome = ledger_check(
        kind="sessions", upload=SimpleUploadedFile("s.xlsx", buffer.getvalue())
    )
    assert outcome.ok, outcome.errors


def test_a_file_that_is_not_excel_is_refused(street):
    fake = SimpleUploadedFile("s.xlsx", b"name,date\n1,2\n")
    assert ledger_check(kind="sessions", upload=fake).errors == [
        "这个文件不是Excel工作簿（.xlsx），请使用模板填写。"
    ]


def test_a_file_over_the_size_limit_is_refused_unread(street, monkeypatch):
    sheet = upload("sessions", [session_row()])
    monkeypatch.setattr(sheets, "MAX_SHEET_BYTES", sheet.size - 1)
    assert ledger_check(kind="sessions", upload=sheet).errors == [
        f"文件大于{filesizeformat(sheet.size - 1)}。"
    ]
    monkeypatch.setattr(sheets, "MAX_SHEET_BYTES", sheet.size)
    assert ledger_check(kind="sessions", upload=sheet).ok


def test_a_workbook_that_unpacks_too_big_is_refused(street, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 1000)
    outcome = ledger_check(kind="sessions", upload=upload("sessions", [session_row()]))
    assert outcome.errors == ["工作簿解压后大于50 MB。"]


def test_a_sheet_over_the_row_limit_is_refused(street, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    rows = [session_row(date=f"2019-03-0{day}") for day in range(1, 6)]
    outcome = ledger_check(kind="sessions", upload=upload("sessions", rows))
    assert outcome.errors == ["表格超过3行。"]
    within = ledger_check(kind="sessions", upload=upload("sessions", rows[:3]))
    assert within.ok, within.errors


def test_missing_required_columns_are_named(street):
    bad = upload("sessions", [session_row()], headers=["接待站", "日期"])
    assert ledger_check(kind="sessions", upload=bad).errors == [
        "第1行缺少以下列：到场代表、接待选民人数、接待方式。"
    ]


def test_english_headers_are_understood(street):
    from django.utils import translation

    from ledgers.kinds import ledger

    with translation.override("en"):
        headers = [str(c.header) for c in ledger("sessions").columns]
    outcome = ledger_check(
        kind="sessions", upload=upload("sessions", [session_row()], headers=headers)
    )
    assert outcome.ok, outcome.errors


def test_an_empty_sheet_is_refused(street):
    assert ledger_check(kind="sessions", upload=upload("sessions", [])).errors == [
        "表格在列名下面没有任何行。"
    ]


def test_a_zip_that_is_not_a_workbook_is_refused(street):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    fake = SimpleUploadedFile("s.xlsx", buffer.getvalue())
    assert (
        ledger_check(kind="sessions", upload=fake).errors[0].startswith("这个文件不是")
    )
    assert not ReceptionSession.objects.exists()

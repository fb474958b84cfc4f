"""manage.py import_ledger: the same checks as the admin, from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from ledgers.models import LedgerImport
from reception.models import ReceptionSession

from .conftest import session_row, sheet_bytes

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    err = io.StringIO()
    call_command("import_ledger", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_says_what_it_would_add_and_saves_nothing(street, tmp_path):
    path = tmp_path / "sessions.xlsx"
    path.write_bytes(sheet_bytes("sessions", [session_row()]))
    out, _err = run("sessions", str(path), "--dry-run")
    assert "将新增1条记录" in out
    assert not ReceptionSession.objects.exists()
    assert not LedgerImport.objects.exists()


def test_an_import_saves_and_is_logged_and_a_second_adds_nothing(street, tmp_path):
    path = tmp_path / "sessions.xlsx"
    path.write_bytes(sheet_bytes("sessions", [session_row()]))
    out, _err = run("sessions", str(path))
    assert "已新增1条记录" in out
    out, _err = run("sessions", str(path))
    assert "已新增0条记录；1行已有记录" in out
    assert ReceptionSession.objects.count() == 1
    assert LedgerImport.objects.filter(status="imported").count() == 2


def test_row_errors_are_printed_and_nothing_is_saved(street, tmp_path):
    path = tmp_path / "sessions.xlsx"
    path.write_bytes(sheet_bytes("sessions", [session_row(), session_row(voters="x")]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="什么也没有导入"):
        call_command("import_ledger", "sessions", str(path), stderr=err)
    assert "第3行 接待选民人数" in err.getvalue()
    assert not ReceptionSession.objects.exists()


def test_a_file_that_is_not_xlsx_is_refused(street, tmp_path):
    path = tmp_path / "sessions.csv"
    path.write_text("a,b\n")
    with pytest.raises(CommandError, match="只能导入Excel工作簿"):
        run("sessions", str(path))


def test_an_unknown_kind_is_refused(tmp_path):
    with pytest.raises(CommandError):
        run("budgets", str(tmp_path / "x.xlsx"))

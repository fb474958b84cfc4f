"""The sample ledgers of docs/import/ import cleanly into the demo's street.

They are the first half of 2019, so the 2018 report does not change with them.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from core import demo
from ledgers.demo import ROWS, SAMPLES_DIR, sample
from ledgers.kinds import kinds
from report.builder import collect_figures

pytestmark = pytest.mark.django_db

SAMPLE_FILES = sorted(SAMPLES_DIR.glob("*.xlsx"))


@pytest.fixture(scope="module")
def demo_without_ledgers(django_db_setup, django_db_blocker):
    """The demo year as the other apps load it, before the samples."""
    loaders = [path for path in demo.LOADERS if not path.startswith("ledgers.")]
    with django_db_blocker.unblock(), transaction.atomic():
        for path in loaders:
            from django.utils.module_loading import import_string

            import_string(path)(io.StringIO())
        yield
        transaction.set_rollback(True)


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_ledger", *args, stdout=out)
    return out.getvalue()


def test_there_is_a_sample_of_every_ledger():
    assert [path.name for path in SAMPLE_FILES] == sorted(f"{k}.xlsx" for k in kinds())


@pytest.mark.parametrize("kind", kinds())
def test_each_committed_sample_holds_the_sample_rows(kind):
    from openpyxl import load_workbook

    book = load_workbook(SAMPLES_DIR / f"{kind}.xlsx", read_only=True)
    committed = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    fresh = load_workbook(io.BytesIO(sample(kind)), read_only=True)
    assert committed == list(fresh.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(committed) == len(ROWS[kind])


def test_the_samples_import_after_a_dry_run_and_leave_2018_unchanged(
    demo_without_ledgers,
):
    before = {k: f.display() for k, f in collect_figures(2018).items()}
    before_2019 = collect_figures(2019)
    for kind in kinds():
        path = str(SAMPLES_DIR / f"{kind}.xlsx")
        assert f"将新增{len(ROWS[kind])}条记录；0行已有记录" in run(
            kind, path, "--dry-run"
        )
        assert f"已新增{len(ROWS[kind])}条记录；0行已有记录" in run(kind, path)
        assert f"已新增0条记录；{len(ROWS[kind])}行已有记录" in run(kind, path)
    assert {k: f.display() for k, f in collect_figures(2018).items()} == before
    after = collect_figures(2019)

    def added(key):
        return after[key].value - before_2019[key].value

    assert added("reception.sessions") == len(ROWS["sessions"])
    assert added("reception.voters") == sum(row[4] for row in ROWS["sessions"])
    assert added("suggestions.items_received") == len(ROWS["suggestions"])

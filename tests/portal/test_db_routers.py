"""Report figures, exports and open data read from the replica; writes never do.

The "replica" alias mirrors the test database (TEST={"MIRROR": "default"}) on
its own connection, so the queries each connection runs can be told apart.
The tests are transactional: a replica sees only committed rows.
"""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.db_routers import ReplicaRouter, reads_from_replica
from exports.building import export_build
from exports.models import Export
from exports.services import export_request
from opendata.builder import build_zip
from report.builder import collect_figures
from suggestions.models import Suggestion
from tests.factories import DeputyFactory
from tests.suggestions.conftest import form_data
from tests.suggestions.factories import SuggestionFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])

BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def replica(settings):
    settings.REPLICA_DATABASE_ALIAS = "replica"
    return connections["replica"]


@pytest.fixture
def queries():
    """Capture the queries of the primary and of the replica apart."""

    class Both:
        def __enter__(self):
            self.default = CaptureQueriesContext(connections["default"])
            self.replica = CaptureQueriesContext(connections["replica"])
            self.default.__enter__()
            self.replica.__enter__()
            return self

        def __exit__(self, *exc):
            self.replica.__exit__(*exc)
            self.default.__exit__(*exc)

    return Both


def sql(captured) -> list[str]:
    # The first word of each statement; a UNION starts with "(SELECT".
    return [q["sql"].lstrip(" (").split()[0].upper() for q in captured.captured_queries]


def test_the_report_figures_are_read_from_the_replica(replica, queries):
    SuggestionFactory.create_batch(3)
    year = timezone.localdate().year
    with queries() as seen:
        figures = collect_figures(year)
    assert figures["suggestions.collected"].value == 3
    assert len(seen.replica) > 0
    assert set(sql(seen.replica)) == {"SELECT"}
    assert len(seen.default) == 0


def test_an_export_reads_its_register_from_the_replica_and_writes_to_default(
    replica, queries, superuser
):
    DeputyFactory.create_batch(2)
    with queries() as seen:
        # Tasks run inline: the build starts as the request commits.
        export = export_request(user=superuser, register=Export.Register.DEPUTIES)
        export_build(export.pk)
    assert set(sql(seen.replica)) == {"SELECT"}
    assert any("deputies_deputy" in q["sql"] for q in seen.replica.captured_queries)
    assert "UPDATE" in sql(seen.default)
    assert not any(
        "deputies_deputy" in q["sql"] for q in seen.default.captured_queries
    ), "the register was read from the primary"
    export.refresh_from_db()
    with export.file.open("rb") as f:
        sheet = load_workbook(io.BytesIO(f.read())).worksheets[0]
    assert export.rows == 2 and sheet.max_row >= 3


def test_open_data_is_read_from_the_replica(replica, queries):
    SuggestionFactory.create_batch(2)
    with queries() as seen:
        content = build_zip()
    assert len(seen.replica) > 0 and len(seen.default) == 0
    counts = zipfile.ZipFile(io.BytesIO(content)).read("suggestion_counts.csv")
    rows = counts.decode("utf-8-sig").strip().splitlines()[1:]
    assert sum(int(row.rsplit(",", 1)[1]) for row in rows) == 2


def test_a_form_submission_writes_to_default_even_with_a_replica(
    client, replica, queries, settings, monkeypatch
):
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    with queries() as seen:
        response = client.post(reverse("suggestions:suggest"), form_data())
    assert response.status_code == 302
    assert "INSERT" in sql(seen.default)
    assert len(seen.replica) == 0
    assert Suggestion.objects.using("default").count() == 1


def test_without_a_replica_everything_reads_from_default(settings, queries):
    settings.REPLICA_DATABASE_ALIAS = None
    SuggestionFactory()
    with queries() as seen:
        collect_figures(timezone.localdate().year)
        build_zip()
    assert len(seen.replica) == 0 and len(seen.default) > 0


def test_writes_go_to_default_even_inside_a_replica_block(replica):
    router = ReplicaRouter()
    with reads_from_replica():
        assert router.db_for_read(Suggestion) == "replica"
        assert router.db_for_write(Suggestion) == "default"
    assert router.db_for_read(Suggestion) == "default"
    assert router.allow_migrate("replica", "suggestions") is False
    assert router.allow_migrate("default", "suggestions") is True


def databases_of_a_new_process(**env) -> dict:
    code = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "print(json.dumps({'aliases': sorted(settings.DATABASES),"
        " 'replica': settings.DATABASES.get('replica'),"
        " 'alias': settings.REPLICA_DATABASE_ALIAS}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("REPLICA_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "ziyang_portal.settings.local", **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_replica_database_url_adds_the_replica_alias():
    seen = databases_of_a_new_process(
        REPLICA_DATABASE_URL="postgres://reader@replica.internal:5432/ziyang"
    )
    assert seen["aliases"] == ["default", "replica"]
    assert seen["alias"] == "replica"
    assert seen["replica"]["HOST"] == "replica.internal"
    assert seen["replica"]["TEST"]["MIRROR"] == "default"
    assert databases_of_a_new_process()["alias"] is None

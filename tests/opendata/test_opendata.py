import csv
import io
import zipfile

import pytest
from django.conf import settings
from django.urls import reverse

from deputies.models import Deputy
from opendata import builder, tasks
from reception.models import ReceptionSession, SessionIssue
from suggestions.models import Suggestion

pytestmark = pytest.mark.django_db

FILES = {
    "stations.csv",
    "deputies.csv",
    "sessions.csv",
    "suggestion_counts.csv",
    "articles.csv",
    "data_dictionary.csv",
    "README.txt",
}


def read(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return {name: z.read(name).decode("utf-8-sig") for name in z.namelist()}


@pytest.fixture
def demo(demo_2018, db):
    """The demo year, loaded once for this module."""
    return None


def test_the_zip_holds_every_dataset_and_its_dictionary(demo):
    files = read(builder.build_zip())
    assert set(files) == FILES
    dictionary = list(csv.reader(io.StringIO(files["data_dictionary.csv"])))
    described = {(row[0], row[1]) for row in dictionary[1:]}
    for name in FILES - {"data_dictionary.csv", "README.txt"}:
        header = next(csv.reader(io.StringIO(files[name])))
        assert {(name, column) for column in header} <= described, name
    stations = list(csv.DictReader(io.StringIO(files["stations.csv"])))
    assert len(stations) == 10
    counts = list(csv.DictReader(io.StringIO(files["suggestion_counts.csv"])))
    assert sum(int(r["count"]) for r in counts) == Suggestion.objects.count()
    sessions = list(csv.DictReader(io.StringIO(files["sessions.csv"])))
    assert sum(int(r["voters_received"]) for r in sessions) == sum(
        ReceptionSession.objects.values_list("voters_received", flat=True)
    )


def test_the_zip_contains_no_personal_data_nor_suggestion_text(demo):
    text = "\n".join(read(builder.build_zip()).values())
    markers = set()
    for row in Suggestion.objects.values_list(
        "submitter_name", "submitter_phone", "submitter_address", "text", "title"
    ):
        markers |= {value for value in row if value}
    markers |= {p for p in Deputy.objects.values_list("phone", flat=True) if p}
    markers |= set(ReceptionSession.objects.values_list("summary", flat=True)) - {""}
    markers |= set(SessionIssue.objects.values_list("text", flat=True)) - {""}
    assert len(markers) > 100
    leaked = sorted(m for m in markers if m in text)
    assert leaked == []
    # The demo residents' phones all start 1380000: none anywhere.
    assert "1380000" not in text
    # Demo residents are 居民甲某某…; demo opinion texts end (示例内容).
    assert "某某" not in text
    assert "(示例内容)" not in text


def test_the_public_page_shows_the_dictionary_and_links_the_zip(client, demo):
    response = client.get(reverse("opendata:page"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("opendata:download") in html
    for dataset in builder.DATASETS:
        assert dataset.filename in html
    assert "数据字典" in html


def test_anyone_downloads_the_zip(client, demo):
    response = client.get(reverse("opendata:download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    files = read(b"".join(response.streaming_content))
    assert set(files) == FILES


def test_the_nightly_task_rebuilds_the_zip_from_the_records(demo):
    from django.core.files.storage import default_storage

    tasks.regenerate.delay()
    before = read(default_storage.open(builder.ZIP_NAME).read())
    Deputy.objects.filter(name="张某华").update(occupation="示例新职业")
    tasks.regenerate.delay()
    after = read(default_storage.open(builder.ZIP_NAME).read())
    assert "示例新职业" not in before["deputies.csv"]
    assert "示例新职业" in after["deputies.csv"]


def test_the_rebuild_is_scheduled_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["opendata-regenerate"]
    assert entry["task"] == tasks.regenerate.name
    assert entry["schedule"] == 24 * 3600


def test_the_open_data_page_answers_only_get(client):
    assert client.post(reverse("opendata:page")).status_code == 405

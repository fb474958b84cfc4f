"""Media, reports and exports in an S3-compatible bucket (MEDIA_STORAGE=s3).

The bucket is a real S3 server on this machine (moto in server mode, on a free
port): files go through django-storages and boto3 over HTTP as they would to
any S3-compatible service.
"""

import importlib
import io
import json
import logging
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse

from core.images import process_image
from core.storage import EXPORTS_LOCATION, s3_storages
from suggestions.models import SuggestionPhoto
from tests.factories import DeputyFactory
from tests.suggestions.conftest import form_data, jpeg_bytes

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}
REGION = "us-east-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    # One line per S3 request otherwise.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


class Bucket:
    def __init__(self, endpoint: str):
        import boto3

        self.name = f"ziyang-{uuid.uuid4().hex[:12]}"
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id=CREDENTIALS["access_key"],
            aws_secret_access_key=CREDENTIALS["secret_key"],
            region_name=REGION,
        )
        self.client.create_bucket(Bucket=self.name)

    def keys(self, prefix: str) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def acl_grants(self, key: str) -> list:
        return self.client.get_object_acl(Bucket=self.name, Key=key)["Grants"]


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A fresh private bucket as the portal's media storage, /media/ routed."""
    store = Bucket(s3_endpoint)
    settings.MEDIA_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            bucket_name=store.name,
            endpoint_url=s3_endpoint,
            region_name=REGION,
            **CREDENTIALS,
        ),
    }
    from ziyang_portal import urls

    importlib.reload(urls)
    clear_url_caches()
    try:
        yield store
    finally:
        settings.MEDIA_STORAGE = "filesystem"
        importlib.reload(urls)
        clear_url_caches()


@pytest.fixture(autouse=True)
def captcha_test_mode(settings, monkeypatch):
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def settings_of_a_new_process(**env) -> dict:
    """STORAGES as a fresh process reads them from the environment."""
    code = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "s = storages['default']\n"
        "print(json.dumps({'storages': settings.STORAGES, 'class': type(s).__name__,"
        " 'acl': getattr(s, 'default_acl', None),"
        " 'signed': getattr(s, 'querystring_auth', None),"
        " 'bucket': getattr(s, 'bucket_name', None)}, default=str))"
    )
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "MEDIA_"))
    }
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


def test_media_storage_s3_makes_the_private_bucket_the_default_storage():
    seen = settings_of_a_new_process(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="ziyang-media",
        AWS_S3_ENDPOINT_URL="http://s3.internal:9000",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_REGION_NAME="cn-central-1",
    )
    assert seen["class"] == "MediaS3Storage"
    assert seen["acl"] == "private" and seen["signed"] is True
    assert seen["bucket"] == "ziyang-media"
    options = seen["storages"]["default"]["OPTIONS"]
    assert options["endpoint_url"] == "http://s3.internal:9000"
    assert options["region_name"] == "cn-central-1"
    exports = seen["storages"]["exports"]
    assert exports["OPTIONS"]["location"] == EXPORTS_LOCATION
    assert exports["OPTIONS"]["default_acl"] == "private"


def test_without_media_storage_files_stay_in_media_root():
    seen = settings_of_a_new_process()
    assert seen["class"] == "FileSystemStorage"
    assert "exports" not in seen["storages"]


def test_a_residents_photo_goes_to_the_bucket_and_only_the_authorised_view_serves_it(
    client, bucket, settings, staff_client, resident_client, deputy_client, zhang
):
    upload = SimpleUploadedFile("p.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = client.post(
        reverse("suggestions:suggest"), {**form_data(), "photos": [upload]}
    )
    assert response.status_code == 302

    photo = SuggestionPhoto.objects.get()
    key = photo.image.name
    assert key.startswith("suggestions/photos/")
    assert bucket.keys("suggestions/") == [key]
    assert not Path(settings.MEDIA_ROOT, key).exists()
    stored = bucket.read(key)
    assert stored[:2] == b"\xff\xd8"  # the re-encoded JPEG, not nothing

    url = reverse("suggestions:photo", args=[photo.pk])
    answer = staff_client.get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "image/jpeg"
    assert body(answer) == stored

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    assert resident_client.get(url).status_code == 403
    # Not the following deputy yet: the photo's existence is not confirmed.
    assert deputy_client.get(url).status_code == 404
    photo.suggestion.following_deputy = zhang
    photo.suggestion.save(update_fields=["following_deputy"])
    assert body(deputy_client.get(url)) == stored

    # Never at a public address, whether asked of the portal or the bucket.
    assert client.get(f"/media/{key}").status_code == 404
    assert photo.image.url != f"/media/{key}"
    assert "X-Amz-Signature=" in photo.image.url


def test_public_pictures_keep_their_address_and_are_served_from_the_bucket(
    client, bucket
):
    deputy = DeputyFactory()
    upload = SimpleUploadedFile("me.jpg", jpeg_bytes(), content_type="image/jpeg")
    deputy.photo.save("me.jpg", process_image(upload))
    key = deputy.photo.name
    assert bucket.keys("deputies/photos/") == [key]

    page = client.get(reverse("deputies:detail", args=[deputy.pk]))
    assert f'src="/media/{key}"' in page.content.decode()
    picture = client.get(f"/media/{key}")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/jpeg"
    assert body(picture) == bucket.read(key)
    assert client.get("/media/deputies/photos/missing.jpg").status_code == 404


def test_files_made_by_tasks_land_in_the_bucket(
    bucket, superuser, superuser_client, client, django_capture_on_commit_callbacks
):
    from exports.models import Export
    from exports.services import export_request
    from report.models import ReportExport
    from report.services import report_generate, report_request_export

    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(user=superuser, register=Export.Register.DEPUTIES)
    export.refresh_from_db()
    assert export.status == Export.Status.DONE
    key = f"{EXPORTS_LOCATION}/{export.file.name}"
    assert bucket.keys(f"{EXPORTS_LOCATION}/") == [key]
    download = superuser_client.get(reverse("exports:download", args=[export.pk]))
    assert body(download) == bucket.read(key)

    report = report_generate(year=2018, user=superuser)
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request_export(report=report, fmt="csv", user=superuser)
    job.refresh_from_db()
    assert job.status == ReportExport.Status.DONE
    assert bucket.keys("reports/") == [job.file.name]
    with job.file.open("rb") as f:
        assert f.read() == bucket.read(job.file.name)

    from opendata.tasks import regenerate

    name = regenerate.delay().get()
    assert bucket.keys("opendata/") == [name]
    zipped = client.get(reverse("opendata:download"))
    assert io.BytesIO(body(zipped)).getvalue() == bucket.read(name)


def test_stored_objects_are_private(bucket):
    deputy = DeputyFactory()
    upload = SimpleUploadedFile("me.jpg", jpeg_bytes(), content_type="image/jpeg")
    deputy.photo.save("me.jpg", process_image(upload))
    grants = bucket.acl_grants(deputy.photo.name)
    assert grants, "the object has no ACL"
    everyone = "http://acs.amazonaws.com/groups/global/AllUsers"
    assert not [g for g in grants if g["Grantee"].get("URI") == everyone]


def test_the_duty_archive_files_hold_the_pictures_kept_in_the_bucket(
    bucket, deputy_client, zhang
):
    from docx import Document
    from pypdf import PdfReader

    from tests.deputies.factories import ActivityPhotoFactory, AttendanceFactory

    row = AttendanceFactory(deputy=zhang, activity__date="2018-04-16")
    photo = ActivityPhotoFactory(activity=row.activity)
    assert bucket.keys("deputies/activities/") == [photo.image.name]

    word = deputy_client.get("/my/archive/docx/", {"year": "2018"})
    assert len(Document(io.BytesIO(word.content)).inline_shapes) == 1
    pdf = deputy_client.get("/my/archive/pdf/", {"year": "2018"})
    reader = PdfReader(io.BytesIO(pdf.content))
    assert sum(len(page.images) for page in reader.pages) == 1

"""Session photos are private: they may show voters' faces.

They are stored outside the public picture folders and reach only committee
staff and the session's own deputies, through one authorised view; the duty
archive's files still hold them.
"""

import importlib
import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from archive.export import local_bytes
from reception.models import SESSION_PHOTOS_FOLDER, SessionPhoto

from .factories import ReceptionSessionFactory, SessionPhotoFactory

pytestmark = pytest.mark.django_db

moving = importlib.import_module("reception.migrations.0004_move_session_photos")


@pytest.fixture
def session(zhang, station):
    return ReceptionSessionFactory(station=station, deputies=[zhang])


@pytest.fixture
def photo(session):
    return SessionPhotoFactory(session=session, caption="接待现场")


def photo_url(photo) -> str:
    return reverse("reception:session_photo", args=[photo.pk])


def stored_bytes(photo) -> bytes:
    with default_storage.open(photo.image.name, "rb") as stored:
        return stored.read()


def body(response) -> bytes:
    return b"".join(response.streaming_content)


# Where the files are -------------------------------------------------------


def test_a_session_photo_is_stored_outside_the_public_folders(photo):
    name = photo.image.name
    assert name.startswith(SESSION_PHOTOS_FOLDER + "/")
    assert name.startswith("private/")
    assert not name.startswith(settings.PUBLIC_MEDIA_PREFIXES)
    assert default_storage.exists(name)


def test_a_session_photos_address_is_the_authorised_view(photo):
    assert photo.image.url == f"/reception/sessions/photos/{photo.pk}/"
    assert settings.MEDIA_URL not in photo.image.url


def test_the_public_media_view_never_serves_a_session_photo(rf, photo):
    from django.http import Http404

    from core.views import public_media

    with pytest.raises(Http404):
        public_media(rf.get("/"), photo.image.name)


# Who gets the file -----------------------------------------------------------


def test_a_deputy_of_the_session_gets_the_photo(deputy_client, photo):
    response = deputy_client.get(photo_url(photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert body(response) == stored_bytes(photo)


def test_every_deputy_of_the_session_gets_the_photo(
    other_deputy_client, li, session, photo
):
    session.deputies.add(li)
    response = other_deputy_client.get(photo_url(photo))
    assert response.status_code == 200
    assert body(response) == stored_bytes(photo)


def test_committee_staff_and_superusers_get_the_photo(
    staff_client, superuser_client, photo
):
    for client in (staff_client, superuser_client):
        response = client.get(photo_url(photo))
        assert response.status_code == 200
        assert body(response) == stored_bytes(photo)


def test_another_deputy_is_not_told_the_photo_exists(other_deputy_client, li, photo):
    assert other_deputy_client.get(photo_url(photo)).status_code == 404


def test_a_resident_is_refused(resident_client, photo):
    assert resident_client.get(photo_url(photo)).status_code == 403


def test_a_staff_account_outside_the_committee_is_refused(
    client, django_user_model, photo
):
    user = django_user_model.objects.create_user("staff-elsewhere", is_staff=True)
    client.force_login(user)
    assert client.get(photo_url(photo)).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, photo):
    response = client.get(photo_url(photo))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_unknown_photo_is_404(deputy_client, staff_client, zhang, photo):
    url = reverse("reception:session_photo", args=[photo.pk + 1000])
    assert deputy_client.get(url).status_code == 404
    assert staff_client.get(url).status_code == 404


def test_a_photo_whose_file_is_gone_is_404(staff_client, photo):
    default_storage.delete(photo.image.name)
    assert staff_client.get(photo_url(photo)).status_code == 404


def test_the_view_only_reads(deputy_client, photo):
    assert deputy_client.post(photo_url(photo)).status_code == 405


# Where the photos show -------------------------------------------------------


def test_the_station_page_shows_its_own_photos_but_no_session_photo(
    client, zhang, photo
):
    from reception.models import StationPhoto

    station = photo.session.station
    venue = StationPhoto(station=station, caption="接待站外景")
    venue.image.save("venue.jpg", ContentFile(stored_bytes(photo)), save=True)
    html = client.get(f"/stations/{station.slug}/").content.decode()
    assert venue.image.url in html and "接待站外景" in html
    assert venue.image.url.startswith(settings.MEDIA_URL + "reception/stations/")
    assert photo_url(photo) not in html
    assert photo.image.name.rsplit("/", 1)[-1] not in html


def test_the_workspace_shows_the_photo_through_the_view(deputy_client, photo):
    url = reverse("reception:my_session_detail", args=[photo.session_id])
    html = deputy_client.get(url).content.decode()
    assert f'src="{photo_url(photo)}"' in html
    assert photo.image.name not in html


def test_the_admin_links_the_photo_through_the_view(staff_client, photo):
    url = reverse("admin:reception_receptionsession_change", args=[photo.session_id])
    html = staff_client.get(url).content.decode()
    assert f'href="{photo_url(photo)}"' in html
    assert settings.MEDIA_URL + photo.image.name not in html


def test_the_archive_page_shows_the_photo_through_the_view(deputy_client, photo):
    html = deputy_client.get("/my/archive/", {"year": "all"}).content.decode()
    assert f'src="{photo_url(photo)}"' in html


# The duty archive's files --------------------------------------------------


def test_the_archive_exporter_reads_a_session_photo_from_storage(photo):
    expected = stored_bytes(photo)
    assert local_bytes(photo_url(photo)) == expected
    assert local_bytes("http://archive.local" + photo_url(photo)) == expected
    unknown = reverse("reception:session_photo", args=[photo.pk + 1000])
    assert local_bytes(unknown) is None
    # Only the private pictures it knows: no other view's answer.
    assert local_bytes(reverse("reception:my_sessions")) is None


def test_the_archive_exporter_skips_a_photo_whose_file_is_gone(photo):
    default_storage.delete(photo.image.name)
    assert local_bytes(photo_url(photo)) is None


def test_the_word_archive_holds_the_session_photo(deputy_client, photo):
    response = deputy_client.get("/my/archive/docx/", {"year": "all"})
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert len(document.inline_shapes) == 1


def test_the_pdf_archive_holds_the_session_photo(deputy_client, photo):
    response = deputy_client.get("/my/archive/pdf/", {"year": "all"})
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert sum(len(page.images) for page in reader.pages) == 1


def test_staff_export_a_deputys_archive_with_the_session_photo(
    staff_client, zhang, photo
):
    url = f"/admin/deputies/deputy/{zhang.pk}/archive/docx/"
    response = staff_client.get(url, {"year": "all"})
    assert response.status_code == 200
    assert len(Document(io.BytesIO(response.content)).inline_shapes) == 1


# Moving the photos stored before --------------------------------------------


def public_photo(session, name: str, content: bytes) -> SessionPhoto:
    """A row as stored before photos were private: its file under reception/."""
    stored = default_storage.save(name, ContentFile(content))
    photo = SessionPhotoFactory(session=session)
    default_storage.delete(photo.image.name)
    SessionPhoto.objects.filter(pk=photo.pk).update(image=stored)
    return SessionPhoto.objects.get(pk=photo.pk)


def run_move():
    moving.move_session_photos(apps, SimpleNamespace(connection=connection))


def test_the_migration_moves_a_public_file_into_the_private_folder(session):
    old = public_photo(session, "reception/sessions/before.jpg", b"old photo")
    run_move()
    moved = SessionPhoto.objects.get(pk=old.pk)
    assert moved.image.name == "private/reception/sessions/before.jpg"
    assert not default_storage.exists("reception/sessions/before.jpg")
    with default_storage.open(moved.image.name, "rb") as stored:
        assert stored.read() == b"old photo"


def test_the_migration_can_run_again(session):
    old = public_photo(session, "reception/sessions/twice.jpg", b"twice")
    run_move()
    run_move()
    moved = SessionPhoto.objects.get(pk=old.pk)
    assert moved.image.name == "private/reception/sessions/twice.jpg"
    assert default_storage.exists(moved.image.name)


def test_the_migration_finishes_an_interrupted_move(session):
    """The private copy was written, the row not yet repointed."""
    old = public_photo(session, "reception/sessions/halfway.jpg", b"halfway")
    default_storage.save("private/reception/sessions/halfway.jpg", ContentFile(b"x"))
    run_move()
    moved = SessionPhoto.objects.get(pk=old.pk)
    assert moved.image.name == "private/reception/sessions/halfway.jpg"
    assert not default_storage.exists("reception/sessions/halfway.jpg")


def test_the_migration_tolerates_a_missing_file(session):
    old = public_photo(session, "reception/sessions/gone.jpg", b"gone")
    default_storage.delete("reception/sessions/gone.jpg")
    run_move()
    moved = SessionPhoto.objects.get(pk=old.pk)
    assert moved.image.name == "private/reception/sessions/gone.jpg"
    assert not moved.image.name.startswith(settings.PUBLIC_MEDIA_PREFIXES)


def test_the_migration_leaves_photos_already_private_alone(photo):
    before = photo.image.name
    run_move()
    assert SessionPhoto.objects.get(pk=photo.pk).image.name == before
    assert default_storage.exists(before)

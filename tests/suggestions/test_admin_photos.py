"""A resident's photo in the admin: the "currently" link and its thumbnail go
through the authorised view, never the media folder."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from suggestions.models import SuggestionPhoto
from tests.suggestions.conftest import jpeg_bytes
from tests.suggestions.factories import SuggestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(db):
    suggestion = SuggestionFactory()
    return SuggestionPhoto.objects.create(
        suggestion=suggestion, image=ContentFile(jpeg_bytes(), name="x.jpg")
    )


def change_url(photo):
    return reverse("admin:suggestions_suggestion_change", args=[photo.suggestion_id])


def test_the_current_photo_links_the_authorised_view_with_a_thumbnail(
    staff_client, photo
):
    html = staff_client.get(change_url(photo)).content.decode()
    view = reverse("suggestions:photo", args=[photo.pk])
    block = re.search(r'<p class="file-upload">.*?</p>', html, re.S).group(0)
    assert "目前" in block
    assert f'href="{view}"' in block
    assert f'<img class="suggestion-photo-thumb" src="{view}"' in block
    assert "/media/" not in html
    thumbnail = staff_client.get(view)
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/jpeg"


def test_the_photo_view_refuses_everybody_else(
    client, resident_client, deputy_client, zhang, photo
):
    view = reverse("suggestions:photo", args=[photo.pk])
    assert client.get(view).status_code in (302, 403)
    assert resident_client.get(view).status_code == 403
    # A deputy who does not follow the item is not told it exists.
    assert deputy_client.get(view).status_code == 404


def test_the_following_deputy_sees_the_photo(deputy_client, zhang, photo):
    photo.suggestion.following_deputy = zhang
    photo.suggestion.save()
    assert (
        deputy_client.get(reverse("suggestions:photo", args=[photo.pk])).status_code
        == 200
    )


def test_a_deputy_never_opens_the_admin_page(deputy_client, zhang, photo):
    response = deputy_client.get(change_url(photo))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_bad_file_is_refused_in_chinese_and_the_photo_kept(staff_client, photo):
    suggestion = photo.suggestion
    stored = photo.image.name
    data = {
        "kind": suggestion.kind,
        "source": suggestion.source,
        "title": suggestion.title,
        "text": suggestion.text,
        "photos-TOTAL_FORMS": 1,
        "photos-INITIAL_FORMS": 1,
        "photos-0-id": photo.pk,
        "photos-0-suggestion": suggestion.pk,
        "photos-0-image": ContentFile(b"not a picture", name="bad.jpg"),
        "replies-TOTAL_FORMS": 0,
        "replies-INITIAL_FORMS": 0,
    }
    response = staff_client.post(change_url(photo), data)
    html = response.content.decode()
    assert response.status_code == 200  # the admin shows its form again
    assert "不是 JPEG、PNG 或 WebP 格式的图片" in html
    suggestion.refresh_from_db()
    assert suggestion.photos.count() == 1
    photo.refresh_from_db()
    assert photo.image.name == stored
    assert "/media/" not in html


def test_another_deputy_gets_404(other_deputy_client, li, zhang, photo):
    photo.suggestion.following_deputy = zhang
    photo.suggestion.save()
    view = reverse("suggestions:photo", args=[photo.pk])
    assert other_deputy_client.get(view).status_code == 404

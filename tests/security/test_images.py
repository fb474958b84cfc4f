"""The one image pipeline: every upload in every app goes through it."""

import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image

from core.images import PortalImageField, PortalImageFormField, process_image

PORTAL_APPS = {"deputies", "reception", "suggestions", "publicity", "report"}
# Files that are not pictures, each with its own checks: exports the portal
# makes itself, and deputies' duty reports (PDF/Word, size and type limited,
# server-made names).
NOT_PICTURES = {"report.ReportExport.file", "deputies.DutyReport.document"}


def picture(fmt="JPEG", size=(64, 48), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "red" if mode == "RGB" else 1).save(out, format=fmt, **save)
    return out.getvalue()


def upload(content, name="photo.jpg"):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def test_every_upload_field_of_every_app_uses_the_pipeline():
    strays = []
    for model in apps.get_models():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        for field in model._meta.fields:
            label = f"{model._meta.label}.{field.name}"
            if not isinstance(field, models.FileField) or label in NOT_PICTURES:
                continue
            if not isinstance(field, PortalImageField) or not isinstance(
                field.formfield(), PortalImageFormField
            ):
                strays.append(label)
    assert not strays, f"uploads outside the image pipeline: {strays}"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted_and_re_encoded(fmt):
    result = process_image(upload(picture(fmt)))
    with Image.open(result) as image:
        assert image.format in ("JPEG", "PNG")
        assert image.size == (64, 48)


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF", "PDF"])
def test_other_formats_are_refused_whatever_the_name_says(fmt):
    with pytest.raises(ValidationError) as error:
        process_image(upload(picture(fmt), name="photo.jpg"))
    assert error.value.code == "invalid_image"


def test_the_type_is_read_from_the_bytes_not_the_name():
    result = process_image(upload(picture("PNG"), name="holiday.jpg"))
    assert result.name.endswith(".png")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a picture",
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"\xff\xd8\xff",
    ],
)
def test_damaged_or_fake_pictures_are_refused(content):
    with pytest.raises(ValidationError):
        process_image(upload(content))


def test_a_decompression_bomb_is_refused_before_decoding():
    # 9000 x 9000 one-bit pixels: a few kilobytes that would decode to 81 MP.
    with pytest.raises(ValidationError) as error:
        process_image(upload(picture("PNG", size=(9000, 9000), mode="1")))
    assert error.value.code == "too_many_pixels"


def test_a_file_over_10_mb_is_refused_unread():
    big = upload(b"\xff\xd8" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        process_image(big)
    assert error.value.code == "too_large"


def test_gps_and_camera_metadata_are_stripped_and_orientation_applied():
    exif = Image.Exif()
    exif[0x010F] = "ExampleCam"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to view
    exif[0x8825] = {1: "N", 2: (30.0, 32.0, 0.0), 3: "E", 4: (114.0, 18.0, 0.0)}
    result = process_image(upload(picture("JPEG", size=(64, 48), exif=exif)))
    with Image.open(result) as image:
        assert image.size == (48, 64)  # turned upright
        assert not image.getexif()
        assert "exif" not in image.info and "icc_profile" not in image.info


def test_the_stored_name_is_made_by_the_server():
    result = process_image(upload(picture(), name="../../etc/张三-身份证.jpg"))
    stem, ext = result.name.rsplit(".", 1)
    assert (
        ext == "jpg" and len(stem) == 32 and all(c in "0123456789abcdef" for c in stem)
    )


def test_documents_that_are_not_pictures_get_server_made_names_too():
    from deputies.models import DutyReport

    field = DutyReport._meta.get_field("document")
    name = field.generate_filename(None, "张某华 述职报告.pdf")
    assert "张某华" not in name and name.endswith(".pdf")


def test_uploaded_files_are_not_served_at_a_public_address(client, db, settings):
    """Pictures reach people only through views that check who is asking."""
    from pathlib import Path

    from django.urls import get_resolver
    from django.views.static import serve

    photo = Path(settings.MEDIA_ROOT, "suggestions", "photos", "resident.jpg")
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(picture())
    try:
        response = client.get(f"{settings.MEDIA_URL}suggestions/photos/resident.jpg")
        assert response.status_code == 404
    finally:
        photo.unlink()

    def views(patterns):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                yield from views(entry.url_patterns)
            else:
                yield entry.callback

    assert serve not in set(views(get_resolver().url_patterns))


def test_a_large_turned_photo_is_scaled_down_and_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to view
    result = process_image(upload(picture("JPEG", size=(5120, 3840), exif=exif)))
    with Image.open(result) as image:
        assert image.size == (1920, 2560)
        assert not image.getexif()

"""Upload payloads: a real picture, a non-picture, a bomb and an oversized file."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg(name="photo.jpg", size=(64, 48)):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def not_an_image():
    return SimpleUploadedFile(
        "photo.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"
    )


def bomb():
    """A tiny PNG that would decode to 7999 x 7999 pixels (64 million)."""
    out = io.BytesIO()
    Image.new("1", (7999, 7999)).save(out, format="PNG")
    return SimpleUploadedFile("bomb.png", out.getvalue(), content_type="image/png")


def oversized():
    return SimpleUploadedFile(
        "huge.jpg",
        b"\xff\xd8\xff" + b"0" * (10 * 1024 * 1024),
        content_type="image/jpeg",
    )

"""The one image pipeline every upload goes through.

The type is read from the bytes (JPEG, PNG or WebP only), size and dimensions are
bounded before decoding, decompression bombs are refused, the EXIF orientation is
applied and the picture is re-encoded, which drops every piece of metadata (EXIF,
GPS, XMP, ICC comments). The stored file gets a server-generated name.
"""

import io
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 8000
MAX_PIXELS = 50_000_000
# Stored pictures are scaled down to this longest side: plenty for a report page.
STORED_MAX_SIDE = 2560
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")


def process_image(uploaded) -> ContentFile:
    """Validate an uploaded picture and return a clean re-encoded copy.

    Raises ValidationError with a message for the person who uploaded it.
    """
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The picture is larger than 10 MB. Please choose a smaller one."),
            code="too_large",
        )
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded, formats=ALLOWED_FORMATS) as probe:
                width, height = probe.size
                if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                    raise ValidationError(
                        _("The picture is too large (at most 8000 pixels a side)."),
                        code="too_many_pixels",
                    )
                fmt = probe.format
                # Scaling first decodes straight into the smaller size where the
                # format allows (JPEG draft mode) and never holds a second
                # full-size copy; the bounding box is square, so turning the
                # picture upright afterwards gives the same result.
                probe.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE))
                image = ImageOps.exif_transpose(probe)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as exc:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP picture, or it is damaged."),
            code="invalid_image",
        ) from exc

    out = io.BytesIO()
    if fmt == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, format="PNG", optimize=True)
        ext = "png"
    else:
        if image.mode != "RGB":
            image = image.convert("RGB")
        image.save(out, format="JPEG", quality=85, optimize=True)
        ext = "jpg"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ext}")


@deconstructible
class UploadTo:
    """upload_to for pictures: a folder per kind and a server-made file name."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __call__(self, instance, filename: str) -> str:
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
        if ext not in ("jpg", "png"):
            ext = "jpg"
        return f"{self.prefix}/{uuid.uuid4().hex}.{ext}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.prefix == self.prefix


class PortalImageFormField(forms.ImageField):
    """A form field that passes the upload through process_image."""

    default_error_messages = {
        "invalid_image": _(
            "This file is not a JPEG, PNG or WebP picture, or it is damaged."
        ),
    }

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return process_image(data)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = "image/jpeg,image/png,image/webp"
        return attrs


class PortalImageField(models.ImageField):
    """A model image field whose forms (admin included) use the pipeline."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PortalImageFormField, **kwargs})

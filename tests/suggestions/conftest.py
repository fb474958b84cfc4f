import io

import pytest
from PIL import Image

from tests.suggestions.factories import SuggestionFactory


@pytest.fixture(autouse=True)
def captcha_test_mode(settings, monkeypatch):
    """The answer "PASSED" solves the captcha (django-simple-captcha test mode).

    The package reads the setting once at import, so its module is patched too.
    """
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


@pytest.fixture
def suggestion(db):
    return SuggestionFactory()


def jpeg_bytes(size=(64, 48), exif_gps=False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "ExampleCam"  # Make
        gps = {1: "N", 2: (30.0, 32.0, 0.0), 3: "E", 4: (114.0, 18.0, 0.0)}
        exif[0x8825] = gps
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def form_data(**overrides):
    """What the public form sends, with a token as the served page carries."""
    from suggestions import submission_tokens

    data = {
        "title": "路灯不亮",
        "text": "紫阳路路口路灯坏了一周。",
        "name": "居民某某",
        "phone": "13800005678",
        "address": "示例路8号",
        "consent": "on",
        "captcha_0": "dummy-key",
        "captcha_1": "PASSED",
        "website": "",
        "token": submission_tokens.issue(),
    }
    data.update(overrides)
    return data

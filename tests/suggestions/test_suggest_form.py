import io
import os
import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from suggestions import submission_tokens
from suggestions.models import Suggestion, SuggestionPhoto
from tests.suggestions.conftest import form_data, jpeg_bytes
from tests.suggestions.factories import SuggestionFactory

pytestmark = pytest.mark.django_db
URL = reverse("suggestions:suggest")


def photo(name="p.jpg", content=None, **kwargs):
    return SimpleUploadedFile(
        name, content or jpeg_bytes(**kwargs), content_type="image/jpeg"
    )


def stored_files() -> set:
    root = os.path.join(settings.MEDIA_ROOT, "suggestions", "photos")
    if not os.path.isdir(root):
        return set()
    return set(os.listdir(root))


def test_the_form_shows_the_privacy_notice_and_a_math_captcha(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "个人信息保护说明" in html
    assert 'name="captcha_1"' in html
    assert 'name="website"' in html  # the honeypot
    assert 'name="token"' in html


def test_a_resident_submits_and_sees_the_tracking_code(client):
    response = client.post(URL, form_data(), follow=True)
    s = Suggestion.objects.get()
    assert s.tracking_code in response.content.decode()
    assert s.status == "received" and s.kind == "resident" and s.source == "web_form"
    assert s.consent and s.privacy_notice_version
    assert s.submitter_phone == "13800005678" and s.phone_last4 == "5678"


def test_a_wrong_captcha_answer_is_refused_with_400(client, settings, monkeypatch):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    response = client.post(URL, form_data(captcha_1="99"))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_the_honeypot_refuses_robots(client):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "field,value",
    [("phone", "12345"), ("title", ""), ("consent", ""), ("name", "")],
)
def test_bad_input_is_refused_with_a_chinese_message(client, field, value):
    response = client.post(URL, form_data(**{field: value}))
    assert response.status_code == 400
    assert "请" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_double_submit_makes_one_row_and_one_code(client):
    data = form_data()
    first = client.post(URL, data, follow=True)
    second = client.post(URL, data, follow=True)
    assert Suggestion.objects.count() == 1
    code = Suggestion.objects.get().tracking_code
    assert code in first.content.decode() and code in second.content.decode()


def test_too_many_submissions_from_one_address_get_429(client, settings):
    settings.SUGGESTIONS_RATE_LIMITS = {"submit-ip": (2, 3600)}
    for n in range(2):
        client.post(URL, form_data(phone=f"1380000000{n}"))
    response = client.post(URL, form_data(phone="13800000009"))
    assert response.status_code == 429
    assert "稍后" in response.content.decode()
    assert Suggestion.objects.count() == 2


def test_too_many_submissions_with_one_phone_get_429(client, settings):
    settings.SUGGESTIONS_RATE_LIMITS = {"submit-phone": (1, 3600)}
    client.post(URL, form_data(), REMOTE_ADDR="10.0.0.1")
    response = client.post(URL, form_data(), REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert Suggestion.objects.count() == 1


def test_the_rate_limit_fails_open_when_the_cache_is_down(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "add", broken)
    response = client.post(URL, form_data(), follow=True)
    assert response.status_code == 200
    assert Suggestion.objects.count() == 1
    assert "cache is unreachable" in caplog.text
    assert "13800005678" not in caplog.text


def test_photos_are_stored_re_encoded_without_exif_or_gps(client):
    client.post(URL, form_data(photos=[photo(exif_gps=True), photo()]))
    photos = SuggestionPhoto.objects.all()
    assert photos.count() == 2
    for p in photos:
        with Image.open(p.image.path) as stored:
            assert not stored.getexif()
            assert "exif" not in stored.info
        assert not p.image.name.endswith("p.jpg")


def test_more_than_nine_photos_are_refused(client):
    before = stored_files()
    response = client.post(URL, form_data(photos=[photo() for _ in range(10)]))
    assert response.status_code == 400
    assert "9" in response.content.decode()
    assert not Suggestion.objects.exists()
    assert stored_files() == before


def test_a_decompression_bomb_is_refused_with_nothing_on_disk(client):
    bomb = Image.new("1", (7900, 7900))  # 62 Mpx, tiny as a PNG
    out = io.BytesIO()
    bomb.save(out, format="PNG")
    before = stored_files()
    started = time.monotonic()
    response = client.post(URL, form_data(photos=[photo("bomb.png", out.getvalue())]))
    assert time.monotonic() - started < 3  # refused before decoding the pixels
    assert response.status_code == 400
    assert not Suggestion.objects.exists()
    assert stored_files() == before


def test_a_polyglot_file_is_refused(client):
    polyglot = b"<?php system($_GET['c']); ?>" + b"GIF89a" + b"\x00" * 100
    response = client.post(URL, form_data(photos=[photo("x.jpg", polyglot)]))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_a_picture_over_8000_pixels_a_side_is_refused(client):
    wide = Image.new("RGB", (8001, 10))
    out = io.BytesIO()
    wide.save(out, format="PNG")
    response = client.post(URL, form_data(photos=[photo("w.png", out.getvalue())]))
    assert response.status_code == 400
    assert "8000" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_file_over_10_mb_is_refused(client):
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1))
    response = client.post(URL, form_data(photos=[big]))
    assert response.status_code == 400
    assert "10 MB" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_done_page_without_a_submission_goes_back_to_the_form(client):
    response = client.get(reverse("suggestions:suggest_done"))
    assert response.status_code == 302 and response.url == URL


def test_the_privacy_page_names_who_why_how_long_and_whom_to_contact(client):
    html = client.get(reverse("suggestions:privacy")).content.decode()
    for word in ("收集", "目的", "保存", "联系"):
        assert word in html


# The submission token ------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        None,  # left out
        "",
        "not-a-token",
        # A UUID, but not signed by the portal: it must not find an item either.
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    ],
)
def test_a_form_without_a_token_the_portal_signed_reveals_no_item(client, token):
    # Items entered by staff or made from a reception session carry no token.
    other = SuggestionFactory(submission_token=None, title="别人的意见")
    signed_elsewhere = SuggestionFactory()
    data = form_data()
    if token is None:
        del data["token"]
    else:
        data["token"] = token
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "已过期" in html
    assert other.tracking_code not in html
    assert signed_elsewhere.tracking_code not in html
    assert Suggestion.objects.count() == 2
    # What the resident wrote stays, with a fresh token to send it again.
    assert "路灯不亮" in html
    fresh = re.search(r'name="token" value="([^"]+)"', html).group(1)
    assert submission_tokens.verify(fresh) is not None
    again = client.post(URL, {**data, "token": fresh})
    assert again.status_code == 302
    assert Suggestion.objects.count() == 3


def test_a_missing_token_does_not_skip_the_captcha_or_the_limits(
    client, settings, monkeypatch
):
    from captcha.conf import settings as captcha_settings

    SuggestionFactory(submission_token=None)
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    data = form_data(captcha_1="wrong")
    del data["token"]
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "计算结果不对" in response.content.decode()
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    settings.SUGGESTIONS_RATE_LIMITS = {"submit-ip": (0, 3600)}
    assert client.post(URL, data).status_code == 429


def test_an_expired_token_is_refused_and_a_fresh_one_offered(client, settings):
    from django.core import signing

    stale = signing.TimestampSigner(salt=submission_tokens.SALT).sign(
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    )
    with mock.patch(
        "suggestions.submission_tokens.MAX_AGE_SECONDS", -1
    ):  # as if two days had passed
        response = client.post(URL, form_data(token=stale))
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_the_replay_of_a_signed_token_shows_only_its_own_item(client):
    data = form_data()
    client.post(URL, data)
    mine = Suggestion.objects.get()
    other_client = type(client)()
    response = other_client.post(URL, data, follow=True)
    assert mine.tracking_code in response.content.decode()
    assert Suggestion.objects.count() == 1

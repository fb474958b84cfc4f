"""The public form for every resident: a challenge in words, errors that lead to
their fields, another way to reach the committee, a short privacy notice."""

import re

import pytest
from captcha.models import CaptchaStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from suggestions import challenge
from suggestions.models import Suggestion
from tests.suggestions.conftest import form_data, jpeg_bytes

pytestmark = pytest.mark.django_db
URL = reverse("suggestions:suggest")


def attrs_of(html: str, element_id: str) -> str:
    """The opening tag of the element with this id."""
    match = re.search(rf"<[a-z]+[^>]*\bid=\"{element_id}\"[^>]*>", html)
    assert match, element_id
    return match.group(0)


def key_of(html: str) -> str:
    return re.search(r'name="captcha_0" value="([0-9a-f]+)"', html).group(1)


@pytest.fixture
def real_captcha(monkeypatch):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)


# The challenge -------------------------------------------------------------------


def test_the_challenge_is_a_small_sum_never_below_zero():
    for _ in range(300):
        question, answer = challenge.math_challenge()
        match = challenge.QUESTION_RE.match(question)
        a, operator, b = int(match[1]), match[2], int(match[3])
        assert 1 <= a <= 9 and 1 <= b <= 9
        assert "*" not in question
        assert int(answer) == {"+": a + b, "-": a - b, "×": a * b}[operator] >= 0


@pytest.mark.parametrize(
    "question,words",
    [
        ("7+2=", "七加二等于几？"),
        ("9-3=", "九减三等于几？"),
        ("7×2=", "七乘二等于几？"),
        ("1×1=", "一乘一等于几？"),
    ],
)
def test_the_sum_is_written_in_chinese_words(question, words):
    with translation.override("zh-hans"):
        assert challenge.in_words(question) == words


def test_the_sum_is_written_in_english_words_on_the_english_pages():
    with translation.override("en"):
        assert challenge.in_words("7×2=") == "What is 7 times 2?"


@pytest.mark.parametrize(
    "n,words", [(0, "零"), (10, "十"), (14, "十四"), (81, "八十一")]
)
def test_chinese_numbers(n, words):
    assert challenge.chinese_number(n) == words


def test_the_page_writes_the_pictures_sum_in_words_beside_it(client):
    html = client.get(URL).content.decode()
    store = CaptchaStore.objects.get(hashkey=key_of(html))
    with translation.override("zh-hans"):
        words = challenge.in_words(store.challenge)
    question = attrs_of(html, "id_captcha_question")
    assert 'aria-live="polite"' in question
    assert f">{words}</p>" in html
    image = re.search(r'<img src="/captcha/image/[^"]+"[^>]*>', html).group(0)
    assert 'alt="captcha"' not in image and "alt=" in image
    answer = attrs_of(html, "id_captcha_1")
    assert 'inputmode="numeric"' in answer and 'autocomplete="off"' in answer
    assert 'aria-describedby="id_captcha_question"' in answer
    assert "换一题" in html


def test_the_sum_answered_from_its_words_sends_the_form(client, real_captcha):
    html = client.get(URL).content.decode()
    key = key_of(html)
    words = re.search(r'id="id_captcha_question"[^>]*>([^<]+)<', html).group(1)
    numbers = {w: n for n, w in enumerate(challenge.CHINESE_DIGITS)}
    a, operator, b = re.match(r"(.)(加|减|乘)(.)等于几？", words).groups()
    a, b = numbers[a], numbers[b]
    answer = {"加": a + b, "减": a - b, "乘": a * b}[operator]
    response = client.post(URL, form_data(captcha_0=key, captcha_1=str(answer)))
    assert response.status_code == 302
    assert Suggestion.objects.count() == 1


def test_an_answer_in_full_width_digits_counts(client, real_captcha):
    key = key_of(client.get(URL).content.decode())
    answer = CaptchaStore.objects.get(hashkey=key).response
    full_width = "".join(chr(ord(d) - ord("0") + ord("０")) for d in answer)
    response = client.post(URL, form_data(captcha_0=key, captcha_1=full_width))
    assert response.status_code == 302


# A new challenge without the form's script -----------------------------------------


def test_new_challenge_without_script_keeps_the_form_and_saves_nothing(
    client, real_captcha
):
    old_key = key_of(client.get(URL).content.decode())
    data = form_data(captcha_0=old_key, captcha_1="", new_challenge="1")
    del data["consent"]
    response = client.post(
        URL, {**data, "photos": [SimpleUploadedFile("p.jpg", jpeg_bytes())]}
    )
    html = response.content.decode()
    assert not Suggestion.objects.exists()
    assert 'value="路灯不亮"' in html and "紫阳路路口路灯坏了一周。" in html
    assert 'value="13800005678"' in html and 'value="居民某某"' in html
    assert key_of(html) != old_key
    assert CaptchaStore.objects.filter(hashkey=key_of(html)).exists()
    # Nothing was checked: no error, no summary; the photos are to choose again.
    assert "error-summary" not in html and "is-invalid" not in html
    assert "照片需要重新选择" in html


def test_new_challenge_without_script_answers_200_and_uses_no_limit(client, settings):
    settings.SUGGESTIONS_RATE_LIMITS = {"submit-ip": (1, 3600)}
    for _ in range(3):
        response = client.post(URL, form_data(new_challenge="1"))
        assert response.status_code == 200
    assert client.post(URL, form_data()).status_code == 302


# Errors ------------------------------------------------------------------------------


def test_the_error_summary_links_every_error_to_its_field(client, real_captcha):
    data = form_data(title="", phone="12345", captcha_1="99")
    del data["consent"]
    response = client.post(
        URL, {**data, "photos": [SimpleUploadedFile("p.jpg", jpeg_bytes())]}
    )
    html = response.content.decode()
    assert response.status_code == 400
    summary = attrs_of(html, "error-summary")
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    assert "data-focus-on-load" in summary
    assert html.index('id="error-summary"') < html.index('id="id_title"')
    for field in ("title", "phone", "consent", "captcha_1"):
        assert f'<a href="#id_{field}">' in html
    assert "照片需要重新选择" in html
    assert not Suggestion.objects.exists()


def test_each_error_is_tied_to_its_input(client, real_captcha):
    data = form_data(title="", phone="12345", captcha_1="99")
    del data["consent"]
    html = client.post(URL, data).content.decode()
    for field in ("title", "phone", "consent"):
        tag = attrs_of(html, f"id_{field}")
        assert 'aria-invalid="true"' in tag
        described = re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
        assert f"id_{field}_error" in described
        assert f'id="id_{field}_error"' in html
    answer = attrs_of(html, "id_captcha_1")
    assert 'aria-invalid="true"' in answer
    assert 'aria-describedby="id_captcha_question id_captcha_error"' in answer
    assert 'id="id_captcha_error"' in html


def test_values_are_kept_after_an_error(client):
    html = client.post(URL, form_data(phone="12345")).content.decode()
    assert 'value="路灯不亮"' in html and 'value="居民某某"' in html
    assert "照片需要重新选择" not in html  # no photo was chosen


# Another way to reach the committee, and the privacy notice ---------------------------


def test_the_office_phone_is_shown_as_a_link_when_set(client, settings):
    settings.PORTAL_OFFICE_PHONE = "027-8888 6666"
    html = client.get(URL).content.decode()
    assert '<a href="tel:027-88886666">027-8888 6666</a>' in html
    assert "街道人大工委办公室" in html and "社区代表接待站" in html


def test_without_an_office_phone_the_form_names_the_office_and_the_stations(
    client, settings
):
    settings.PORTAL_OFFICE_PHONE = ""
    html = client.get(URL).content.decode()
    assert "tel:" not in html
    assert "街道人大工委办公室" in html and "社区代表接待站" in html


def test_the_privacy_notice_is_short_with_the_full_text_folded(client):
    html = client.get(URL).content.decode()
    assert '<details class="privacy-details">' in html
    assert "<summary>" in html and "保存期限" in html
    privacy = client.get(reverse("suggestions:privacy")).content.decode()
    assert '<details class="privacy-details" open>' in privacy


def test_enter_in_a_field_sends_the_form_not_a_new_sum(client):
    # Without the script, Enter presses the form's first submit button.
    html = client.get(URL).content.decode()
    form = html[html.index('class="suggest-form"') :]
    first = re.search(r"<button[^>]*type=\"submit\"[^>]*>", form).group(0)
    assert "new_challenge" not in first

"""Property-based tests: whatever arrives, the answer is a clear 4xx or a success.

Arbitrary text, sizes and encodings go to the public suggestion form, the
tracking form and the deputy-register import. The portal never answers 500 and
never keeps half of what it was sent.
"""

import io
import os
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from deputies.models import Deputy
from deputies.services import COLUMNS
from suggestions import submission_tokens
from suggestions.models import Suggestion

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50,
    deadline=None,
    # No example database: nothing is written into the working tree.
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a browser could send: every Unicode character but lone surrogates,
# short or long.
any_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.builds(
        lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1, 4000)
    ),
)
# Upload names as a browser might send them (Django refuses to even build an
# upload whose base name is empty, "." or "..").
file_names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80
).filter(lambda n: os.path.basename(n) not in {"", ".", ".."})
encodings = st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "utf-16", "latin-1"])


@pytest.fixture
def captcha_passes(settings, monkeypatch):
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


def suggestion_rows():
    return list(Suggestion.objects.order_by("pk").values_list("pk", flat=True))


def assert_clear_refusal(response):
    assert 400 <= response.status_code < 500, response.status_code
    assert response.content.strip(), "a refusal must say why"


# -- the public suggestion form ----------------------------------------------------


@FUZZ
@example(
    fields={
        "title": "路灯不亮",
        "text": "紫阳路路口路灯坏了一周。",
        "name": "居民某某",
        "phone": "13800005678",
        "address": "示例路8号",
        "consent": "on",
    }
)
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            "title": any_text,
            "text": any_text,
            "name": any_text,
            "phone": st.one_of(any_text, st.from_regex(r"1[3-9]\d{9}", fullmatch=True)),
            "address": any_text,
            "consent": st.sampled_from(["on", "", "yes", "0"]),
            "community": any_text,
            "category": any_text,
        },
    )
)
def test_the_public_form_never_fails_and_never_half_saves(
    client, captcha_passes, fields
):
    cache.clear()  # each example starts under the rate limits
    data = {"captcha_0": "k", "captcha_1": "PASSED", "token": submission_tokens.issue()}
    data.update(fields)
    before = suggestion_rows()
    response = client.post("/suggest/", data)
    after = suggestion_rows()
    if response.status_code == 302:
        assert len(after) == len(before) + 1
    else:
        assert_clear_refusal(response)
        assert after == before


@FUZZ
@given(text=any_text, encoding=encodings, declared=st.booleans())
def test_the_public_form_survives_any_encoding(
    client, captcha_passes, text, encoding, declared
):
    cache.clear()
    body = urlencode(
        {
            "title": text,
            "text": text,
            "name": text,
            "phone": text,
            "consent": "on",
            "captcha_0": "k",
            "captcha_1": "PASSED",
            "token": submission_tokens.issue(),
        },
        encoding=encoding,
        errors="replace",
    )
    content_type = "application/x-www-form-urlencoded"
    if declared:
        content_type += f"; charset={encoding}"
    before = suggestion_rows()
    response = client.post("/suggest/", body, content_type=content_type)
    if response.status_code == 302:
        assert len(suggestion_rows()) == len(before) + 1
    else:
        assert_clear_refusal(response)
        assert suggestion_rows() == before


@FUZZ
@given(
    photo=st.binary(max_size=4000),
    name=file_names,
)
def test_the_public_form_refuses_any_non_image_upload_cleanly(
    client, captcha_passes, photo, name
):
    cache.clear()
    data = {
        "title": "路灯不亮",
        "text": "紫阳路路口路灯坏了一周。",
        "name": "居民某某",
        "phone": "13800005678",
        "address": "示例路8号",
        "consent": "on",
        "captcha_0": "k",
        "captcha_1": "PASSED",
        "token": submission_tokens.issue(),
        "photos": SimpleUploadedFile(name, photo, content_type="image/jpeg"),
    }
    before = suggestion_rows()
    response = client.post("/suggest/", data)
    if response.status_code == 302:
        assert len(suggestion_rows()) == len(before) + 1
    else:
        assert_clear_refusal(response)
        assert suggestion_rows() == before


# -- tracking ---------------------------------------------------------------------


@FUZZ
@given(code=any_text, digits=any_text)
def test_tracking_answers_any_input_with_a_refusal_or_the_item(client, code, digits):
    cache.clear()
    before = suggestion_rows()
    response = client.post("/track/", {"code": code, "phone_last4": digits})
    assert response.status_code in (302, 400, 429)
    if response.status_code != 302:
        assert_clear_refusal(response)
    assert suggestion_rows() == before


# -- the deputy-register import -----------------------------------------------------

HEADERS = [str(header) for _key, header, _required in COLUMNS]
cell = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60).map(
        lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)
    ),
    st.sampled_from(["女", "男", "区", "市", "15", "1", "梅隐寺社区", "13900001234"]),
)


def sheet_bytes(header, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def register():
    return list(Deputy.objects.order_by("pk").values_list())


def post_sheet(client, content, name="register.xlsx"):
    return client.post(
        "/admin/deputies/deputy/import/",
        {"sheet": SimpleUploadedFile(name, content)},
    )


def assert_import_all_or_nothing(response, before):
    if response.status_code == 302:
        assert response["Location"].endswith("/admin/deputies/deputy/")
    else:
        assert_clear_refusal(response)
        assert register() == before, "a refused sheet changed the register"


@FUZZ
@example(header=HEADERS, rows=[["王某某", "女", "汉族", None, 1975, "区", 15]])
@given(
    header=st.one_of(
        st.just(HEADERS),
        st.permutations(HEADERS),
        st.lists(st.one_of(st.sampled_from(HEADERS), cell), max_size=20),
    ),
    rows=st.lists(st.lists(cell, max_size=18), max_size=12),
)
def test_the_register_import_takes_any_sheet_whole_or_not_at_all(
    staff_client, header, rows
):
    before = register()
    response = post_sheet(staff_client, sheet_bytes(header, rows))
    assert_import_all_or_nothing(response, before)


@FUZZ
@given(
    content=st.one_of(
        st.binary(max_size=20000),
        st.tuples(any_text, encodings).map(lambda t: t[0].encode(t[1], "replace")),
    ),
    name=file_names,
)
def test_the_register_import_refuses_any_file_that_is_not_a_sheet(
    staff_client, content, name
):
    before = register()
    response = post_sheet(staff_client, content, name)
    assert_import_all_or_nothing(response, before)
    assert response.status_code != 302 or content.startswith(b"PK")

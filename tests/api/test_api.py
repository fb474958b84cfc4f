import io
import uuid

import pytest
from django.urls import reverse
from PIL import Image

from api.models import ApiToken
from suggestions.models import Suggestion, SuggestionPhoto, TimelineEntry
from tests.factories import CommunityFactory, DeputyFactory
from tests.publicity.factories import ArticleFactory
from tests.reception.factories import StationFactory, jpeg_upload
from tests.suggestions.factories import SuggestionFactory, replied
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db

SUBMIT = "/api/wechat/suggestions/"


def form_data(**extra):
    return {
        "community": CommunityFactory().pk,
        "title": "小区路灯不亮",
        "text": "五栋门口路灯坏了两周。",
        "name": "居民某某",
        "phone": "13800005678",
        "consent": "true",
        "token": str(uuid.uuid4()),
        **extra,
    }


def auth(secret):
    return {"HTTP_AUTHORIZATION": f"Token {secret}"}


# Public read endpoints ---------------------------------------------------------


def test_stations_are_listed_without_the_contact_phone(client):
    station = StationFactory()
    StationFactory(active=False)
    body = client.get("/api/stations/").json()
    assert body["count"] == 1
    assert body["results"][0]["slug"] == station.slug
    assert "contact_phone" not in body["results"][0]
    detail = client.get(f"/api/stations/{station.slug}/")
    assert detail.json()["name"] == station.name


def test_deputies_public_profiles_carry_no_private_phone(client, zhang):
    body = client.get("/api/deputies/").json()
    assert [d["name"] for d in body["results"]] == ["张示例"]
    assert "13900001111" not in str(body)
    assert "phone" not in body["results"][0] and "user" not in body["results"][0]
    assert client.get(f"/api/deputies/{zhang.pk}/").json()["name"] == "张示例"


def test_only_published_news_is_listed(client):
    shown = ArticleFactory(deputies=[DeputyFactory(name="王示例")])
    hidden = ArticleFactory(is_published=False)
    body = client.get("/api/news/").json()
    assert [a["id"] for a in body["results"]] == [shown.pk]
    assert body["results"][0]["deputies"] == ["王示例"]
    assert client.get(f"/api/news/{hidden.pk}/").status_code == 404


def test_unknown_records_answer_404_in_json(client):
    for url in ("/api/stations/nowhere/", "/api/deputies/999999/", "/api/news/9999/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "detail" in response.json()


@pytest.mark.parametrize(
    "url,add",
    [
        ("/api/stations/", lambda n: StationFactory.create_batch(n)),
        ("/api/deputies/", lambda n: DeputyFactory.create_batch(n)),
        (
            "/api/news/",
            lambda n: ArticleFactory.create_batch(n, deputies=[DeputyFactory()]),
        ),
    ],
)
def test_list_endpoints_keep_constant_queries(client, url, add):
    assert_constant_queries(lambda: client.get(url), add)


# Pagination ----------------------------------------------------------------------


def test_a_list_gives_fifty_by_default_and_at_most_a_hundred(client):
    StationFactory.create_batch(101)
    body = client.get("/api/stations/").json()
    assert (body["count"], len(body["results"])) == (101, 50)
    assert len(client.get("/api/stations/?limit=100").json()["results"]) == 100
    page = client.get("/api/stations/?limit=100&offset=100").json()
    assert len(page["results"]) == 1 and page["next"] is None


@pytest.mark.parametrize("url", ["/api/stations/", "/api/deputies/", "/api/news/"])
@pytest.mark.parametrize(
    "query,name",
    [
        # Past a 64-bit integer: DRF's own pagination let it reach the database.
        ("limit=9223372036854775808", "limit"),
        ("offset=9223372036854775808", "offset"),
        ("limit=0", "limit"),
        ("limit=-1", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("limit=+5", "limit"),
        ("limit=%D9%A5", "limit"),
        ("limit=", "limit"),
        ("offset=-1", "offset"),
        ("offset=1000001", "offset"),
    ],
)
def test_a_limit_or_offset_out_of_range_is_refused_with_400(client, url, query, name):
    StationFactory()
    DeputyFactory()
    ArticleFactory()
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    message = response.json()["errors"][name][0]
    assert f"“{name}”必须是" in message


def test_the_bounds_are_stated_in_the_schema(client):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/news/"]["get"]
    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert parameters["limit"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert parameters["offset"] == {"type": "integer", "minimum": 0, "maximum": 1000000}


def test_an_id_past_the_integer_range_is_not_found(client):
    for url in (
        "/api/deputies/9223372036854775808/",
        "/api/news/99999999999999999999/",
    ):
        assert client.get(url).status_code == 404


# Tracking ------------------------------------------------------------------------


def test_tracking_by_code_and_phone_suffix_shows_the_public_status_only(client):
    suggestion = SuggestionFactory(submitter_phone="13800009876")
    replied(suggestion)
    TimelineEntry.objects.create(
        suggestion=suggestion, kind="follow_up", note="内部备注", public=False
    )
    response = client.post(
        "/api/track/",
        {"code": suggestion.tracking_code.lower(), "phone_last4": "9876"},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "replied"
    assert body["replies"][0]["text"] == "已安排维修。"
    text = str(body)
    assert "内部备注" not in text
    assert "13800009876" not in text and "居民某某" not in text
    assert suggestion.text not in text


def test_a_wrong_phone_suffix_and_an_unknown_code_get_the_same_404(client):
    suggestion = SuggestionFactory(submitter_phone="13800009876")
    wrong = client.post(
        "/api/track/",
        {"code": suggestion.tracking_code, "phone_last4": "1111"},
        content_type="application/json",
    )
    unknown = client.post(
        "/api/track/",
        {"code": "AAAA-BBBB-CCCC", "phone_last4": "9876"},
        content_type="application/json",
    )
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert "没有找到与该查询码" in wrong.json()["detail"]


def test_bad_tracking_input_is_refused_with_400(client):
    response = client.post(
        "/api/track/",
        {"code": "", "phone_last4": "12ab"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"code", "phone_last4"}


def test_tracking_look_ups_are_rate_limited_like_the_page(client, settings):
    settings.SUGGESTIONS_RATE_LIMITS = {"track-ip": (2, 600)}
    data = {"code": "AAAA-BBBB-CCCC", "phone_last4": "1234"}
    for _ in range(2):
        client.post("/api/track/", data, content_type="application/json")
    response = client.post("/api/track/", data, content_type="application/json")
    assert response.status_code == 429


def test_a_code_locks_after_ten_wrong_digit_sets_as_on_the_page(client):
    suggestion = SuggestionFactory(submitter_phone="13800009876")
    for n in range(10):
        wrong = {"code": suggestion.tracking_code, "phone_last4": f"{n:04d}"}
        response = client.post(
            "/api/track/",
            wrong,
            content_type="application/json",
            REMOTE_ADDR=f"10.9.0.{n}",
        )
    assert response.status_code == 429
    right = {"code": suggestion.tracking_code, "phone_last4": "9876"}
    response = client.post("/api/track/", right, content_type="application/json")
    assert response.status_code == 429
    assert "请联系" in response.json()["detail"]
    assert "9876" not in response.content.decode()


# WeChat channel -------------------------------------------------------------------


def test_the_channel_submits_an_opinion_with_photos_through_the_lifecycle(
    client, channel_token
):
    token, secret = channel_token
    data = form_data(photos=[jpeg_upload("a.jpg"), jpeg_upload("b.jpg")])
    response = client.post(SUBMIT, data, **auth(secret))
    assert response.status_code == 201
    suggestion = Suggestion.objects.get(tracking_code=response.json()["tracking_code"])
    assert suggestion.source == Suggestion.Source.WECHAT_EXPRESS
    assert suggestion.status == Suggestion.Status.RECEIVED
    assert suggestion.consent and suggestion.privacy_notice_version
    assert suggestion.timeline.filter(kind=TimelineEntry.Kind.RECEIVED).exists()
    photos = SuggestionPhoto.objects.filter(suggestion=suggestion)
    assert photos.count() == 2
    # Re-encoded by the one image pipeline: a server-made name, no EXIF.
    for photo in photos:
        assert photo.image.name.rsplit("/", 1)[-1] not in ("a.jpg", "b.jpg")
        with Image.open(photo.image) as im:
            assert not im.getexif()
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "13800005678" not in str(response.json())


def test_sending_the_same_submission_twice_makes_one_item(client, channel_token):
    _token, secret = channel_token
    data = form_data()
    first = client.post(SUBMIT, data, **auth(secret))
    again = client.post(SUBMIT, data, **auth(secret))
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    assert Suggestion.objects.count() == 1


@pytest.mark.parametrize("token", [None, "", "not-a-uuid"])
def test_the_channel_must_send_a_submission_token(client, channel_token, token):
    _token, secret = channel_token
    other = SuggestionFactory(submission_token=None)
    data = form_data()
    if token is None:
        del data["token"]
    else:
        data["token"] = token
    response = client.post(SUBMIT, data, **auth(secret))
    assert response.status_code == 400
    assert "提交令牌" in response.json()["errors"]["token"][0]
    assert other.tracking_code not in response.content.decode()
    assert Suggestion.objects.count() == 1


def test_a_replay_through_another_channel_finds_nothing_of_the_first(
    client, channel_token
):
    _token, secret = channel_token
    second = ApiToken(name="另一渠道")
    second_secret = second.set_new_secret()
    second.save()
    data = form_data()
    first = client.post(SUBMIT, data, **auth(secret)).json()["tracking_code"]
    again = client.post(SUBMIT, data, **auth(second_secret))
    assert again.status_code == 201
    assert again.json()["tracking_code"] != first
    assert Suggestion.objects.count() == 2


def test_the_channel_gets_the_public_forms_own_messages(client, channel_token):
    _token, secret = channel_token
    response = client.post(
        SUBMIT, form_data(phone="12345", consent="false"), **auth(secret)
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["phone"] == ["请填写11位手机号码,例如13812345678。"]
    assert "consent" in errors
    assert not Suggestion.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused(client, channel_token):
    _token, secret = channel_token
    fake = io.BytesIO(b"%PDF-1.4 not an image")
    fake.name = "photo.jpg"
    response = client.post(SUBMIT, form_data(photos=[fake]), **auth(secret))
    assert response.status_code == 400
    assert "photos" in response.json()["errors"]
    assert not Suggestion.objects.exists()


def test_the_per_phone_limit_of_the_public_form_applies(
    client, channel_token, settings
):
    settings.SUGGESTIONS_RATE_LIMITS = {"submit-phone": (1, 3600)}
    _token, secret = channel_token
    assert client.post(SUBMIT, form_data(), **auth(secret)).status_code == 201
    assert client.post(SUBMIT, form_data(), **auth(secret)).status_code == 429
    assert Suggestion.objects.count() == 1


@pytest.mark.parametrize(
    "header", [None, "Token wrong-secret", "Token a b", "Bearer x"]
)
def test_submissions_without_a_valid_token_are_refused(client, channel_token, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.post(SUBMIT, form_data(), **extra)
    assert response.status_code in (401, 403)
    assert not Suggestion.objects.exists()


def test_a_revoked_token_no_longer_works(client, channel_token):
    token, secret = channel_token
    ApiToken.objects.filter(pk=token.pk).update(active=False)
    assert client.post(SUBMIT, form_data(), **auth(secret)).status_code == 401


def test_only_the_digest_of_a_token_is_stored(channel_token):
    token, secret = channel_token
    stored = ApiToken.objects.filter(pk=token.pk).values_list(flat=True)
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in str(row)
    assert row["prefix"] == secret[:8]
    assert stored


# Tokens in the admin -------------------------------------------------------------


def test_staff_create_a_token_in_the_admin_and_see_its_secret_once(staff_client):
    response = staff_client.post(
        "/admin/api/apitoken/add/",
        {"name": "紫阳微邻里", "channel": "wechat", "active": "on"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get()
    messages = [str(m) for m in response.context["messages"]]
    secret = messages[0].rsplit(":", 1)[-1].strip()
    assert ApiToken.objects.matching(secret) == token
    page = staff_client.get(f"/admin/api/apitoken/{token.pk}/change/").content
    assert secret.encode() not in page


def test_deputies_cannot_manage_tokens(deputy_client):
    assert deputy_client.get("/admin/api/apitoken/").status_code == 302


def test_the_schema_is_served(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    assert b"/api/wechat/suggestions/" in response.content
    assert b"channelToken" in response.content

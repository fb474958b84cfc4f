import re

import pytest
from django.urls import reverse

from suggestions.models import Notification, Rating, Suggestion
from suggestions.services import escalations, following
from tests.factories import DeputyFactory
from tests.suggestions.factories import SuggestionFactory, a_day, replied

pytestmark = pytest.mark.django_db
URL = reverse("suggestions:track")
RESULT = reverse("suggestions:track_result")
RATE = reverse("suggestions:track_rate")


def look_up(client, suggestion, digits=None, **extra):
    return client.post(
        URL,
        {"code": suggestion.tracking_code, "phone_last4": digits or "5678"},
        **extra,
    )


@pytest.fixture
def item(db):
    return SuggestionFactory(
        submitter_phone="13812345678",
        submitter_name="居民王某某",
        submitter_address="示例街道99号",
    )


def test_code_and_last_four_digits_show_the_status_and_public_timeline(client, item):
    following.suggestion_follow_up(
        suggestion=item, actor=None, note="内部备注不公开", public=False
    )
    following.suggestion_follow_up(
        suggestion=item, actor=None, note="已联系社区", public=True
    )
    response = look_up(client, item)
    assert response.status_code == 302 and response.url == RESULT
    html = client.get(RESULT).content.decode()
    assert item.tracking_code in html
    assert "已联系社区" in html
    assert "内部备注不公开" not in html


def test_the_tracking_page_never_shows_personal_data_or_photos(client, item):
    from django.core.files.base import ContentFile

    from suggestions.models import SuggestionPhoto
    from tests.suggestions.conftest import jpeg_bytes

    SuggestionPhoto.objects.create(
        suggestion=item, image=ContentFile(jpeg_bytes(), name="x.jpg")
    )
    replied(item)
    look_up(client, item)
    html = client.get(RESULT).content.decode()
    for secret in ("13812345678", "居民王某某", "示例街道99号", "5678", "/media/"):
        assert secret not in html


def test_a_loosely_typed_code_is_found(client, item):
    code = item.tracking_code.replace("-", " ").lower()
    response = client.post(URL, {"code": code, "phone_last4": "5678"})
    assert response.status_code == 302


def test_an_unknown_code_and_a_wrong_suffix_get_the_same_answer(client, item):
    wrong_suffix = look_up(client, item, digits="0000")
    unknown = client.post(URL, {"code": "ZZZZ-ZZZZ-ZZZZ", "phone_last4": "5678"})
    assert wrong_suffix.status_code == unknown.status_code == 400
    assert "核对" in wrong_suffix.content.decode()

    def comparable(response):
        # The two pages differ only in what was typed back into the form.
        html = response.content.decode()
        html = html.replace("ZZZZ-ZZZZ-ZZZZ", item.tracking_code)
        return html.replace("0000", "5678")

    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", comparable(wrong_suffix)) == token.sub("", comparable(unknown))


def test_lookups_are_rate_limited(client, item, settings):
    settings.SUGGESTIONS_RATE_LIMITS = {"track-ip": (3, 600)}
    for _ in range(3):
        look_up(client, item, digits="0000")
    response = look_up(client, item)
    assert response.status_code == 429


def test_ten_wrong_digit_sets_lock_a_code_for_everyone(client, item, settings):
    from security.models import AuditEvent

    # Each guess from its own address: the per-address limit never bites.
    for n in range(10):
        response = look_up(client, item, digits=f"{n:04d}", REMOTE_ADDR=f"10.0.0.{n}")
    assert response.status_code == 429
    assert "请联系" in response.content.decode()
    # The right digits from a new address no longer open it today.
    right = look_up(client, item, REMOTE_ADDR="10.0.1.1")
    assert right.status_code == 429
    assert client.get(RESULT).url == URL
    event = AuditEvent.objects.get(action=AuditEvent.Action.TRACKING_LOCKED)
    assert item.tracking_code in event.target
    assert "5678" not in event.target + event.detail


def test_wrong_digits_below_the_limit_leave_the_code_open(client, item):
    for n in range(9):
        look_up(client, item, digits=f"{n:04d}", REMOTE_ADDR=f"10.0.0.{n}")
    assert look_up(client, item, REMOTE_ADDR="10.0.1.1").status_code == 302


def test_a_locked_code_and_a_locked_unknown_code_answer_alike(client, item):
    unknown = "ZZZZ-ZZZZ-ZZZZ"
    for n in range(10):
        look_up(client, item, digits=f"{n:04d}", REMOTE_ADDR=f"10.0.0.{n}")
        client.post(
            URL,
            {"code": unknown, "phone_last4": f"{n:04d}"},
            REMOTE_ADDR=f"10.0.2.{n}",
        )
    real = look_up(client, item, digits="1234", REMOTE_ADDR="10.0.3.1")
    made_up = client.post(
        URL, {"code": unknown, "phone_last4": "1234"}, REMOTE_ADDR="10.0.3.2"
    )
    assert real.status_code == made_up.status_code == 429
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    same = token.sub("", real.content.decode())
    assert same.replace(item.tracking_code, unknown) == token.sub(
        "", made_up.content.decode()
    )


def test_the_result_page_without_a_lookup_goes_to_the_form(client):
    assert client.get(RESULT).url == URL


def test_escalation_progress_shows_on_the_tracking_page(client, item, staff_user):
    city = DeputyFactory(name="朱某红", level="city")
    escalation = escalations.escalation_create(
        suggestion=item,
        actor=staff_user,
        city_deputy=city,
        escalated_on=a_day(),
        request="请协调",
    )
    escalations.escalation_follow_up(
        escalation=escalation, actor=staff_user, on=a_day(), text="大石墩子已拆除"
    )
    look_up(client, item)
    html = client.get(RESULT).content.decode()
    assert "朱某红" in html and "大石墩子已拆除" in html


def test_once_replied_the_resident_rates_the_answer(client, item):
    replied(item)
    look_up(client, item)
    assert "满意" in client.get(RESULT).content.decode()
    response = client.post(RATE, {"score": "satisfied", "comment": "谢谢"})
    assert response.status_code == 302
    rating = Rating.objects.get()
    assert rating.score == "satisfied" and rating.suggestion == item


def test_an_answer_is_rated_only_once(client, item):
    replied(item)
    look_up(client, item)
    client.post(RATE, {"score": "satisfied"})
    response = client.post(RATE, {"score": "unsatisfied", "comment": "again"})
    assert response.status_code == 400
    assert Rating.objects.count() == 1


def test_not_satisfied_reopens_the_item_and_notifies_staff(client, item, staff_user):
    replied(item)
    look_up(client, item)
    client.post(RATE, {"score": "unsatisfied", "comment": "路灯还是不亮"})
    item.refresh_from_db()
    assert item.status == Suggestion.Status.REOPENED
    assert Notification.objects.filter(
        recipient=staff_user, kind=Notification.Kind.REOPENED
    ).exists()
    assert item.timeline.filter(note__contains="路灯还是不亮", public=False).exists()


def test_not_satisfied_needs_a_comment(client, item):
    replied(item)
    look_up(client, item)
    response = client.post(RATE, {"score": "unsatisfied", "comment": ""})
    assert response.status_code == 400
    assert not Rating.objects.exists()


def test_an_unanswered_item_cannot_be_rated(client, item):
    look_up(client, item)
    response = client.post(RATE, {"score": "satisfied"})
    assert response.status_code == 400
    assert not Rating.objects.exists()


def test_rating_without_a_lookup_is_sent_to_the_form(client, item):
    replied(item)
    assert client.post(RATE, {"score": "satisfied"}).url == URL
    assert not Rating.objects.exists()

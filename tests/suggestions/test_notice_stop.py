"""Stopping the notices: on the tracking page after the digits check, or from
the signed link in each e-mail (a page to confirm, then a POST)."""

import pytest
from django.core import mail
from django.urls import reverse

from core.sms.backends import locmem
from suggestions import delivery_notices
from suggestions.models import Suggestion
from tests.suggestions.factories import SuggestionFactory, accepted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.SMS_BACKEND = "core.sms.backends.locmem.SmsBackend"
    locmem.outbox.clear()


def tracked(client, suggestion):
    response = client.post(
        reverse("suggestions:track"),
        {"code": suggestion.tracking_code, "phone_last4": suggestion.phone_last4},
    )
    assert response.status_code == 302
    return client.get(reverse("suggestions:track_result"))


def test_the_tracking_page_offers_to_stop_sms_notices_with_the_phone_masked(client):
    s = SuggestionFactory(notice_channel="sms", submitter_phone="13800005678")
    html = tracked(client, s).content.decode()
    assert "138****5678" in html and "13800005678" not in html
    assert reverse("suggestions:track_notices_stop") in html


def test_the_tracking_page_masks_the_email(client):
    s = SuggestionFactory(notice_channel="email", notice_email="zhang@example.invalid")
    html = tracked(client, s).content.decode()
    assert "z***@example.invalid" in html and "zhang@" not in html


def test_stopping_on_the_tracking_page_ends_the_notices(
    client, staff_user, django_capture_on_commit_callbacks
):
    s = SuggestionFactory(notice_channel="email", notice_email="r@example.invalid")
    tracked(client, s)
    response = client.post(reverse("suggestions:track_notices_stop"), follow=True)
    assert "不会再收到" in response.content.decode()
    s.refresh_from_db()
    assert s.notice_channel == "" and s.notice_email == ""
    with django_capture_on_commit_callbacks(execute=True):
        accepted(s, staff_user)
    assert mail.outbox == [] and not s.resident_notices.filter(status="accepted")


def test_stopping_needs_the_digits_check_first(client):
    s = SuggestionFactory(notice_channel="sms")
    response = client.post(reverse("suggestions:track_notices_stop"))
    assert response.status_code == 302 and response.url == reverse("suggestions:track")
    s.refresh_from_db()
    assert s.notice_channel == "sms"


def test_stopping_is_a_post(client):
    s = SuggestionFactory(notice_channel="sms")
    tracked(client, s)
    assert client.get(reverse("suggestions:track_notices_stop")).status_code == 405
    s.refresh_from_db()
    assert s.notice_channel == "sms"


def test_the_email_link_asks_first_then_stops_on_post(client):
    s = SuggestionFactory(notice_channel="email", notice_email="r@example.invalid")
    url = reverse("suggestions:notices_stop", args=[delivery_notices.stop_token(s)])
    page = client.get(url)
    assert page.status_code == 200 and "不再接收" in page.content.decode()
    s.refresh_from_db()
    assert s.notice_channel == "email"  # opening the link stops nothing
    done = client.post(url)
    assert done.status_code == 200 and s.tracking_code in done.content.decode()
    s.refresh_from_db()
    assert s.notice_channel == "" and s.notice_email == ""


@pytest.mark.parametrize("token", ["garbage", "1", "1:abc:def"])
def test_a_forged_or_broken_link_is_a_chinese_404_and_changes_nothing(client, token):
    s = SuggestionFactory(notice_channel="sms")
    for method in (client.get, client.post):
        response = method(reverse("suggestions:notices_stop", args=[token]))
        assert response.status_code == 404
        assert "链接无效" in response.content.decode()
    s.refresh_from_db()
    assert s.notice_channel == "sms"


def test_a_link_signed_for_another_purpose_is_refused(client):
    from django.core import signing

    s = SuggestionFactory(notice_channel="sms")
    token = signing.dumps(s.pk)  # the right id, not the notices' salt
    response = client.post(reverse("suggestions:notices_stop", args=[token]))
    assert response.status_code == 404
    assert Suggestion.objects.get(pk=s.pk).notice_channel == "sms"


def test_the_email_link_is_rate_limited(client, settings):
    settings.SUGGESTIONS_RATE_LIMITS = {"notice-stop-ip": (2, 600)}
    for _ in range(2):
        assert (
            client.get(reverse("suggestions:notices_stop", args=["x"])).status_code
            == 404
        )
    assert (
        client.get(reverse("suggestions:notices_stop", args=["x"])).status_code == 429
    )


@pytest.mark.parametrize("who", ["staff_client", "deputy_client", "resident_client"])
def test_a_login_does_not_stand_in_for_the_digits_check(request, who):
    client = request.getfixturevalue(who)
    s = SuggestionFactory(notice_channel="sms")
    response = client.post(reverse("suggestions:track_notices_stop"))
    assert response.status_code == 302
    s.refresh_from_db()
    assert s.notice_channel == "sms"


def test_the_admin_page_lists_the_notices_in_constant_queries(
    staff_client, staff_user, django_assert_max_num_queries
):
    from suggestions.services import lifecycle, replies
    from tests.suggestions.factories import a_day

    s = SuggestionFactory(notice_channel="sms", submitter_phone="13800005678")
    accepted(s, staff_user)
    lifecycle.suggestion_start(suggestion=s, actor=staff_user)
    replies.suggestion_reply(
        suggestion=s,
        actor=staff_user,
        responder="城管",
        answered_on=a_day(),
        channel="phone",
        text="已修",
    )
    url = reverse("admin:suggestions_suggestion_change", args=[s.pk])
    kept = list(s.resident_notices.all())
    assert len(kept) == 4
    s.resident_notices.exclude(pk=kept[0].pk).delete()
    staff_client.get(url)
    with django_assert_max_num_queries(200) as one:
        staff_client.get(url)
    for notice in kept[1:]:
        notice.pk = None
        notice.save()
    assert s.resident_notices.count() == 4
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = staff_client.get(url).content.decode()
    assert "138****5678" in html and "13800005678" not in html
    assert html.count("短信 · 未发出（等待发送）") == 4


def test_the_admin_masks_the_notice_email(staff_client):
    s = SuggestionFactory(notice_channel="email", notice_email="zhang@example.invalid")
    url = reverse("admin:suggestions_suggestion_change", args=[s.pk])
    html = staff_client.get(url).content.decode()
    assert "z***@example.invalid" in html and "zhang@example.invalid" not in html


OUTBOX = reverse("admin:suggestions_residentnotice_changelist")


def test_staff_see_the_outbox_of_residents_notices_without_addresses(staff_client):
    SuggestionFactory(notice_channel="email", notice_email="zhang@example.invalid")
    SuggestionFactory(notice_channel="sms", submitter_phone="13800005678")
    response = staff_client.get(OUTBOX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "zhang@" not in html and "13800005678" not in html and "5678" not in html
    assert html.count("已收到") >= 2
    waiting = staff_client.get(OUTBOX, {"delivery": "waiting"})
    assert waiting.status_code == 200
    assert len(waiting.context["cl"].result_list) == 2
    given_up = staff_client.get(OUTBOX, {"delivery": "given_up"})
    assert len(given_up.context["cl"].result_list) == 0


@pytest.mark.parametrize("who", ["client", "deputy_client", "resident_client"])
def test_others_do_not_reach_the_outbox(request, who):
    response = request.getfixturevalue(who).get(OUTBOX)
    assert response.status_code == 302 or response.status_code == 403


def test_the_outbox_is_read_only(staff_client):
    s = SuggestionFactory(notice_channel="sms")
    notice = s.resident_notices.get()
    change = reverse("admin:suggestions_residentnotice_change", args=[notice.pk])
    response = staff_client.post(change, {"status": "closed"})
    assert response.status_code == 403
    notice.refresh_from_db()
    assert notice.status == "received"
    delete = reverse("admin:suggestions_residentnotice_delete", args=[notice.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
    assert s.resident_notices.exists()


def test_the_outbox_lists_in_constant_queries(
    staff_client, django_assert_max_num_queries
):
    SuggestionFactory.create_batch(3, notice_channel="sms")
    staff_client.get(OUTBOX)
    with django_assert_max_num_queries(60) as few:
        staff_client.get(OUTBOX)
    SuggestionFactory.create_batch(20, notice_channel="sms")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(OUTBOX)
    assert len(response.context["cl"].result_list) == 23

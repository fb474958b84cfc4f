"""Residents' opt-in notices of their item's status changes, SMS or e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from core.sms.backends import locmem
from suggestions import tasks
from suggestions.models import ResidentNotice, Suggestion
from suggestions.services import lifecycle, personal_data, resident_notices
from tests.suggestions.conftest import form_data
from tests.suggestions.factories import accepted, replied

pytestmark = pytest.mark.django_db
URL = reverse("suggestions:suggest")
PHONE = "13800005678"


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.SMS_BACKEND = "core.sms.backends.locmem.SmsBackend"
    locmem.outbox.clear()
    return locmem.outbox


def submit(client, capture, **overrides):
    with capture(execute=True):
        response = client.post(URL, form_data(**overrides))
    return response


def test_by_default_no_notice_is_asked_or_sent(
    client, django_capture_on_commit_callbacks
):
    submit(client, django_capture_on_commit_callbacks)
    s = Suggestion.objects.get()
    assert s.notice_channel == "" and s.notice_email == ""
    assert not ResidentNotice.objects.exists()
    assert locmem.outbox == []


def test_sms_opt_in_sends_the_received_notice_to_the_phone(
    client, django_capture_on_commit_callbacks
):
    response = submit(client, django_capture_on_commit_callbacks, notice="sms")
    assert response.status_code == 302
    s = Suggestion.objects.get()
    assert s.notice_channel == "sms"
    notice = ResidentNotice.objects.get()
    assert notice.status == "received" and notice.sent_at and notice.attempts == 1
    (message,) = locmem.outbox
    assert message.to == PHONE
    assert s.tracking_code in message.body and "已收到" in message.body
    assert "/track/" in message.body
    assert message.params == {"code": s.tracking_code, "status": "已收到"}


def test_each_public_status_change_sends_one_notice_and_no_more(
    client, django_capture_on_commit_callbacks, staff_user
):
    submit(client, django_capture_on_commit_callbacks, notice="sms")
    s = Suggestion.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        accepted(s, staff_user)
        lifecycle.suggestion_start(suggestion=s, actor=staff_user)
        replied(s, staff_user)
        lifecycle.suggestion_close(suggestion=s, actor=staff_user)
        lifecycle.suggestion_reopen(suggestion=s, actor=staff_user, note="再办")
        # An internal reopening tells the resident nothing.
    statuses = [m.params["status"] for m in locmem.outbox]
    assert statuses == ["已收到", "已受理", "办理中", "已答复", "已办结", "已重新办理"]
    # The sweep sends nothing twice, and the same change queued again is one row.
    assert tasks.sweep_outbox(grace_seconds=0) == 0
    entry = s.timeline.filter(to_status="replied").get()
    resident_notices.queue_status_notice(s, entry)
    assert ResidentNotice.objects.filter(status="replied").count() == 1
    assert len(locmem.outbox) == 6


def test_an_internal_step_sends_no_notice(
    django_capture_on_commit_callbacks, staff_user
):
    from tests.suggestions.factories import SuggestionFactory

    with django_capture_on_commit_callbacks(execute=True):
        s = SuggestionFactory(notice_channel="sms")
        accepted(s, staff_user)
        replied(s, staff_user)
        lifecycle.suggestion_reopen(
            suggestion=s, actor=staff_user, note="内部复核", public=False
        )
    assert [m.params["status"] for m in locmem.outbox] == ["已收到", "已受理", "已答复"]


def test_rejection_is_noticed_as_not_accepted(
    django_capture_on_commit_callbacks, staff_user
):
    from suggestions.services import replies
    from tests.suggestions.factories import SuggestionFactory, a_day

    with django_capture_on_commit_callbacks(execute=True):
        s = SuggestionFactory(notice_channel="sms")
        replies.suggestion_reject(
            suggestion=s,
            actor=staff_user,
            responder="街道办",
            answered_on=a_day(),
            channel="phone",
            text="不属于本街道职责。",
        )
    assert [m.params["status"] for m in locmem.outbox] == ["已收到", "不予受理"]


def test_email_opt_in_sends_the_code_status_link_and_a_stop_link(
    client, django_capture_on_commit_callbacks
):
    submit(
        client,
        django_capture_on_commit_callbacks,
        notice="email",
        notice_email="resident@example.invalid",
    )
    s = Suggestion.objects.get()
    (email,) = mail.outbox
    assert email.to == ["resident@example.invalid"]
    assert s.tracking_code in email.subject and "已收到" in email.subject
    assert "/track/" in email.body and "/notices/stop/" in email.body
    assert locmem.outbox == []


def test_the_message_never_carries_name_phone_address_or_text(
    client, django_capture_on_commit_callbacks, staff_user
):
    submit(client, django_capture_on_commit_callbacks, notice="sms")
    submit(
        client,
        django_capture_on_commit_callbacks,
        notice="email",
        notice_email="resident@example.invalid",
        phone="13900001234",
        token=form_data()["token"],
    )
    for s in Suggestion.objects.all():
        with django_capture_on_commit_callbacks(execute=True):
            replied(s, staff_user)
    texts = [m.body for m in locmem.outbox] + [m.body + m.subject for m in mail.outbox]
    texts += [str(m.params) for m in locmem.outbox]
    assert len(texts) >= 6
    data = form_data()
    for text in texts:
        for secret in (
            data["name"],
            PHONE,
            "13900001234",
            data["address"],
            data["text"],
        ):
            assert secret not in text
        assert data["title"] not in text


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"notice": "email"}, "notice_email", "请填写电子邮箱"),
        (
            {"notice": "email", "notice_email": "not-an-address"},
            "notice_email",
            "合法的邮件地址",
        ),
        ({"notice": "sms", "phone": "12345678901"}, "phone", "11位手机号码"),
        ({"notice": "pigeon"}, "notice", "选择一个有效的选项"),
    ],
)
def test_bad_notice_choices_are_refused_in_chinese_and_nothing_is_saved(
    client, overrides, field, message
):
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not Suggestion.objects.exists() and not ResidentNotice.objects.exists()


def test_an_email_given_without_choosing_email_is_not_kept(client):
    client.post(URL, form_data(notice="sms", notice_email="x@example.invalid"))
    assert Suggestion.objects.get().notice_email == ""


def test_an_unreachable_provider_leaves_the_notice_for_the_sweep(
    django_capture_on_commit_callbacks, settings
):
    from tests.suggestions.factories import SuggestionFactory

    settings.SMS_BACKEND = "tests.suggestions.test_resident_notices.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        s = SuggestionFactory(notice_channel="sms")
    notice = s.resident_notices.get()
    assert notice.sent_at is None and notice.attempts == 1
    assert notice.last_error == "provider down"
    settings.SMS_BACKEND = "core.sms.backends.locmem.SmsBackend"
    assert tasks.sweep_outbox(grace_seconds=0) == 1
    notice.refresh_from_db()
    assert notice.sent_at and notice.attempts == 2
    assert len(locmem.outbox) == 1


def test_a_notice_failing_every_time_is_given_up(settings):
    from suggestions import delivery_notices
    from tests.suggestions.factories import SuggestionFactory

    settings.SMS_BACKEND = "tests.suggestions.test_resident_notices.FailingBackend"
    s = SuggestionFactory(notice_channel="sms")
    for _ in range(delivery_notices.MAX_ATTEMPTS + 2):
        tasks.sweep_outbox(grace_seconds=0)
    notice = s.resident_notices.get()
    assert notice.given_up_at and notice.attempts == delivery_notices.MAX_ATTEMPTS


class FailingBackend:
    def send(self, message):
        from core.sms import SmsError

        raise SmsError("provider down")


def test_erasure_blanks_the_notice_address_and_cancels_waiting_notices():
    from tests.suggestions.factories import SuggestionFactory

    s = SuggestionFactory(notice_channel="email", notice_email="r@example.invalid")
    # Left in the outbox (no commit in this test): erasure comes first.
    personal_data.personal_data_erase(suggestion=s)
    s.refresh_from_db()
    assert s.notice_email == "" and s.notice_channel == ""
    assert tasks.sweep_outbox(grace_seconds=0) == 0
    notice = s.resident_notices.get()
    assert notice.sent_at is None and notice.given_up_at
    assert mail.outbox == []
    history = s.history.model.objects.filter(id=s.pk)
    assert not hasattr(history.first(), "notice_email")


def test_the_task_arguments_carry_ids_only(client, django_capture_on_commit_callbacks):
    from unittest import mock

    from suggestions import delivery_tasks

    calls = []
    real = delivery_tasks.deliver_resident_notice.apply_async

    def spy(args=None, kwargs=None, **options):
        calls.append((args, kwargs))
        return real(args, kwargs, **options)

    with mock.patch.object(delivery_tasks.deliver_resident_notice, "apply_async", spy):
        submit(
            client,
            django_capture_on_commit_callbacks,
            notice="email",
            notice_email="resident@example.invalid",
        )
    notice = ResidentNotice.objects.get()
    assert calls == [((notice.pk,), None)]
    for args, kwargs in calls:
        for value in [*(args or ()), *((kwargs or {}).values())]:
            assert isinstance(value, int)
    assert notice.sent_at


def test_no_log_line_carries_the_phone_or_address(
    client, django_capture_on_commit_callbacks, settings, caplog
):
    import logging

    settings.SMS_BACKEND = "core.sms.backends.console.SmsBackend"
    with caplog.at_level(logging.DEBUG):
        submit(client, django_capture_on_commit_callbacks, notice="sms")
    assert "138****5678" in caplog.text
    assert PHONE not in caplog.text

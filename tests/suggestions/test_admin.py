import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from suggestions.models import (
    Escalation,
    PersonalDataReveal,
    Suggestion,
    TimelineEntry,
)
from tests.factories import DeputyFactory
from tests.suggestions.factories import (
    HandlingUnitFactory,
    SuggestionFactory,
    a_day,
    accepted,
    replied,
)
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:suggestions_suggestion_changelist")


def change_url(s):
    return reverse("admin:suggestions_suggestion_change", args=[s.pk])


def act_url(s):
    return reverse("admin:suggestions_suggestion_act", args=[s.pk])


def grant(user, codename):
    user.user_permissions.add(Permission.objects.get(codename=codename))


def test_the_changelist_masks_phones(staff_client):
    SuggestionFactory(submitter_phone="13812345678", submitter_name="居民某某")
    html = staff_client.get(CHANGELIST).content.decode()
    assert "138****5678" in html
    assert "13812345678" not in html and "居民某某" not in html


@pytest.mark.parametrize("queue", ["", "new", "overdue", "awaiting", "reopened"])
def test_the_queues_query_count_does_not_grow(staff_client, queue):
    def add(n):
        for _ in range(n):
            s = SuggestionFactory(following_deputy=DeputyFactory())
            accepted(s, due_date=a_day(-1))

    assert_constant_queries(lambda: staff_client.get(CHANGELIST, {"queue": queue}), add)


def test_the_queues_filter_what_they_say(staff_client):
    new = SuggestionFactory(title="新事项")
    late = SuggestionFactory(title="超期事项")
    accepted(late, due_date=a_day(-3))
    on_time = SuggestionFactory(title="未超期事项")
    accepted(on_time, due_date=a_day(3))
    html = staff_client.get(CHANGELIST, {"queue": "overdue"}).content.decode()
    assert "超期事项" in html and "未超期事项" not in html and new.title not in html
    html = staff_client.get(CHANGELIST, {"queue": "new"}).content.decode()
    assert new.title in html and "超期事项" not in html


def test_filters_by_month_kind_source_and_unit_work(staff_client):
    s = SuggestionFactory()
    month = s.received_at.astimezone().strftime("%Y-%m")
    for params in (
        {"month": month},
        {"kind__exact": "resident"},
        {"source__exact": "web_form"},
        {"status__exact": "received"},
    ):
        response = staff_client.get(CHANGELIST, params)
        assert response.status_code == 200
        assert s.title in response.content.decode()


def test_the_change_form_has_no_editable_status_and_shows_the_timeline(
    staff_client, suggestion
):
    html = staff_client.get(change_url(suggestion)).content.decode()
    assert 'name="status"' not in html
    assert 'name="submitter_phone"' not in html
    assert "已收到" in html or "Received" in html
    assert act_url(suggestion) in html


def test_posting_a_status_to_the_change_form_changes_nothing(staff_client, suggestion):
    staff_client.post(
        change_url(suggestion),
        {
            "status": "closed",
            "kind": "resident",
            "source": "web_form",
            "title": "t",
            "text": "x",
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
            "replies-TOTAL_FORMS": 0,
            "replies-INITIAL_FORMS": 0,
        },
    )
    suggestion.refresh_from_db()
    assert suggestion.status == "received"


def test_staff_accept_then_reply_through_the_workflow_page(staff_client, suggestion):
    unit = HandlingUnitFactory()
    response = staff_client.post(
        act_url(suggestion), {"action": "accept", "handling_unit": unit.pk}
    )
    assert response.status_code == 302
    response = staff_client.post(
        act_url(suggestion),
        {
            "action": "reply",
            "responder": "区城管局",
            "answered_on": "2018-06-01",
            "channel": "phone",
            "text": "已修复",
            "outcome": "A",
        },
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "replied" and suggestion.outcome == "A"


def test_an_illegal_step_in_the_admin_is_refused_with_400(staff_client, suggestion):
    response = staff_client.post(act_url(suggestion), {"action": "close"})
    assert response.status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.status == "received"


def test_a_reply_without_its_text_is_refused_with_400(staff_client, suggestion):
    accepted(suggestion)
    response = staff_client.post(act_url(suggestion), {"action": "reply"})
    assert response.status_code == 400
    assert not suggestion.replies.exists()


def test_staff_escalate_and_record_follow_ups(staff_client, suggestion):
    city = DeputyFactory(level="city")
    staff_client.post(
        act_url(suggestion),
        {"action": "escalate", "city_deputy": city.pk, "text": "请协调"},
    )
    escalation = Escalation.objects.get()
    staff_client.post(
        act_url(suggestion),
        {
            "action": "escalation_follow_up",
            "escalation": escalation.pk,
            "text": "已拆除",
            "escalation_status": "partly",
            "public": "on",
        },
    )
    escalation.refresh_from_db()
    assert escalation.status == "partly"
    assert escalation.follow_ups.get().text == "已拆除"


def test_bulk_assignment_goes_through_the_service(staff_client, zhang):
    items = [SuggestionFactory() for _ in range(3)]
    response = staff_client.post(
        CHANGELIST,
        {
            "action": "assign",
            "_selected_action": [s.pk for s in items],
            "apply": "1",
            "following_deputy": zhang.pk,
        },
    )
    assert response.status_code == 302
    assert Suggestion.objects.filter(following_deputy=zhang).count() == 3
    assert TimelineEntry.objects.filter(kind="assignment").count() == 3


def test_the_assignment_page_is_shown_first(staff_client, zhang):
    s = SuggestionFactory()
    response = staff_client.post(
        CHANGELIST, {"action": "assign", "_selected_action": [s.pk]}
    )
    assert response.status_code == 200
    assert 'name="following_deputy"' in response.content.decode()


def export(client, items):
    response = client.post(
        CHANGELIST,
        {"action": "export_excel", "_selected_action": [s.pk for s in items]},
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    return [[c.value for c in row] for row in book.active.iter_rows()]


def test_the_excel_export_masks_personal_data(staff_client):
    s = SuggestionFactory(submitter_phone="13812345678")
    replied(s)
    rows = export(staff_client, [s])
    flat = " ".join(str(v) for row in rows for v in row)
    assert "138****5678" in flat and "13812345678" not in flat
    assert s.tracking_code in flat
    assert not PersonalDataReveal.objects.exists()


def test_the_export_is_full_with_the_permission_and_recorded(staff_client, staff_user):
    grant(staff_user, "export_personal_data")
    s = SuggestionFactory(submitter_phone="13812345678")
    flat = " ".join(str(v) for row in export(staff_client, [s]) for v in row)
    assert "13812345678" in flat
    assert PersonalDataReveal.objects.get().purpose == "export"


def test_staff_without_the_permission_cannot_reveal(staff_client, suggestion):
    url = reverse("admin:suggestions_suggestion_reveal", args=[suggestion.pk])
    assert suggestion.submitter_phone not in staff_client.get(url).content.decode()
    assert staff_client.post(url).status_code == 403
    assert not PersonalDataReveal.objects.exists()


def test_a_reveal_with_the_permission_is_recorded(staff_client, staff_user, suggestion):
    grant(staff_user, "reveal_personal_data")
    url = reverse("admin:suggestions_suggestion_reveal", args=[suggestion.pk])
    response = staff_client.post(url)
    assert suggestion.submitter_phone in response.content.decode()
    reveal = PersonalDataReveal.objects.get()
    assert reveal.user == staff_user and reveal.suggestion == suggestion


def test_the_staff_group_does_not_get_the_sensitive_permissions(staff_user):
    assert staff_user.has_perm("suggestions.change_suggestion")
    assert not staff_user.has_perm("suggestions.reveal_personal_data")
    assert not staff_user.has_perm("suggestions.export_personal_data")


@pytest.mark.parametrize(
    "model",
    [
        "escalation",
        "rating",
        "notification",
        "personaldatareveal",
        "category",
        "handlingunit",
    ],
)
def test_other_changelists_have_constant_queries(superuser_client, model):
    from suggestions.services import escalations

    def add(n):
        for _ in range(n):
            s = SuggestionFactory()
            replied(s)
            escalations.escalation_create(
                suggestion=s,
                actor=None,
                city_deputy=DeputyFactory(level="city"),
                escalated_on=a_day(),
                request="r",
            )

    url = reverse(f"admin:suggestions_{model}_changelist")
    assert_constant_queries(lambda: superuser_client.get(url), add)


def test_residents_and_deputies_cannot_reach_the_admin(client, deputy_client):
    assert client.get(CHANGELIST).status_code == 302
    assert deputy_client.get(CHANGELIST).status_code == 302


def test_staff_enter_a_suggestion_heard_by_phone_through_the_service(
    staff_client, staff_user
):
    from deputies.models import Community
    from tests.factories import CommunityFactory

    community = CommunityFactory()
    response = staff_client.post(
        reverse("admin:suggestions_suggestion_add"),
        {
            "kind": "resident",
            "source": "phone",
            "community": community.pk,
            "title": "来电反映路面积水",
            "text": "紫阳路积水",
            "submitter_name": "居民某某",
            "submitter_phone": "13800001111",
            "consent": "on",
            "received_at_0": "2018-06-01",
            "received_at_1": "10:00:00",
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    s = Suggestion.objects.get()
    assert s.created_by == staff_user and s.status == "received"
    assert s.timeline.get().actor == staff_user
    assert Community.objects.filter(pk=community.pk).exists()


def test_suggestions_cannot_be_deleted_in_the_admin(superuser_client, suggestion):
    url = reverse("admin:suggestions_suggestion_delete", args=[suggestion.pk])
    assert superuser_client.post(url, {"post": "yes"}).status_code == 403
    assert Suggestion.objects.filter(pk=suggestion.pk).exists()


def test_the_workflow_page_lists_the_allowed_next_steps(staff_client, suggestion):
    response = staff_client.get(act_url(suggestion))
    html = response.content.decode()
    assert response.status_code == 200
    assert "已受理" in html and "不予受理" in html
    assert 'name="action"' in html


def test_the_reveal_page_shows_only_masked_data_before_confirming(
    staff_client, staff_user, suggestion
):
    grant(staff_user, "reveal_personal_data")
    url = reverse("admin:suggestions_suggestion_reveal", args=[suggestion.pk])
    html = staff_client.get(url).content.decode()
    assert suggestion.submitter_phone not in html
    assert not PersonalDataReveal.objects.exists()


def test_staff_see_their_own_notices_in_the_admin(staff_client, staff_user):
    from suggestions.models import Notification

    SuggestionFactory()
    html = staff_client.get(
        reverse("admin:suggestions_notification_changelist")
    ).content.decode()
    notice = Notification.objects.get(recipient=staff_user)
    assert notice.message in html


def test_deputies_cannot_reach_the_workflow_page(deputy_client, suggestion):
    response = deputy_client.get(act_url(suggestion))
    assert response.status_code == 302
    assert "/admin/login/" in response.url

"""An issue of a reception session once tracked: the workspace links the item
instead of offering to convert it again, and staff convert issues in the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from security.models import AuditEvent
from suggestions.models import Suggestion
from suggestions.services import intake
from tests.reception.factories import ReceptionSessionFactory, SessionIssueFactory
from tests.suggestions.factories import CategoryFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:reception_receptionsession_changelist")


@pytest.fixture
def session(zhang, li, deputy_user):
    session = ReceptionSessionFactory(deputies=[zhang, li], created_by=deputy_user)
    CategoryFactory(name="市容环境")
    SessionIssueFactory(session=session, text="垃圾桶满溢", category="市容环境")
    SessionIssueFactory(session=session, text="路灯不亮")
    return session


def detail(session):
    return reverse("reception:my_session_detail", args=[session.pk])


def convert_url(issue):
    return reverse("suggestions:from_session_issue", args=[issue.session_id, issue.uid])


def track(issue, deputy, user):
    suggestion, _created = intake.suggestion_from_session_issue(
        session=issue.session,
        issue=issue,
        deputy=deputy,
        user=user,
        **intake.session_issue_defaults(issue),
    )
    return suggestion


def test_a_tracked_issue_links_its_item_instead_of_converting(
    deputy_client, deputy_user, zhang, session
):
    tracked, untracked = session.issues.all()
    item = track(tracked, zhang, deputy_user)
    html = deputy_client.get(detail(session)).content.decode()
    assert convert_url(tracked) not in html
    assert f'href="{item.get_absolute_url()}"' in html
    assert item.tracking_code in html
    assert "已转为意见建议跟踪办理" in html
    assert convert_url(untracked) in html


def test_a_co_deputy_sees_who_follows_it_without_a_link(
    other_deputy_client, deputy_user, zhang, li, session
):
    tracked, _untracked = session.issues.all()
    item = track(tracked, zhang, deputy_user)
    html = other_deputy_client.get(detail(session)).content.decode()
    assert convert_url(tracked) not in html
    assert item.get_absolute_url() not in html
    assert "由张示例代表跟进" in html


def test_the_session_page_stays_closed_to_others(
    client, resident_client, staff_client, session
):
    assert client.get(detail(session)).status_code == 302
    assert resident_client.get(detail(session)).status_code == 403
    assert staff_client.get(detail(session)).status_code == 403


def act(client, *sessions):
    return client.post(
        CHANGELIST,
        {
            "action": "track_session_issues",
            "index": 0,
            "_selected_action": [s.pk for s in sessions],
        },
        follow=True,
    )


def test_staff_track_a_sessions_issues_from_the_admin(
    staff_client, staff_user, zhang, session
):
    response = act(staff_client, session)
    assert response.status_code == 200
    assert "2 个问题已转为意见建议跟踪办理" in response.content.decode()
    items = Suggestion.objects.order_by("pk")
    assert [s.title for s in items] == ["垃圾桶满溢", "路灯不亮"]
    for item in items:
        assert item.source == Suggestion.Source.RECEPTION
        assert item.reception_session == session
        assert item.raised_by == zhang and item.following_deputy == zhang
        assert item.created_by == staff_user
    assert items[0].category.name == "市容环境"
    # The admin's change log, mirrored into the audit trail.
    assert AuditEvent.objects.filter(record_type="suggestions.suggestion").count() == 2


def test_tracking_again_makes_no_second_item(staff_client, session):
    act(staff_client, session)
    response = act(staff_client, session)
    assert "2 个问题此前已转为意见建议" in response.content.decode()
    assert Suggestion.objects.count() == 2


def test_issues_converted_by_a_deputy_are_skipped(
    staff_client, deputy_user, zhang, session
):
    first, _second = session.issues.all()
    track(first, zhang, deputy_user)
    act(staff_client, session)
    assert Suggestion.objects.count() == 2
    assert Suggestion.objects.filter(session_issue_uid=first.uid).count() == 1


def test_the_session_admin_page_shows_each_issues_item(staff_client, session):
    act(staff_client, session)
    item = Suggestion.objects.order_by("pk").first()
    url = reverse("admin:reception_receptionsession_change", args=[session.pk])
    html = staff_client.get(url).content.decode()
    assert reverse("admin:suggestions_suggestion_change", args=[item.pk]) in html
    assert item.tracking_code in html


def test_an_untracked_issue_says_so_in_the_admin(staff_client, session):
    url = reverse("admin:reception_receptionsession_change", args=[session.pk])
    assert "尚未转为意见建议" in staff_client.get(url).content.decode()


def test_staff_without_the_add_permission_convert_nothing(
    client, django_user_model, session
):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reception",
            codename__in=["view_receptionsession", "change_receptionsession"],
        )
    )
    client.force_login(clerk)
    response = act(client, session)
    assert "您没有登记意见建议的权限" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_no_session_selected_converts_nothing(staff_client, session):
    response = staff_client.post(
        CHANGELIST, {"action": "track_session_issues", "index": 0}, follow=True
    )
    assert response.status_code == 200
    assert "条目必须选中以对其进行操作" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_deputies_never_reach_the_admin_action(deputy_client, session):
    response = deputy_client.post(
        CHANGELIST,
        {"action": "track_session_issues", "_selected_action": [session.pk]},
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Suggestion.objects.exists()

import pytest
from django.urls import reverse

from suggestions.models import Suggestion, TimelineEntry
from tests.reception.factories import ReceptionSessionFactory, SessionIssueFactory
from tests.suggestions.factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(zhang):
    return ReceptionSessionFactory(deputies=[zhang])


@pytest.fixture
def issue(session):
    CategoryFactory(name="市容环境")
    return SessionIssueFactory(
        session=session, text="小区门口垃圾桶满溢无人清理", category="市容环境"
    )


def url(issue):
    return reverse("suggestions:from_session_issue", args=[issue.session_id, issue.uid])


def test_the_form_is_prefilled_with_the_issue(deputy_client, issue):
    html = deputy_client.get(url(issue)).content.decode()
    assert "小区门口垃圾桶满溢无人清理" in html


def test_a_deputy_turns_a_session_issue_into_a_tracked_suggestion(
    deputy_client, issue, zhang, session
):
    response = deputy_client.post(
        url(issue), {"title": "垃圾桶满溢", "text": issue.text}
    )
    s = Suggestion.objects.get()
    assert response.status_code == 302 and response.url == s.get_absolute_url()
    assert s.source == Suggestion.Source.RECEPTION
    assert s.reception_session == session and s.session_issue_uid == issue.uid
    assert s.raised_by == zhang and s.following_deputy == zhang
    assert s.received_at == session.started_at
    assert s.timeline.get().kind == TimelineEntry.Kind.RECEIVED


def test_an_issue_becomes_one_suggestion_only(deputy_client, issue):
    deputy_client.post(url(issue), {"title": "a", "text": "b"})
    response = deputy_client.post(url(issue), {"title": "a", "text": "b"})
    assert response.status_code == 302
    assert Suggestion.objects.count() == 1


def test_a_title_is_required(deputy_client, issue):
    response = deputy_client.post(url(issue), {"title": "", "text": "b"})
    assert response.status_code == 400
    assert not Suggestion.objects.exists()


def test_a_deputy_who_was_not_at_the_session_gets_404(other_deputy_client, li, issue):
    assert other_deputy_client.get(url(issue)).status_code == 404
    assert (
        other_deputy_client.post(url(issue), {"title": "a", "text": "b"}).status_code
        == 404
    )
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize("persona", ["resident_client", "staff_client"])
def test_non_deputies_are_refused(request, persona, issue):
    assert request.getfixturevalue(persona).get(url(issue)).status_code == 403


def test_the_session_page_offers_to_track_each_issue(deputy_client, issue):
    response = deputy_client.get(
        reverse("reception:my_session_detail", args=[issue.session_id])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{url(issue)}"' in html
    assert "转为意见建议跟踪" in html

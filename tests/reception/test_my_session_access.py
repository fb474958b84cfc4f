"""Who may see, change and delete a session in the deputy workspace.

The one access helper (reception.views._get_session_for_deputy) is exercised
here through every /my/sessions/ view, for GET and POST.
"""

import datetime

import pytest
from django.utils import timezone

from reception.models import ReceptionSession, SessionIssue, SessionPhoto

from .factories import ReceptionSessionFactory, SessionIssueFactory, SessionPhotoFactory


@pytest.fixture
def zhang_session(zhang, deputy_user, station, colleague):
    session = ReceptionSessionFactory(
        station=station,
        deputies=[zhang, colleague],
        created_by=deputy_user,
        voters_received=20,
        summary="张代表的接待记录",
    )
    SessionIssueFactory(session=session, text="原有问题")
    SessionPhotoFactory(session=session)
    return session


def snapshot(session):
    session = ReceptionSession.objects.get(pk=session.pk)
    return (
        session.voters_received,
        session.summary,
        session.station_id,
        sorted(session.deputies.values_list("pk", flat=True)),
        list(session.issues.values_list("uid", "text")),
        list(session.photos.values_list("image", flat=True)),
    )


def edit_data(session, **overrides):
    issue = session.issues.get()
    data = {
        "station": session.station_id,
        "started_at": timezone.localtime(session.started_at).strftime("%Y-%m-%dT%H:%M"),
        "mode": session.mode,
        "voters_received": "25",
        "summary": "修改后的概况",
        "co_deputies": [
            d.pk for d in session.deputies.exclude(pk=session.created_by.deputy.pk)
        ],
        "issues-TOTAL_FORMS": "2",
        "issues-INITIAL_FORMS": "1",
        "issues-MIN_NUM_FORMS": "0",
        "issues-MAX_NUM_FORMS": "30",
        "issues-0-id": issue.pk,
        "issues-0-session": session.pk,
        "issues-0-text": "原有问题(已补充)",
        "issues-1-text": "新增问题",
    }
    data.update(overrides)
    return data


def urls(session):
    base = f"/my/sessions/{session.pk}/"
    return [base, base + "edit/", base + "delete/"]


# Reading -------------------------------------------------------------------


def test_the_list_shows_only_the_sessions_the_deputy_took_part_in(
    deputy_client, zhang, li, zhang_session, li_station
):
    ReceptionSessionFactory(station=li_station, deputies=[li], summary="李代表的记录")
    response = deputy_client.get("/my/sessions/")
    assert response.status_code == 200
    assert [s.pk for s in response.context["page"].object_list] == [zhang_session.pk]


def test_a_co_deputy_sees_the_session_but_cannot_change_it(
    zhang_session, colleague, django_user_model
):
    from django.test import Client

    from core.roles import DEPUTY_GROUP
    from tests.conftest import make_user

    user = make_user(django_user_model, "deputy-wang", group=DEPUTY_GROUP)
    colleague.user = user
    colleague.save()
    client = Client()
    client.force_login(user)
    before = snapshot(zhang_session)
    response = client.get(f"/my/sessions/{zhang_session.pk}/")
    assert response.status_code == 200
    assert "修改" not in [a.strip() for a in response.content.decode().split(">")]
    assert not response.context["can_change"]
    assert client.get(f"/my/sessions/{zhang_session.pk}/edit/").status_code == 403
    response = client.post(
        f"/my/sessions/{zhang_session.pk}/edit/", edit_data(zhang_session)
    )
    assert response.status_code == 403
    assert client.post(f"/my/sessions/{zhang_session.pk}/delete/").status_code == 403
    assert snapshot(zhang_session) == before


def test_another_deputy_gets_404_on_every_page_and_changes_nothing(
    other_deputy_client, li, zhang_session
):
    before = snapshot(zhang_session)
    for url in urls(zhang_session):
        assert other_deputy_client.get(url).status_code == 404
        assert other_deputy_client.post(url, edit_data(zhang_session)).status_code in (
            404,
            405,
        )
    assert (
        other_deputy_client.post(
            urls(zhang_session)[1], edit_data(zhang_session)
        ).status_code
        == 404
    )
    assert other_deputy_client.post(urls(zhang_session)[2]).status_code == 404
    assert snapshot(zhang_session) == before


def test_residents_and_staff_are_refused_the_workspace(
    client, resident_client, staff_client, zhang_session
):
    before = snapshot(zhang_session)
    for url in urls(zhang_session):
        assert client.get(url).status_code == 302
        assert resident_client.get(url).status_code == 403
        assert staff_client.get(url).status_code == 403
        assert resident_client.post(url, edit_data(zhang_session)).status_code in (
            403,
            405,
        )
    assert snapshot(zhang_session) == before


def test_an_unknown_session_is_404(deputy_client, zhang):
    assert deputy_client.get("/my/sessions/999999/").status_code == 404


# Changing ------------------------------------------------------------------


def test_the_deputy_who_logged_it_edits_it_and_issue_ids_stay(
    deputy_client, zhang_session
):
    issue = zhang_session.issues.get()
    response = deputy_client.post(
        f"/my/sessions/{zhang_session.pk}/edit/", edit_data(zhang_session)
    )
    assert response.status_code == 302
    zhang_session.refresh_from_db()
    assert zhang_session.voters_received == 25
    assert zhang_session.summary == "修改后的概况"
    kept = SessionIssue.objects.get(pk=issue.pk)
    assert kept.uid == issue.uid
    assert kept.text == "原有问题(已补充)"
    assert list(zhang_session.issues.values_list("text", flat=True)) == [
        "原有问题(已补充)",
        "新增问题",
    ]


def test_the_deputy_removes_a_photo_and_its_file(
    deputy_client, zhang_session, django_capture_on_commit_callbacks
):
    import os

    photo = zhang_session.photos.get()
    path = photo.image.path
    data = edit_data(zhang_session, remove_photos=[photo.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = deputy_client.post(f"/my/sessions/{zhang_session.pk}/edit/", data)
    assert response.status_code == 302
    assert not SessionPhoto.objects.filter(pk=photo.pk).exists()
    assert not os.path.exists(path)


def test_an_invalid_edit_is_re_rendered_with_400_and_saves_nothing(
    deputy_client, zhang_session
):
    before = snapshot(zhang_session)
    data = edit_data(zhang_session, voters_received="-3")
    response = deputy_client.post(f"/my/sessions/{zhang_session.pk}/edit/", data)
    assert response.status_code == 400
    assert "接待人数不能为负数" in response.content.decode()
    assert snapshot(zhang_session) == before


def test_after_seven_days_the_deputy_can_no_longer_edit_or_delete(
    deputy_client, zhang_session
):
    ReceptionSession.objects.filter(pk=zhang_session.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )
    before = snapshot(zhang_session)
    response = deputy_client.get(f"/my/sessions/{zhang_session.pk}/edit/")
    assert response.status_code == 403
    assert "已不能在此修改" in response.content.decode()
    data = edit_data(zhang_session)
    assert (
        deputy_client.post(f"/my/sessions/{zhang_session.pk}/edit/", data).status_code
        == 403
    )
    assert (
        deputy_client.post(f"/my/sessions/{zhang_session.pk}/delete/").status_code
        == 403
    )
    assert snapshot(zhang_session) == before
    detail = deputy_client.get(f"/my/sessions/{zhang_session.pk}/")
    assert detail.status_code == 200
    assert not detail.context["can_change"]


def test_within_seven_days_the_deputy_deletes_the_session_and_its_files(
    deputy_client, zhang_session, django_capture_on_commit_callbacks
):
    import os

    url = f"/my/sessions/{zhang_session.pk}/delete/"
    path = zhang_session.photos.get().image.path
    assert deputy_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = deputy_client.post(url)
    assert response.status_code == 302
    assert not ReceptionSession.objects.filter(pk=zhang_session.pk).exists()
    assert not os.path.exists(path)


def test_staff_can_still_change_an_old_session_in_the_admin(
    staff_client, zhang_session
):
    ReceptionSession.objects.filter(pk=zhang_session.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    response = staff_client.get(
        f"/admin/reception/receptionsession/{zhang_session.pk}/change/"
    )
    assert response.status_code == 200


def test_deputies_cannot_reach_sessions_through_the_admin(
    deputy_client, other_deputy_client, zhang_session
):
    before = snapshot(zhang_session)
    base = f"/admin/reception/receptionsession/{zhang_session.pk}/"
    for client in (deputy_client, other_deputy_client):
        for url in (
            base + "change/",
            base + "delete/",
            "/admin/reception/receptionsession/",
        ):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")
        response = client.post(base + "delete/", {"post": "yes"})
        assert response.status_code == 302
        response = client.post(base + "change/", {"voters_received": 1})
        assert response.status_code == 302
    assert snapshot(zhang_session) == before


def test_the_session_list_makes_a_constant_number_of_queries(
    deputy_client, zhang, station
):
    from tests.utils import assert_constant_queries

    def add(n):
        for _ in range(n):
            session = ReceptionSessionFactory(station=station, deputies=[zhang])
            SessionIssueFactory(session=session)
            SessionPhotoFactory(session=session)

    assert_constant_queries(lambda: deputy_client.get("/my/sessions/"), add)


def test_an_edit_keeps_a_deputy_staff_added_from_outside_the_station(
    deputy_client, zhang_session, li
):
    zhang_session.deputies.add(li)
    response = deputy_client.get(f"/my/sessions/{zhang_session.pk}/edit/")
    html = response.content.decode()
    assert f'value="{li.pk}"' in html
    checkbox = html.split(f'value="{li.pk}"')[1].split(">")[0]
    assert f'data-stations="{zhang_session.station_id}"' in checkbox
    data = edit_data(zhang_session)
    assert li.pk in data["co_deputies"]
    response = deputy_client.post(f"/my/sessions/{zhang_session.pk}/edit/", data)
    assert response.status_code == 302
    assert zhang_session.deputies.filter(pk=li.pk).exists()

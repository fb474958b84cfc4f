"""A deputy logs a reception session at /my/sessions/new/."""

import datetime
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reception.models import (
    MAX_VOTERS_PER_SESSION,
    ReceptionSession,
    SessionIssue,
    SessionPhoto,
)

from .factories import jpeg_upload

URL = "/my/sessions/new/"


def media_files() -> set[str]:
    found = set()
    for root, _dirs, files in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(root, f) for f in files)
    return found


def form_data(station, *, co_deputies=(), issues=(), **overrides):
    when = timezone.localtime() - datetime.timedelta(hours=2)
    data = {
        "station": station.pk,
        "started_at": when.strftime("%Y-%m-%dT%H:%M"),
        "mode": "centralised",
        "voters_received": "12",
        "summary": "集中接待,听取居民意见。",
        "co_deputies": [d.pk for d in co_deputies],
        "issues-TOTAL_FORMS": str(max(len(issues), 1)),
        "issues-INITIAL_FORMS": "0",
        "issues-MIN_NUM_FORMS": "0",
        "issues-MAX_NUM_FORMS": "30",
    }
    for index, text in enumerate(issues):
        data[f"issues-{index}-text"] = text
    data.update(overrides)
    return data


def test_the_form_preselects_the_deputys_station_and_offers_its_deputies(
    deputy_client, station, colleague, office
):
    response = deputy_client.get(URL)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["station"].value() == station.pk
    # The colleague is offered, not ticked: only the logging deputy is present.
    assert colleague in form.fields["co_deputies"].queryset
    assert not form["co_deputies"].value()
    html = response.content.decode()
    assert 'capture="environment"' in html
    assert 'accept="image/*"' in html
    assert "multiple" in html
    assert "登记接待活动" in html


def test_a_deputy_logs_a_session_with_issues_and_photos(
    deputy_client, deputy_user, zhang, station, colleague
):
    data = form_data(
        station, co_deputies=[colleague], issues=["路灯不亮。", "楼道堆物。", ""]
    )
    data["issues-TOTAL_FORMS"] = "3"
    data["photos"] = [jpeg_upload("a.jpg"), jpeg_upload("b.jpg", color=(0, 0, 200))]
    response = deputy_client.post(URL, data)
    session = ReceptionSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/my/sessions/{session.pk}/"
    assert set(session.deputies.all()) == {zhang, colleague}
    assert session.created_by == deputy_user
    assert session.voters_received == 12
    assert list(session.issues.values_list("text", flat=True)) == [
        "路灯不亮。",
        "楼道堆物。",
    ]
    # Issue lines default to the station's community.
    assert {i.community for i in session.issues.all()} == {station.community}
    assert session.photos.count() == 2
    for photo in session.photos.all():
        assert photo.image.name.startswith("private/reception/sessions/")
        assert os.path.exists(photo.image.path)


def test_the_logging_deputy_is_present_even_if_not_ticked(
    deputy_client, zhang, station
):
    deputy_client.post(URL, form_data(station))
    assert list(ReceptionSession.objects.get().deputies.all()) == [zhang]


def test_a_deputy_cannot_log_a_session_at_a_station_they_are_not_assigned_to(
    deputy_client, station, li_station
):
    response = deputy_client.post(URL, form_data(li_station))
    assert response.status_code == 400
    assert "只能在您进站的接待站登记" in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_a_deputy_cannot_name_a_deputy_who_is_not_assigned_there(
    deputy_client, station, li
):
    response = deputy_client.post(URL, form_data(station, co_deputies=[li]))
    assert response.status_code == 400
    assert not ReceptionSession.objects.exists()


def test_an_open_station_takes_any_deputy(deputy_client, zhang, station, office, li):
    response = deputy_client.post(URL, form_data(office, co_deputies=[li]))
    assert response.status_code == 302
    assert set(ReceptionSession.objects.get().deputies.all()) == {zhang, li}


def test_staff_opening_a_station_lets_outside_deputies_be_named(
    deputy_client, zhang, station, li
):
    response = deputy_client.post(URL, form_data(station, co_deputies=[li]))
    assert response.status_code == 400
    station.open_to_all_deputies = True
    station.save()
    response = deputy_client.post(URL, form_data(station, co_deputies=[li]))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("voters", "message"),
    [
        ("-1", "接待人数不能为负数"),
        (str(MAX_VOTERS_PER_SESSION + 1), "请核对人数"),
        ("很多", "请用整数填写接待人数"),
    ],
)
def test_a_bad_voter_count_is_refused_with_a_clear_message(
    deputy_client, station, voters, message
):
    response = deputy_client.post(URL, form_data(station, voters_received=voters))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_a_future_date_is_refused(deputy_client, station):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    response = deputy_client.post(
        URL, form_data(station, started_at=tomorrow.strftime("%Y-%m-%dT%H:%M"))
    )
    assert response.status_code == 400
    assert "接待时间不能晚于现在" in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_a_non_image_upload_is_refused_and_nothing_is_saved(deputy_client, station):
    before = media_files()
    data = form_data(station, issues=["路灯不亮。"])
    data["photos"] = [
        jpeg_upload("good.jpg"),
        SimpleUploadedFile("notes.jpg", b"%PDF-1.4 not a picture", "image/jpeg"),
    ]
    response = deputy_client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "notes.jpg" in html
    assert "不是 JPEG、PNG 或 WebP 格式的图片" in html
    assert not ReceptionSession.objects.exists()
    assert not SessionIssue.objects.exists()
    assert not SessionPhoto.objects.exists()
    assert media_files() == before


def test_a_failure_after_photos_are_written_leaves_no_file(
    deputy_client, station, monkeypatch
):
    from reception import services

    def broken(session, issues):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_save_issues", broken)
    before = media_files()
    data = form_data(station)
    data["photos"] = [jpeg_upload()]
    deputy_client.raise_request_exception = False
    response = deputy_client.post(URL, data)
    assert response.status_code == 500
    assert not ReceptionSession.objects.exists()
    assert media_files() == before


def test_an_issue_line_with_only_a_community_is_refused(deputy_client, station):
    data = form_data(station)
    data["issues-0-community"] = station.community.pk
    response = deputy_client.post(URL, data)
    assert response.status_code == 400
    assert not ReceptionSession.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_accounts_without_a_deputy_record_are_refused(
    resident_client, staff_client, deputy_client, station
):
    assert resident_client.get(URL).status_code == 403
    assert staff_client.get(URL).status_code == 403
    assert resident_client.post(URL, form_data(station)).status_code == 403
    assert not ReceptionSession.objects.exists()


def test_a_deputy_login_not_linked_to_a_deputy_record_is_refused(deputy_client, db):
    assert deputy_client.get(URL).status_code == 403


def test_a_station_can_be_chosen_in_the_address(
    deputy_client, zhang, station, office, li
):
    station_b = type(station).objects.create(
        name="第二示例站", slug="second-demo", address="示例路2号"
    )
    station_b.deputies.set([zhang, li])
    response = deputy_client.get(URL + "?station=second-demo")
    form = response.context["form"]
    assert form["station"].value() == station_b.pk
    assert li in form.fields["co_deputies"].queryset
    assert not form["co_deputies"].value()


def test_a_deputy_assigned_nowhere_is_told_to_ask_the_office(deputy_client, zhang):
    response = deputy_client.get(URL)
    assert response.status_code == 200
    assert "您尚未进驻任何代表接待站" in response.content.decode()
    response = deputy_client.post(
        URL,
        {
            "started_at": "2018-05-01T09:00",
            "mode": "centralised",
            "voters_received": "3",
            "issues-TOTAL_FORMS": "0",
            "issues-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert not ReceptionSession.objects.exists()


def test_too_many_photos_at_once_are_refused(deputy_client, station):
    data = form_data(station)
    data["photos"] = [jpeg_upload(f"{n}.jpg") for n in range(13)]
    response = deputy_client.post(URL, data)
    assert response.status_code == 400
    assert "每次最多上传 12 张照片" in response.content.decode()
    assert not ReceptionSession.objects.exists()


def test_a_tampered_formset_is_refused_not_a_500(deputy_client, station):
    data = form_data(station)
    del data["issues-TOTAL_FORMS"]
    response = deputy_client.post(URL, data)
    assert response.status_code == 400
    assert not ReceptionSession.objects.exists()

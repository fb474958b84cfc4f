"""Staff keep the register and the activities in the admin."""

import io

import pytest
from PIL import Image

from deputies.models import ActivityPhoto, Attendance, Deputy, DutyActivity
from tests.deputies.factories import (
    ActivityPhotoFactory,
    AttendanceFactory,
    ByElectionFactory,
    DutyReportFactory,
)
from tests.factories import DeputyFactory
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db


def _activity_post(deputy, **extra):
    data = {
        "kind": "poverty_visit",
        "title": "精准扶贫回头看",
        "date": "2018-03-28",
        "place": "示例村",
        "organiser": "district",
        "description": "",
        "is_public": "on",
        "topics": "",
        "households_due": "10",
        "households_visited": "10",
        "law_inspected": "",
        "publication": "",
        "publication_kind": "",
        "copies": "",
        "recipients": "",
        "attendances-TOTAL_FORMS": "1",
        "attendances-INITIAL_FORMS": "0",
        "attendances-0-deputy": str(deputy.pk),
        "attendances-0-invited": "on",
        "attendances-0-attended": "on",
        "attendances-0-reflection": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def test_staff_record_an_activity_with_its_attendance_inline(staff_client):
    deputy = DeputyFactory()
    response = staff_client.post(
        "/admin/deputies/dutyactivity/add/", _activity_post(deputy)
    )
    assert response.status_code == 302
    activity = DutyActivity.objects.get()
    assert activity.attendances.get().deputy == deputy


def test_attended_but_not_invited_is_refused_in_chinese_and_nothing_saved(
    staff_client,
):
    deputy = DeputyFactory()
    data = _activity_post(deputy)
    del data["attendances-0-invited"]
    response = staff_client.post("/admin/deputies/dutyactivity/add/", data)
    assert response.status_code == 400
    assert "出席的代表必须同时标记为受邀" in response.content.decode()
    assert not DutyActivity.objects.exists()
    assert not Attendance.objects.exists()


def test_more_households_visited_than_due_is_refused_in_chinese(staff_client):
    data = _activity_post(DeputyFactory(), households_visited="12")
    response = staff_client.post("/admin/deputies/dutyactivity/add/", data)
    assert response.status_code == 400
    assert "走访户数多于应走访户数" in response.content.decode()
    assert not DutyActivity.objects.exists()


def _picture(fmt="JPEG", size=(60, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    buffer.seek(0)
    buffer.name = f"photo.{fmt.lower()}"
    return buffer


def _bomb():
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "bomb.png"
    return buffer


def _too_large():
    buffer = io.BytesIO(b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 10))
    buffer.name = "big.jpg"
    return buffer


def _not_an_image():
    buffer = io.BytesIO(b"%PDF-1.4 not a picture")
    buffer.name = "photo.jpg"
    return buffer


def test_an_activity_photo_is_stored_through_the_pipeline(staff_client):
    data = _activity_post(
        DeputyFactory(),
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": _picture(),
            "photos-0-caption": "现场",
            "photos-0-ordering": "1",
        },
    )
    response = staff_client.post("/admin/deputies/dutyactivity/add/", data)
    assert response.status_code == 302
    photo = ActivityPhoto.objects.get()
    assert photo.image.name.startswith("deputies/activities/")
    assert "photo" not in photo.image.name


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (_not_an_image, "不是 JPEG、PNG 或 WebP"),
        (_too_large, "图片超过 10 MB"),
        (_bomb, "不是 JPEG、PNG 或 WebP"),
    ],
    ids=["not-an-image", "too-large", "decompression-bomb"],
)
def test_a_bad_photo_is_refused_and_nothing_saved(staff_client, upload, message):
    data = _activity_post(
        DeputyFactory(),
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": upload(),
            "photos-0-caption": "",
            "photos-0-ordering": "1",
        },
    )
    response = staff_client.post("/admin/deputies/dutyactivity/add/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DutyActivity.objects.exists()
    assert not ActivityPhoto.objects.exists()


def test_a_bad_deputy_photo_is_refused(superuser_client):
    deputy = DeputyFactory()
    response = superuser_client.post(
        f"/admin/deputies/deputy/{deputy.pk}/change/",
        {
            "name": deputy.name,
            "gender": "f",
            "ethnicity": "汉族",
            "level": "district",
            "term": "15",
            "photo": _not_an_image(),
        },
    )
    assert response.status_code == 400
    assert "不是 JPEG、PNG 或 WebP" in response.content.decode()
    deputy.refresh_from_db()
    assert not deputy.photo


def test_staff_without_the_permission_see_the_phone_masked(staff_client):
    deputy = DeputyFactory(phone="13912345678")
    for url in (
        "/admin/deputies/deputy/",
        f"/admin/deputies/deputy/{deputy.pk}/change/",
    ):
        html = staff_client.get(url).content.decode()
        assert "13912345678" not in html
        assert "139****5678" in html


def test_a_superuser_edits_the_phone(superuser_client):
    deputy = DeputyFactory(phone="13912345678")
    html = superuser_client.get(
        f"/admin/deputies/deputy/{deputy.pk}/change/"
    ).content.decode()
    assert 'value="13912345678"' in html


def test_deputies_and_residents_are_kept_out_of_the_admin(
    deputy_client, resident_client
):
    for client in (deputy_client, resident_client):
        response = client.get("/admin/deputies/dutyactivity/")
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("url", "add_rows"),
    [
        ("/admin/deputies/deputy/", lambda n: DeputyFactory.create_batch(n)),
        (
            "/admin/deputies/dutyactivity/",
            lambda n: [
                ActivityPhotoFactory(activity=AttendanceFactory().activity)
                for _ in range(n)
            ],
        ),
        ("/admin/deputies/dutyreport/", lambda n: DutyReportFactory.create_batch(n)),
        (
            "/admin/deputies/byelection/",
            lambda n: [
                ByElectionFactory().elected.add(DeputyFactory()) for _ in range(n)
            ],
        ),
        ("/admin/deputies/constituency/", lambda n: DeputyFactory.create_batch(n)),
        ("/admin/deputies/community/", lambda n: DeputyFactory.create_batch(n)),
    ],
)
def test_changelists_keep_a_constant_query_count(staff_client, url, add_rows):
    def fetch():
        response = staff_client.get(url)
        assert response.status_code == 200

    assert_constant_queries(fetch, add_rows)


def test_the_change_page_links_to_the_archive(staff_client):
    deputy = DeputyFactory()
    html = staff_client.get(
        f"/admin/deputies/deputy/{deputy.pk}/change/"
    ).content.decode()
    assert f"/admin/deputies/deputy/{deputy.pk}/archive/" in html
    assert Deputy.objects.count() == 1


def test_a_duty_report_with_more_votes_than_voters_is_refused(staff_client):
    deputy = DeputyFactory()
    response = staff_client.post(
        "/admin/deputies/dutyreport/add/",
        {
            "deputy": deputy.pk,
            "date": "2018-08-08",
            "constituency": deputy.constituency.pk,
            "audience": "10",
            "satisfied": "9",
            "fairly_satisfied": "3",
            "dissatisfied": "0",
            "text": "述职",
        },
    )
    assert response.status_code == 400
    assert "测评票数多于到场选民人数" in response.content.decode()


def test_a_by_election_elects_no_more_than_its_seats_from_its_constituency(
    staff_client,
):
    here = DeputyFactory()
    elsewhere = DeputyFactory()
    data = {
        "constituency": here.constituency.pk,
        "date": "2018-06-28",
        "seats": "1",
        "elected": [here.pk, elsewhere.pk],
        "notes": "",
    }
    response = staff_client.post("/admin/deputies/byelection/add/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "当选代表人数超过了应补选名额" in html
    assert f"以下代表不属于该选区:{elsewhere.name}" in html
    data["elected"] = [here.pk]
    response = staff_client.post("/admin/deputies/byelection/add/", data)
    assert response.status_code == 302

"""Deputies write their own reflections on training and study trips."""

import pytest
from django.urls import reverse

from deputies.forms import REFLECTION_MAX_LENGTH
from deputies.models import Attendance, DutyActivity
from report.document import ReportDocument

from ..utils import assert_constant_queries
from .factories import AttendanceFactory, DutyActivityFactory

LIST = reverse("deputies:my_reflections")
TEXT = "通过考察学习，回来后要把接待选民的工作做得更细更实。"


def edit_url(attendance):
    return reverse("deputies:my_reflection_edit", args=[attendance.pk])


@pytest.fixture
def training(db):
    return DutyActivityFactory(kind=DutyActivity.Kind.TRAINING, title="赴青岛考察学习")


@pytest.fixture
def attended(training, zhang):
    return AttendanceFactory(activity=training, deputy=zhang, attended=True)


def test_the_deputy_sees_the_trainings_they_attended(deputy_client, attended, zhang):
    absent = AttendanceFactory(
        activity=DutyActivityFactory(kind=DutyActivity.Kind.TRAINING, title="缺席培训"),
        deputy=zhang,
        attended=False,
    )
    symposium = AttendanceFactory(
        activity=DutyActivityFactory(kind=DutyActivity.Kind.STUDY, title="学习会"),
        deputy=zhang,
    )
    response = deputy_client.get(LIST)
    assert response.status_code == 200
    body = response.content.decode()
    assert "赴青岛考察学习" in body
    assert edit_url(attended) in body
    assert absent.activity.title not in body
    assert symposium.activity.title not in body
    assert "1 篇心得体会尚未撰写" in body


def test_the_workspace_links_to_the_reflections(deputy_client, zhang):
    assert LIST in deputy_client.get(reverse("my:home")).content.decode()


def test_writing_a_reflection_saves_it_and_shows_in_the_archive(
    deputy_client, attended
):
    response = deputy_client.post(edit_url(attended), {"reflection": f"  {TEXT}  "})
    assert response.status_code == 302
    assert response["Location"] == LIST
    attended.refresh_from_db()
    assert attended.reflection == TEXT
    follow = deputy_client.get(LIST)
    assert "已写" in follow.content.decode()
    assert TEXT in deputy_client.get(reverse("my:archive")).content.decode()


def test_the_reflection_counts_in_the_year_end_report(deputy_client, attended):
    year = attended.activity.date.year
    before = ReportDocument.from_records(year).figures["deputies.reflections"].value
    deputy_client.post(edit_url(attended), {"reflection": TEXT})
    after = ReportDocument.from_records(year).figures["deputies.reflections"].value
    assert after == before + 1


def test_an_edit_shows_the_current_text(deputy_client, attended):
    attended.reflection = TEXT
    attended.save()
    response = deputy_client.get(edit_url(attended))
    assert response.status_code == 200
    assert TEXT in response.content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "请填写心得体会"),
        ("   \n  ", "请填写心得体会"),
        ("字" * (REFLECTION_MAX_LENGTH + 1), str(REFLECTION_MAX_LENGTH)),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(
    deputy_client, attended, text, message
):
    attended.reflection = TEXT
    attended.save()
    response = deputy_client.post(edit_url(attended), {"reflection": text})
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "尚未保存" in body
    attended.refresh_from_db()
    assert attended.reflection == TEXT


def test_another_deputys_attendance_is_not_found(other_deputy_client, li, attended):
    assert other_deputy_client.get(edit_url(attended)).status_code == 404
    response = other_deputy_client.post(edit_url(attended), {"reflection": TEXT})
    assert response.status_code == 404
    attended.refresh_from_db()
    assert attended.reflection == ""


def test_absence_and_other_kinds_of_activity_take_no_reflection(deputy_client, zhang):
    absent = AttendanceFactory(
        activity=DutyActivityFactory(kind=DutyActivity.Kind.TRAINING),
        deputy=zhang,
        attended=False,
    )
    symposium = AttendanceFactory(
        activity=DutyActivityFactory(kind=DutyActivity.Kind.SYMPOSIUM), deputy=zhang
    )
    for attendance in (absent, symposium):
        response = deputy_client.post(edit_url(attendance), {"reflection": TEXT})
        assert response.status_code == 404
    assert not Attendance.objects.exclude(reflection="").exists()


@pytest.mark.parametrize("persona", ["resident_client", "staff_client"])
def test_people_who_are_not_deputies_are_refused(request, persona, attended):
    client = request.getfixturevalue(persona)
    assert client.get(LIST).status_code == 403
    assert client.post(edit_url(attended), {"reflection": TEXT}).status_code == 403
    attended.refresh_from_db()
    assert attended.reflection == ""


def test_anonymous_visitors_are_sent_to_log_in(client, attended):
    for url in (LIST, edit_url(attended)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_list_makes_the_same_queries_for_many_trainings(deputy_client, zhang):
    def add_rows(n):
        for _ in range(n):
            AttendanceFactory(
                activity=DutyActivityFactory(kind=DutyActivity.Kind.TRAINING),
                deputy=zhang,
                reflection=TEXT,
            )

    assert_constant_queries(lambda: deputy_client.get(LIST), add_rows)


def test_the_page_works_in_english(deputy_client, attended):
    deputy_client.cookies["django_language"] = "en"
    body = deputy_client.get(LIST).content.decode()
    assert "My reflections on training" in body

"""Rules about one activity, one attendance row, one duty report."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from deputies.models import Attendance, DutyActivity, Rate, mask_phone
from tests.deputies.factories import (
    AttendanceFactory,
    DutyActivityFactory,
    DutyReportFactory,
)

K = DutyActivity.Kind
pytestmark = pytest.mark.django_db


def test_a_kind_specific_field_is_required_only_for_its_kind():
    activity = DutyActivity(kind=K.POVERTY_VISIT, title="走访", date="2018-03-01")
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "households_due" in error.value.message_dict
    study = DutyActivity(kind=K.STUDY, title="学习", date="2018-03-01")
    study.full_clean()  # no kind-specific field asked of a study session


def test_a_field_of_another_kind_must_stay_empty():
    activity = DutyActivity(
        kind=K.STUDY, title="学习", date="2018-03-01", law_inspected="《某法》"
    )
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "law_inspected" in error.value.message_dict


def test_more_households_visited_than_due_is_refused_by_clean_and_database():
    activity = DutyActivity(
        kind=K.POVERTY_VISIT,
        title="走访",
        date="2018-03-01",
        households_due=10,
        households_visited=11,
    )
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "走访户数多于应走访户数" in str(error.value.message_dict)
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


def test_the_database_refuses_a_topic_on_anything_but_a_symposium():
    with pytest.raises(IntegrityError), transaction.atomic():
        DutyActivityFactory(kind=K.STUDY, topics="红色物业")


def test_attended_but_not_invited_is_refused_by_clean_and_database():
    row = AttendanceFactory.build(invited=False, attended=True)
    with pytest.raises(ValidationError) as error:
        row.full_clean(exclude=["activity", "deputy"])
    assert "出席的代表必须同时标记为受邀" in str(error.value.message_dict)
    row = AttendanceFactory(invited=True, attended=True)
    row.invited = False
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_a_reflection_belongs_to_a_training_attended():
    study = AttendanceFactory(activity__kind=K.STUDY)
    study.reflection = "心得"
    with pytest.raises(ValidationError):
        study.full_clean()
    trip = AttendanceFactory(activity__kind=K.TRAINING)
    trip.reflection = "心得"
    trip.full_clean()


def test_a_deputy_is_listed_once_per_activity():
    row = AttendanceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(activity=row.activity, deputy=row.deputy)


def test_participation_counts_attended_out_of_invited():
    activity = DutyActivityFactory()
    AttendanceFactory.create_batch(3, activity=activity, attended=True)
    AttendanceFactory(activity=activity, attended=False)
    participation = DutyActivity.objects.all().participation()
    assert participation == Rate(3, 4)
    assert participation.percent == 75.0


def test_a_duty_report_needs_text_or_a_document_and_votes_within_audience():
    report = DutyReportFactory.build(text="")
    with pytest.raises(ValidationError):
        report.full_clean(exclude=["deputy", "constituency"])
    report = DutyReportFactory(audience=10, satisfied=8, fairly_satisfied=2)
    assert report.satisfaction == Rate(10, 10)
    report.dissatisfied = 5
    with pytest.raises(IntegrityError), transaction.atomic():
        report.save()


def test_a_phone_is_masked_to_its_first_three_and_last_four_digits():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("") == ""

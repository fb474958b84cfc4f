"""Factories for duty activities, attendance, duty reports and by-elections."""

import datetime

import factory
from factory.django import DjangoModelFactory

from deputies.models import (
    ActivityPhoto,
    Attendance,
    ByElection,
    DutyActivity,
    DutyReport,
)
from tests.factories import ConstituencyFactory, DeputyFactory


class DutyActivityFactory(DjangoModelFactory):
    class Meta:
        model = DutyActivity

    kind = DutyActivity.Kind.STUDY
    title = factory.Sequence(lambda n: f"示例活动{n}")
    date = datetime.date(2018, 5, 1)
    place = "街道代表室"


class AttendanceFactory(DjangoModelFactory):
    class Meta:
        model = Attendance

    activity = factory.SubFactory(DutyActivityFactory)
    deputy = factory.SubFactory(DeputyFactory)
    invited = True
    attended = True


class ActivityPhotoFactory(DjangoModelFactory):
    class Meta:
        model = ActivityPhoto

    activity = factory.SubFactory(DutyActivityFactory)
    image = factory.django.ImageField(width=40, height=30, format="JPEG")
    caption = factory.Sequence(lambda n: f"现场照片{n}")


class DutyReportFactory(DjangoModelFactory):
    class Meta:
        model = DutyReport

    deputy = factory.SubFactory(DeputyFactory)
    constituency = factory.SelfAttribute("deputy.constituency")
    date = datetime.date(2018, 8, 10)
    audience = 30
    satisfied = 25
    fairly_satisfied = 5
    text = "示例述职报告"


class ByElectionFactory(DjangoModelFactory):
    class Meta:
        model = ByElection

    constituency = factory.SubFactory(ConstituencyFactory)
    date = datetime.date(2018, 6, 28)
    seats = 1

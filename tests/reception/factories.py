"""Factories for reception records."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from reception.models import (
    DelegationVisit,
    ReceptionSession,
    SessionIssue,
    SessionPhoto,
    StandardCheck,
    StandardItem,
    Station,
)
from tests.factories import CommunityFactory


def jpeg_bytes(size=(64, 48), color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return buffer.getvalue()


def jpeg_upload(name="photo.jpg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


class StandardItemFactory(DjangoModelFactory):
    class Meta:
        model = StandardItem
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"item-{n}")
    name = factory.Sequence(lambda n: f"示例标准{n}")


class StationFactory(DjangoModelFactory):
    class Meta:
        model = Station
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"示例{n}社区人大代表接待站")
    slug = factory.Sequence(lambda n: f"station-{n}")
    kind = Station.Kind.COMMUNITY
    community = factory.SubFactory(CommunityFactory)
    address = "武昌区示例路1号"
    opening_hours = "周一至周五 8:30-17:30"
    reception_days = "每月第一个周五上午"
    contact_name = "示例联络员"
    contact_phone = "027-88001234"

    @factory.post_generation
    def deputies(self, create, extracted, **kwargs):
        if create and extracted:
            self.deputies.set(extracted)


# Checks made without a date of their own stand from long before any year the
# tests build, so that a station's checks count in every year's report.
EARLY_CHECK = datetime.date(2010, 1, 4)


class StandardCheckFactory(DjangoModelFactory):
    class Meta:
        model = StandardCheck
        django_get_or_create = ("station", "item", "checked_on")

    station = factory.SubFactory(StationFactory)
    item = factory.SubFactory(StandardItemFactory)
    met = True
    checked_on = EARLY_CHECK


def check_every_item(station, *, met=True, missing=(), on=EARLY_CHECK) -> list:
    """A check of every item in force at the station on one day: met, except
    the items whose codes are in `missing`."""
    return [
        StandardCheckFactory(
            station=station,
            item=item,
            checked_on=on,
            met=met and item.code not in missing,
        )
        for item in StandardItem.objects.active()
    ]


class DelegationVisitFactory(DjangoModelFactory):
    class Meta:
        model = DelegationVisit

    date = datetime.date(2018, 5, 1)
    visiting_body = factory.Sequence(lambda n: f"示例考察团{n}")
    level = DelegationVisit.Level.DISTRICT


class ReceptionSessionFactory(DjangoModelFactory):
    class Meta:
        model = ReceptionSession
        skip_postgeneration_save = True

    station = factory.SubFactory(StationFactory)
    started_at = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    )
    mode = ReceptionSession.Mode.CENTRALISED
    voters_received = 10
    summary = "示例接待记录"

    @factory.post_generation
    def deputies(self, create, extracted, **kwargs):
        if create and extracted:
            self.deputies.set(extracted)


class SessionIssueFactory(DjangoModelFactory):
    class Meta:
        model = SessionIssue

    session = factory.SubFactory(ReceptionSessionFactory)
    text = factory.Sequence(lambda n: f"示例问题{n}")


class SessionPhotoFactory(DjangoModelFactory):
    class Meta:
        model = SessionPhoto

    session = factory.SubFactory(ReceptionSessionFactory)
    image = factory.LazyFunction(lambda: SimpleUploadedFile("p.jpg", jpeg_bytes()))

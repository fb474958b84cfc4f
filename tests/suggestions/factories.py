import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from suggestions.models import Category, HandlingUnit, Reply, Suggestion
from suggestions.services import intake, lifecycle, replies
from tests.factories import CommunityFactory


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"示例类别{n}")


class HandlingUnitFactory(DjangoModelFactory):
    class Meta:
        model = HandlingUnit
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"示例承办单位{n}")


class SuggestionFactory(DjangoModelFactory):
    """A received resident opinion with invented contact details."""

    class Meta:
        model = Suggestion

    kind = Suggestion.Kind.RESIDENT
    source = Suggestion.Source.WEB_FORM
    community = factory.SubFactory(CommunityFactory)
    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"楼道灯不亮{n}")
    text = "三号楼楼道灯坏了一个月。"
    submitter_name = "居民某某"
    submitter_phone = factory.Sequence(lambda n: f"1380000{n % 10000:04d}")
    submitter_address = "示例路1号3栋"
    consent = True
    privacy_notice_version = "2018-01"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the service, like every entry point: code, timeline, notices.
        return intake.suggestion_create(suggestion=model_class(*args, **kwargs))


def accepted(suggestion, actor=None, **kwargs):
    kwargs.setdefault("handling_unit", HandlingUnitFactory())
    return lifecycle.suggestion_accept(suggestion=suggestion, actor=actor, **kwargs)


def replied(suggestion, actor=None, **kwargs):
    if suggestion.status == Suggestion.Status.RECEIVED:
        accepted(suggestion, actor)
    return replies.suggestion_reply(
        suggestion=suggestion,
        actor=actor,
        responder=kwargs.pop("responder", "区城管局"),
        answered_on=kwargs.pop("answered_on", timezone.localdate()),
        channel=kwargs.pop("channel", Reply.Channel.PHONE),
        text=kwargs.pop("text", "已安排维修。"),
        **kwargs,
    )


def a_day(offset=0):
    return timezone.localdate() + datetime.timedelta(days=offset)


def unsaved_suggestion(**kwargs) -> Suggestion:
    """A suggestion ready for intake.suggestion_create (related rows saved)."""
    kwargs.setdefault("community", CommunityFactory())
    kwargs.setdefault("category", CategoryFactory())
    return SuggestionFactory.build(**kwargs)

"""Factories for the duty roster."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from rosters.models import DutyRule, RuleException, Swap
from tests.reception.factories import StationFactory


class DutyRuleFactory(DjangoModelFactory):
    class Meta:
        model = DutyRule
        skip_postgeneration_save = True

    station = factory.SubFactory(StationFactory)
    frequency = DutyRule.Frequency.MONTHLY
    nth = 2
    weekday = DutyRule.Weekday.WEDNESDAY
    starts_on = datetime.date(2026, 1, 1)
    part_of_day = DutyRule.PartOfDay.MORNING

    @factory.post_generation
    def deputies(self, create, extracted, **kwargs):
        if create and extracted:
            self.deputies.set(extracted)


class RuleExceptionFactory(DjangoModelFactory):
    class Meta:
        model = RuleException

    rule = factory.SubFactory(DutyRuleFactory)
    action = RuleException.Action.CANCEL


class SwapFactory(DjangoModelFactory):
    class Meta:
        model = Swap

    rule = factory.SubFactory(DutyRuleFactory)


def weekly_from_tomorrow(station, deputies, **extra):
    """A weekly morning rule on tomorrow's weekday, begun two weeks ago: its
    next date is tomorrow."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return DutyRuleFactory(
        station=station,
        deputies=deputies,
        frequency=DutyRule.Frequency.WEEKLY,
        nth=None,
        weekday=tomorrow.weekday(),
        starts_on=tomorrow - datetime.timedelta(days=14),
        **extra,
    )

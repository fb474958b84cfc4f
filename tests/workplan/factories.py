"""Factories for key works and the work plan."""

import datetime

import factory
from factory.django import DjangoModelFactory

from workplan.models import KeyWork, PlanHeading, PlanItem, PriorityLine, WorkPlan


class PriorityLineFactory(DjangoModelFactory):
    class Meta:
        model = PriorityLine
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"示例主线{n}")


class KeyWorkFactory(DjangoModelFactory):
    class Meta:
        model = KeyWork
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"示例重点工作{n}")
    priority_line = factory.SubFactory(PriorityLineFactory)
    start_year = 2021
    end_year = 2021
    status = KeyWork.Status.IN_PROGRESS


class PlanHeadingFactory(DjangoModelFactory):
    class Meta:
        model = PlanHeading
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"示例栏目{n}")
    report_part = PlanHeading.ReportPart.SPECIAL


class WorkPlanFactory(DjangoModelFactory):
    class Meta:
        model = WorkPlan
        django_get_or_create = ("year",)

    year = 2021


class PlanItemFactory(DjangoModelFactory):
    class Meta:
        model = PlanItem
        skip_postgeneration_save = True

    plan = factory.SubFactory(WorkPlanFactory)
    heading = factory.SubFactory(PlanHeadingFactory)
    title = factory.Sequence(lambda n: f"示例计划项目{n}")
    lead = "街人大工委"
    target_date = factory.LazyAttribute(lambda o: datetime.date(o.plan.year, 6, 30))
    measure = PlanItem.Measure.ACTIVITIES
    target_count = 2

    @factory.post_generation
    def deputies(self, create, extracted, **kwargs):
        if create and extracted:
            self.deputies.set(extracted)

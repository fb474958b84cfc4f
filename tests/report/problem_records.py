"""The records of one condition each of the drafted problems, made as staff and
residents would, and the drafted problems and plans as they read."""

import datetime

from deputies.models import DutyActivity
from reception.models import StandardItem
from report.builder import collect_figures, generate_paragraphs
from report.figures import plain_text
from suggestions.models import Suggestion
from suggestions.services import lifecycle
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.publicity.factories import ArticleFactory, OutletFactory, SubmissionFactory
from tests.reception.factories import StandardCheckFactory, StationFactory
from tests.suggestions.factories import SuggestionFactory
from tests.workplan.factories import (
    PlanHeadingFactory,
    PlanItemFactory,
    WorkPlanFactory,
)

from .conftest import day
from .suggestion_stories import at

YEAR = 2016
K = DutyActivity.Kind
PLACEHOLDER = "（本部分待工委撰写。）"
INTRO_ONE = "对照全年工作记录，工作中还存在不足："
INTRO_SEVERAL = "对照全年工作记录，工作中还存在以下不足："


def drafted(year=YEAR) -> dict[str, str]:
    """The drafted problems and plans of the year, as they read."""
    figures = collect_figures(year)
    return {
        p["key"]: plain_text(p["text"], figures)
        for p in generate_paragraphs(year, figures)
        if p["part"] in ("problems", "plans")
    }


def overdue_item(unit, kind=Suggestion.Kind.RESIDENT, month=3):
    """An item accepted, due three weeks later and never answered."""
    item = SuggestionFactory(kind=kind, received_at=at(YEAR, month, 1, 9))
    lifecycle.suggestion_accept(
        suggestion=item,
        actor=None,
        handling_unit=unit,
        due_date=datetime.date(YEAR, month, 22),
        at=at(YEAR, month, 2),
    )
    return item


def stations(meeting: int, short: int) -> None:
    """Stations meeting every item of the standard, and stations missing one."""
    items = list(StandardItem.objects.active())
    for i in range(meeting + short):
        station = StationFactory()
        for item in items:
            met = i < meeting or item != items[-1]
            StandardCheckFactory(station=station, item=item, met=met)


def trips(with_reflections: int, without: int) -> None:
    for i in range(with_reflections + without):
        trip = DutyActivityFactory(kind=K.TRAINING, date=day(5 + i))
        reflection = "示例心得体会" if i < with_reflections else ""
        AttendanceFactory(activity=trip, reflection=reflection)


def articles(accepted: int, refused: int) -> None:
    outlet = OutletFactory(name="示例区人大网站")
    for i in range(accepted + refused):
        article = ArticleFactory(date=day(3 + i % 9))
        SubmissionFactory(article=article, outlet=outlet, accepted=i < accepted)


def plan(year, done: int, left: int, heading=None, title="示例计划项目"):
    """Items of the year's plan, one record each to be done; `done` have it."""
    the_plan = WorkPlanFactory(year=year)
    heading = heading or PlanHeadingFactory(name="示例栏目")
    for i in range(done + left):
        item = PlanItemFactory(
            plan=the_plan,
            heading=heading,
            title=f"{title}{i + 1}",
            target_count=1,
            target_date=datetime.date(year, 6, 30),
            ordering=i,
        )
        if i < done:
            item.activities.add(DutyActivityFactory(date=datetime.date(year, 3, 1)))
    return the_plan

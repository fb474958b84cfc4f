"""This app's part of the 2018 demo year (see core/demo.py).

Every community station receives voters on the day its sign announces
(reception.demo's "每月第一个周五上午" and so on): one monthly rule per station
from its upgrade in 2018, with no end, so that the pages and posters show next
dates in any year. The National Day Friday of 2018 is cancelled at 梅隐寺 and
紫阳湖's December date moved a week. The report reads nothing of the roster.
"""

import datetime
import re

from reception.demo import STATIONS
from reception.models import Station

from .models import DutyRule, RuleException

NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6}
PARTS = {"上午": DutyRule.PartOfDay.MORNING, "下午": DutyRule.PartOfDay.AFTERNOON}
ANNOUNCED = re.compile(r"每月第([一二三四])个周([一二三四五六日])(上午|下午)")

# (station slug, planned date, moved to or None for cancelled, reason)
EXCEPTIONS = [
    ("meiyinsi", datetime.date(2018, 10, 5), None, "国庆假期"),
    ("ziyanghu", datetime.date(2018, 12, 14), datetime.date(2018, 12, 21), "会议调整"),
]


def announced_rule(text: str) -> dict:
    """The rule a station's reception days announce, e.g. 每月第一个周五上午."""
    match = ANNOUNCED.fullmatch(text)
    if match is None:
        raise ValueError(f"not a monthly reception day: {text}")
    nth, weekday, part = match.groups()
    return {
        "nth": NUMBERS[nth],
        "weekday": WEEKDAYS[weekday],
        "part_of_day": PARTS[part],
    }


def load(out) -> None:
    stations = Station.objects.in_bulk(list(STATIONS), field_name="slug")
    rules = {}
    for slug, (upgraded, days) in STATIONS.items():
        station = stations[slug]
        rule, _ = DutyRule.objects.update_or_create(
            station=station,
            frequency=DutyRule.Frequency.MONTHLY,
            starts_on=upgraded,
            defaults={**announced_rule(days), "active": True, "ends_on": None},
        )
        rule.deputies.set(station.deputies.all())
        rules[slug] = rule
    for slug, day, moved_to, reason in EXCEPTIONS:
        action = RuleException.Action.MOVE if moved_to else RuleException.Action.CANCEL
        RuleException.objects.update_or_create(
            rule=rules[slug],
            date=day,
            defaults={"action": action, "new_date": moved_to, "reason": reason},
        )
    out.write(f"  rosters: {len(rules)} station rules, {len(EXCEPTIONS)} exceptions")

"""Generated years: every number the drafted problems state is a count of the
year's records, each sentence is there exactly when its condition holds, and
no generated report has a placeholder or a 一是 without 二是."""

import datetime
import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deputies.models import Attendance, DutyActivity
from publicity.models import Article, Submission
from reception.models import StandardItem, Station
from report.document import ReportDocument
from report.figures import plain_text
from report.sections import problems
from suggestions.models import Suggestion, TimelineEntry
from workplan.models import PlanItem

from .problem_records import PLACEHOLDER, YEAR, articles, plan, stations, trips
from .suggestion_stories import Plan, at, make_item, ratings_counts, year_end_counts

pytestmark = pytest.mark.django_db
K = DutyActivity.Kind

YEARS = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
items = st.builds(
    Plan,
    month=st.integers(1, 12),
    accept=st.booleans(),
    answer=st.sampled_from([None, "year", "year", "later"]),
    rating=st.sampled_from([None, "satisfied", "basically", "unsatisfied"] * 2),
    close=st.sampled_from([None, "year"]),
    kind=st.sampled_from(["resident", "session"]),
    due_days=st.sampled_from([0, 10, 400]),
)
years = st.fixed_dictionaries(
    {
        "items": st.lists(items, max_size=5),
        "stations": st.lists(st.booleans(), max_size=3),
        "trips": st.lists(st.booleans(), max_size=3),
        "articles": st.lists(st.booleans(), max_size=4),
        "plan": st.lists(st.booleans(), max_size=3),
    }
)


def build_year(year) -> None:
    for story in year["items"]:
        make_item(YEAR, story)
    for meets in year["stations"]:
        stations(int(meets), int(not meets))
    for covered in year["trips"]:
        trips(int(covered), int(not covered))
    for accepted in year["articles"]:
        articles(int(accepted), int(not accepted))
    if year["plan"]:
        done = sum(year["plan"])
        plan(YEAR, done, len(year["plan"]) - done)


def overdue_units() -> dict[str, int]:
    """{handling unit: items} of the items overdue at the year's end, counted
    one item at a time from its records, the unit with most items first."""
    end, last_day = at(YEAR + 1, 1, 1, 0), datetime.date(YEAR, 12, 31)
    by_unit: dict[str, int] = {}
    for item in Suggestion.objects.filter(received_at__year=YEAR):
        moves = sorted(
            item.timeline.filter(kind=TimelineEntry.Kind.TRANSITION, at__lt=end),
            key=lambda e: (e.at, e.pk),
        )
        status = moves[-1].to_status if moves else Suggestion.Status.RECEIVED
        due = item.due_date
        if status in Suggestion.ACTIVE and due and due < last_day:
            name = item.handling_unit.name
            by_unit[name] = by_unit.get(name, 0) + 1
    return dict(sorted(by_unit.items(), key=lambda kv: (-kv[1], kv[0])))


def record_counts() -> dict[str, int]:
    """What 二 may state, counted from the records."""
    community = Station.objects.filter(kind=Station.Kind.COMMUNITY, active=True)
    active_items = set(StandardItem.objects.active().values_list("pk", flat=True))
    meeting = sum(
        active_items
        <= set(station.checks.filter(met=True).values_list("item", flat=True))
        for station in community
    )
    trips_of_year = DutyActivity.objects.filter(kind=K.TRAINING, date__year=YEAR)
    covered = {
        a.activity_id
        for a in Attendance.objects.filter(activity__in=trips_of_year, attended=True)
        if a.reflection
    }
    sent = Submission.objects.filter(sent_on__year=YEAR, outlet__is_own_channel=False)
    plan_items = PlanItem.objects.filter(plan__year=YEAR)
    return {
        **{f"items.{k}": v for k, v in year_end_counts(YEAR).items()},
        **{f"rated.{k}": v for k, v in ratings_counts(YEAR).items()},
        "stations": community.count(),
        "meeting": meeting,
        "trips": trips_of_year.count(),
        "covered": len(covered),
        "submitted": Article.objects.filter(submissions__in=sent).distinct().count(),
        "accepted": sent.filter(accepted=True).count(),
        "plan": plan_items.count(),
        "done": sum(
            item.activities.count() >= item.target_count for item in plan_items
        ),
    }


def expected_sentences(c: dict[str, int]) -> list[str]:
    """The sentences of 二 the counts call for, each with its numbers."""
    found = []
    if c["items.overdue"]:
        found.append(f"仍有{c['items.overdue']}条")
    if c["rated.unsatisfied"]:
        found.append(f"居民对{c['rated.unsatisfied']}次答复评价为不满意")
    if c["meeting"] < c["stations"]:
        found.append(f"全街{c['stations']}个社区代表接待站")
    if c["covered"] < c["trips"]:
        found.append(f"代表参加的{c['trips']}次考察学习")
    if c["submitted"] and 2 * c["accepted"] < c["submitted"]:
        found.append(f"全年投稿{c['submitted']}篇")
    if c["done"] and c["done"] < c["plan"]:
        found.append(f"年度工作计划{c['plan']}项工作中，完成{c['done']}项")
    elif c["done"] < c["plan"]:
        found.append(f"年度工作计划所列{c['plan']}项工作尚未完成")
    return found


def allowed_numbers(c: dict[str, int]) -> set[float]:
    rated = sum(c[f"rated.{s}"] for s in ("satisfied", "basically", "unsatisfied"))
    rates = set()
    if rated:
        rates.add(100 * (rated - c["rated.unsatisfied"]) / rated)
    if c["submitted"]:
        rates.add(100 * c["accepted"] / c["submitted"])
    counts = {
        c["items.overdue"],
        c["rated.unsatisfied"],
        c["stations"],
        c["stations"] - c["meeting"],
        c["trips"],
        c["trips"] - c["covered"],
        c["submitted"],
        c["accepted"],
        c["plan"],
        c["done"],
        c["plan"] - c["done"],
    }
    return {float(n) for n in counts} | {round(r, 1) for r in rates}


def check_problems(text: str, c: dict[str, int]) -> None:
    sentences = expected_sentences(c)
    for sentence in sentences:
        assert sentence in text, (sentence, text)
    assert ("一是" in text) == (len(sentences) > 1), text
    assert ("截至年底，仍有" in text) == bool(c["items.overdue"])
    assert ("评价为不满意" in text) == bool(c["rated.unsatisfied"])
    assert ("未达到" in text or "没有达到" in text) == (c["meeting"] < c["stations"])
    assert ("没有提交书面心得" in text) == (c["covered"] < c["trips"])
    low = c["submitted"] and 2 * c["accepted"] < c["submitted"]
    assert ("录用率仅为" in text or "尚未被媒体录用" in text) == bool(low)
    assert ("未完成" in text) == (c["done"] < c["plan"])
    units = list(overdue_units())
    if c["items.overdue"]:
        named = "、".join(units[: problems.UNITS_NAMED])
        assert f"涉及{named}" in text, (units, text)
    for unit in units:
        text = text.replace(unit, "")
    allowed = allowed_numbers(c)
    for number in re.findall(r"\d+(?:\.\d+)?", text):
        assert round(float(number), 1) in allowed, (number, text, c)


@YEARS
@given(year=years)
def test_every_number_of_a_generated_years_problems_is_a_count_of_its_records(db, year):
    with transaction.atomic():
        build_year(year)
        counts = record_counts()
        assert sum(overdue_units().values()) == counts["items.overdue"]
        document = ReportDocument.from_records(YEAR)
        text = document.plain_text()
        assert PLACEHOLDER not in text
        assert ("一是" in text) == ("二是" in text)
        problems_text = "\n".join(
            plain_text(p["text"], document.figures)
            for p in document.paragraphs
            if p["part"] == "problems"
        )
        check_problems(problems_text, counts)
        plans = [p["text"] for p in document.paragraphs if p["part"] == "plans"]
        assert plans and all(plans)
        transaction.set_rollback(True)

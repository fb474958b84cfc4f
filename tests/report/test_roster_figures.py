"""The duty roster's planned reception days against those held, in the
reception part of the report: the figures counted again from generated
rosters and sessions, and the sentence used only when what it states holds."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report.builder import collect_figures
from report.figures import Figure, plain_text
from report.sections import reception, reception_roster
from report.sections.reception_roster import HELD, PLANNED, roster_sentence
from rosters.figures import planned_and_held
from rosters.models import DutyRule
from rosters.recurrence import occurrences
from tests.factories import DeputyFactory
from tests.reception.factories import ReceptionSessionFactory, StationFactory
from tests.rosters.factories import DutyRuleFactory, RuleExceptionFactory

pytestmark = pytest.mark.django_db

YEAR = 2016
D = datetime.date

YEARS = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _session_on(station, day, deputies):
    return ReceptionSessionFactory(
        station=station,
        started_at=datetime.datetime(
            day.year, day.month, day.day, 2, tzinfo=datetime.UTC
        ),
        deputies=deputies,
    )


# A rule: weekly or monthly, begun and ended anywhere around the year; which of
# its dates are cancelled and which have a session (by position among them).
rules = st.fixed_dictionaries(
    {
        "weekly": st.booleans(),
        "weekday": st.integers(0, 6),
        "nth": st.integers(1, 4),
        "starts_on": st.dates(D(YEAR - 1, 6, 1), D(YEAR, 12, 31)),
        "length": st.one_of(st.none(), st.integers(0, 500)),
        "cancelled": st.sets(st.integers(0, 60), max_size=3),
        "held": st.sets(st.integers(0, 60), max_size=20),
    }
)


def _make(world) -> tuple[int, int]:
    """The generated rosters and sessions, and the planned and held days of
    the year counted from them directly."""
    first, last = D(YEAR, 1, 1), D(YEAR, 12, 31)
    planned = held = 0
    for spec in world:
        deputy = DeputyFactory()
        station = StationFactory(deputies=[deputy])
        ends_on = None
        if spec["length"] is not None:
            ends_on = spec["starts_on"] + datetime.timedelta(days=spec["length"])
        rule = DutyRuleFactory(
            station=station,
            deputies=[deputy],
            frequency=DutyRule.Frequency.WEEKLY
            if spec["weekly"]
            else DutyRule.Frequency.MONTHLY,
            nth=None if spec["weekly"] else spec["nth"],
            weekday=spec["weekday"],
            starts_on=spec["starts_on"],
            ends_on=ends_on,
        )
        # The rule's dates around the year, so that some fall outside it.
        days = occurrences(rule, D(YEAR - 1, 6, 1), D(YEAR + 1, 12, 31))
        cancelled = {days[i] for i in spec["cancelled"] if i < len(days)}
        for day in cancelled:
            RuleExceptionFactory(rule=rule, date=day)
        sessions = {days[i] for i in spec["held"] if i < len(days)}
        for day in sessions:
            _session_on(station, day, [deputy])
        in_year = [d for d in days if first <= d <= last and d not in cancelled]
        planned += len(in_year)
        held += len([d for d in in_year if d in sessions])
    return planned, held


def _check(planned: int, held: int) -> None:
    figures = reception.figures(YEAR)
    counts = planned_and_held(YEAR)
    assert figures[PLANNED].value == counts["planned"] == planned
    assert figures[HELD].value == counts["held"] == held
    assert counts["to_come"] == 0  # a past year has no date to come
    _check_sentence(figures)


def _sessions_text(figures: dict[str, Figure], language: str) -> str:
    with translation.override(language):
        paragraphs = reception.paragraphs(YEAR, figures)
    (paragraph,) = [p for p in paragraphs if p.key == "reception.sessions"]
    return plain_text(paragraph.text, figures)


def _check_sentence(figures: dict[str, Figure]) -> None:
    """The sentence is there exactly when a day was planned, and claims every
    day held only when every day was."""
    planned, held = figures[PLANNED].value, figures[HELD].value
    zh = _sessions_text(figures, "zh-hans")
    en = _sessions_text(figures, "en")
    assert ("按排班计划安排接待日" in zh) == (planned > 0)
    assert ("The duty roster planned" in en) == (planned > 0)
    if not planned:
        return
    assert f"按排班计划安排接待日{planned}次" in zh
    assert f"planned {planned} reception day" in en
    assert ("均按计划开展" in zh) == (held >= planned)
    assert ("as planned" in en) == (held >= planned)
    if held:
        assert f"实际开展接待{held}次" in zh
        assert f" {held} " in en
    else:
        assert "尚无按计划开展接待的记录" in zh
        assert "no reception is recorded as held" in en


@YEARS
@given(world=st.lists(rules, max_size=3))
def test_every_generated_year_counts_the_planned_and_held_days(db, world):
    with transaction.atomic():
        _check(*_make(world))
        transaction.set_rollback(True)


EDGES = {
    "no roster": [],
    "a roster with no session held": [
        {"weekly": False, "weekday": 2, "nth": 2, "starts_on": D(YEAR, 1, 1)}
        | {"length": None, "cancelled": set(), "held": set()}
    ],
    "every day held": [
        {"weekly": False, "weekday": 0, "nth": 1, "starts_on": D(YEAR, 10, 1)}
        | {"length": 60, "cancelled": set(), "held": {0, 1}}
    ],
    "one day planned and held": [
        {"weekly": True, "weekday": 4, "nth": 1, "starts_on": D(YEAR, 12, 20)}
        | {"length": 6, "cancelled": set(), "held": {0}}
    ],
    "some held, one cancelled": [
        {"weekly": True, "weekday": 1, "nth": 1, "starts_on": D(YEAR, 11, 1)}
        | {"length": None, "cancelled": {1}, "held": {0, 1, 2, 30}}
    ],
    "a roster only in other years": [
        {"weekly": True, "weekday": 3, "nth": 1, "starts_on": D(YEAR - 1, 6, 1)}
        | {"length": 100, "cancelled": set(), "held": {0, 1}}
    ],
}


@pytest.mark.parametrize("name", EDGES)
def test_edge_years(db, name):
    planned, held = _make(EDGES[name])
    expected = {
        "no roster": (0, 0),
        "a roster with no session held": (12, 0),
        "every day held": (2, 2),
        "one day planned and held": (1, 1),
        "some held, one cancelled": (8, 2),
        "a roster only in other years": (0, 0),
    }
    assert name in expected
    assert (planned, held) == expected[name]
    _check(planned, held)


@given(planned=st.integers(0, 400), data=st.data())
def test_the_sentence_states_what_the_figures_hold(planned, data):
    held = data.draw(st.integers(0, planned))
    figures = {
        PLANNED: Figure.count(PLANNED, planned, "planned"),
        HELD: Figure.count(HELD, held, "held"),
    }
    for language in ("zh-hans", "en"):
        with translation.override(language):
            text = plain_text(roster_sentence(figures), figures)
        assert bool(text) == (planned > 0)


def test_the_figures_are_listed_and_compared_like_other_reception_figures(db):
    figures = collect_figures(YEAR)
    keys = list(figures)
    # After the sessions' figures, in the reception provider's order.
    assert keys.index("reception.voters") < keys.index(PLANNED) < keys.index(HELD)
    for key in (PLANNED, HELD):
        assert figures[key].comparable
        link = reverse("admin:rosters_dutyrule_planned_held")
        assert figures[key].drilldown == f"{link}?year={YEAR}"
        assert figures[key].label and figures[key].label != key
    assert reception_roster.section in reception.PROVIDER.sections


def test_the_2018_demo_report_gains_only_the_roster_sentence(demo_2018, monkeypatch):
    figures = reception.figures(2018)
    counts = planned_and_held(2018)
    assert counts["planned"] > 0
    assert figures[PLANNED].value == counts["planned"]
    assert figures[HELD].value == counts["held"]
    with translation.override("zh-hans"):
        now = reception.paragraphs(2018, figures)
        monkeypatch.setattr(reception, "roster_sentence", lambda figures: "")
        before = reception.paragraphs(2018, figures)
    assert [p.key for p in now] == [p.key for p in before]
    for new, old in zip(now, before, strict=True):
        if new.key != "reception.sessions":
            assert new.text == old.text
            continue
        sentence = new.text.removeprefix(old.text)
        assert sentence != new.text
        assert plain_text(sentence, figures).startswith(
            f"全年按排班计划安排接待日{counts['planned']}次"
        )

"""Whatever a year holds, its report reads true: many generated years of
sessions in any mode, suggestions with any replies, ratings and closures, and
deputies with or without records, each checked against the records."""

import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reception.models import ReceptionSession
from report.document import ReportDocument
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.factories import DeputyFactory
from tests.reception.factories import ReceptionSessionFactory

from .conftest import day, moment
from .suggestion_stories import Plan, make_item, ratings_counts, year_end_counts

pytestmark = pytest.mark.django_db

YEAR = 2016
Mode = ReceptionSession.Mode

YEARS = settings(
    max_examples=12,
    deadline=None,
    # No example database: nothing is written into the working tree.
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

plans = st.builds(
    Plan,
    month=st.integers(1, 12),
    accept=st.booleans(),
    answer=st.sampled_from([None, "year", "later"]),
    rating=st.sampled_from([None, "satisfied", "basically", "unsatisfied"]),
    close=st.sampled_from([None, "year", "later"]),
    escalate=st.booleans(),
    kind=st.sampled_from(["resident", "resident", "session", "inter_session"]),
)
years = st.fixed_dictionaries(
    {
        "sessions": st.lists(st.sampled_from(Mode.values), max_size=4),
        "items": st.lists(plans, max_size=5),
        # Per deputy: attends an activity, takes part in a session, or neither.
        "deputies": st.lists(
            st.sampled_from(["activity", "session", None]), min_size=1, max_size=3
        ),
    }
)


def build_year(year) -> set:
    """The records of the generated year; the deputies with archive records."""
    deputies = [DeputyFactory() for _ in year["deputies"]]
    sessions = [
        ReceptionSessionFactory(mode=mode, started_at=moment(1 + i))
        for i, mode in enumerate(year["sessions"])
    ]
    activity = DutyActivityFactory(date=day(5))
    with_records = set()
    for deputy, what in zip(deputies, year["deputies"], strict=True):
        if what == "activity":
            AttendanceFactory(activity=activity, deputy=deputy, attended=True)
        elif what == "session" and sessions:
            sessions[0].deputies.add(deputy)
        else:
            continue
        with_records.add(deputy.pk)
    for plan in year["items"]:
        make_item(YEAR, plan)
    return with_records


def number_after(text: str, before: str, after: str) -> int | None:
    found = re.search(re.escape(before) + r"(\d+)" + re.escape(after), text)
    return int(found.group(1)) if found else None


def check_enumerations(text: str) -> None:
    """No 一是 without 二是, and no 二是 without 一是."""
    assert ("一是" in text) == ("二是" in text)


def check_modes(text: str, year) -> None:
    n = len(year["sessions"])
    centralised = year["sessions"].count(Mode.CENTRALISED)
    if not n:
        assert "本年度没有接待选民活动的记录" in text
        return
    assert f"接待群众活动{n}次" in text
    if centralised == n:
        assert "以集中接待的方式" in text
    elif centralised:
        assert "以集中接待的方式" not in text
        assert f"其中集中接待{centralised}次" in text
    else:
        assert "集中接待" not in text


def check_suggestions(text: str) -> None:
    counts = year_end_counts(YEAR)
    if not counts["received"]:
        assert "全年登记" not in text
        return
    sentence = re.search(r"全年登记[^。]*。", text).group(0)
    received = counts["received"]
    for name, some, every in (
        ("answered", "已答复", "已答复"),
        ("closed", "办结", "已办结"),
    ):
        n = counts[name]
        if not n:
            assert some not in sentence, (name, sentence)
        elif n < received:
            assert number_after(sentence, some, "条") == n, (name, sentence)
        else:
            all_of = f"均{every}" if received > 1 else f"，{every}"
            assert all_of in sentence and number_after(sentence, some, "条") is None
    rated = sum(ratings_counts(YEAR).values())
    if rated:
        assert f"居民对{rated}次答复作出评价" in text
        for score, n in ratings_counts(YEAR).items():
            label = {"satisfied": "满意", "basically": "基本满意"}.get(score, "不满意")
            if n and n < rated:
                assert f"、{label}{n}次" in text or f"其中{label}{n}次" in text
    else:
        assert "作出评价" not in text
    if counts["reopened"]:
        assert f"重新办理{counts['reopened']}条" in text


def check_archives(text: str, with_records: set) -> None:
    if not with_records:
        assert "本年度没有代表履职档案的记录" in text
    else:
        assert "本年度没有代表履职档案的记录" not in text
        assert re.search(rf"完整记录(全部)?{len(with_records)}名代表", text)


@YEARS
@given(year=years)
def test_every_generated_year_reads_true(db, year):
    with transaction.atomic():
        with_records = build_year(year)
        text = ReportDocument.from_records(YEAR).plain_text()
        check_enumerations(text)
        check_modes(text, year)
        check_suggestions(text)
        check_archives(text, with_records)
        transaction.set_rollback(True)

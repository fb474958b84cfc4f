"""The deputies' study in the report, whatever a year holds: the study sessions
(集中学习) with what they studied, the sentence joining study at home and study
trips (一静一动), and the sentence opening the special activities, each only
when its records are there, with the records' own counts and titles."""

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from deputies.models import DutyActivity
from report.document import ReportDocument
from tests.deputies.factories import DutyActivityFactory

from .conftest import day
from .test_report_properties import YEAR, YEARS

pytestmark = pytest.mark.django_db
K = DutyActivity.Kind

TOPICS = ["《示例法》", "示例讲话精神", "《示例决定》"]

activities = st.lists(
    st.tuples(
        st.sampled_from([K.STUDY, K.TRAINING, K.SYMPOSIUM, K.POVERTY_VISIT]),
        st.sampled_from(TOPICS),
        st.booleans(),  # in the year, or in the year before
    ),
    max_size=6,
)


def build(year_activities) -> None:
    for month, (kind, topic, this_year) in enumerate(year_activities, start=1):
        title = f"学习{topic}" if kind == K.STUDY else f"示例{kind}活动"
        DutyActivityFactory(
            kind=kind,
            title=title,
            date=day(month, year=YEAR if this_year else YEAR - 1),
            topics="示例议题" if kind == K.SYMPOSIUM else "",
        )


def check(text: str) -> None:
    studies = DutyActivity.objects.filter(kind=K.STUDY, date__year=YEAR).order_by(
        "date", "id"
    )
    n = studies.count()
    topics = list(
        dict.fromkeys(
            t.removeprefix("学习") for t in studies.values_list("title", flat=True)
        )
    )
    if not n:
        assert "集中学习" not in text
    elif n == 1:
        assert f"组织人大代表集中学习了{topics[0]}，" in text
    else:
        assert f"组织人大代表集中学习{n}次，深入学习了{'、'.join(topics)}等内容" in text
    trips = DutyActivity.objects.filter(kind=K.TRAINING, date__year=YEAR).exists()
    assert ("一静一动" in text) == (bool(n) and trips)
    group = DutyActivity.objects.filter(
        kind__in=[K.SYMPOSIUM, K.POVERTY_VISIT], date__year=YEAR
    ).exists()
    assert ("扎实开展代表小组活动" in text) == group


@YEARS
@given(year_activities=activities)
def test_every_generated_year_reads_true_of_its_study(db, year_activities):
    with transaction.atomic():
        build(year_activities)
        text = ReportDocument.from_records(YEAR).plain_text()
        check(text)
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    "year_activities",
    [
        [],  # no study at all
        [(K.STUDY, TOPICS[0], True)],  # one session
        [(K.STUDY, TOPICS[0], True), (K.STUDY, TOPICS[0], True)],  # one topic twice
        [(K.STUDY, TOPICS[1], False), (K.TRAINING, TOPICS[0], True)],  # last year's
        [(K.STUDY, t, True) for t in TOPICS] + [(K.TRAINING, TOPICS[0], True)],
    ],
)
def test_edge_years(db, year_activities):
    build(year_activities)
    check(ReportDocument.from_records(YEAR).plain_text())

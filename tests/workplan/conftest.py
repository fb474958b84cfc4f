import datetime

import pytest

from deputies.models import DutyActivity
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.workplan.factories import KeyWorkFactory, PlanItemFactory


@pytest.fixture
def zhang_item(zhang):
    """A 2021 plan item that names the deputy Zhang."""
    return PlanItemFactory(title="张代表参加的视察", deputies=[zhang])


@pytest.fixture
def zhang_key_work(zhang):
    """A 2021 key work whose symposium Zhang attended."""
    key_work = KeyWorkFactory(title="示例河道治理")
    activity = DutyActivityFactory(
        kind=DutyActivity.Kind.SYMPOSIUM,
        topics="示例河道治理",
        date=datetime.date(2021, 4, 1),
    )
    AttendanceFactory(activity=activity, deputy=zhang)
    key_work.activities.add(activity)
    return key_work

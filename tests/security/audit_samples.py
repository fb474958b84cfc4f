"""Shared by the audit-trail tests: sample sessions, the events recorded, and
the personal data that must never reach the trail."""

import datetime

import pytest
from django.utils import timezone

from security.models import AuditEvent
from tests.reception.factories import (
    ReceptionSessionFactory,
    SessionIssueFactory,
    StationFactory,
)

CHANGELIST = "/admin/security/auditevent/"
MY_CHANGES = "/my/changes/"
# Personal data a deputy might type by mistake: it must never reach the trail.
PHONE = "13912345678"
SUMMARY = f"走访居民王某某，电话{PHONE}，住示例路8号。"
ISSUE = "示例路8号王某某家门前路灯不亮。"
REFLECTION = "学习了接待选民的方法，回来后要把工作做得更细更实。"


def changes(**filters) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            action__in=AuditEvent.RECORD_ACTIONS, **filters
        ).order_by("pk")
    )


def assert_no_values(*values):
    for event in changes():
        written = " ".join([event.target, event.detail, event.record_type])
        for value in values:
            assert value not in written, (event.pk, value)


@pytest.fixture
def station(zhang):
    return StationFactory(name="示例审计接待站", deputies=[zhang])


@pytest.fixture
def own_session(station, zhang, deputy_user):
    # To the minute, as the form sends it, so that an unchanged form is unchanged.
    when = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(hours=1)
    session = ReceptionSessionFactory(
        station=station,
        started_at=when,
        deputies=[zhang],
        created_by=deputy_user,
        summary="原概况",
    )
    SessionIssueFactory(session=session, text="原有问题")
    return session


def new_session_data(station, *issues):
    when = timezone.localtime() - datetime.timedelta(hours=2)
    data = {
        "station": station.pk,
        "started_at": when.strftime("%Y-%m-%dT%H:%M"),
        "mode": "centralised",
        "voters_received": "12",
        "summary": SUMMARY,
        "issues-TOTAL_FORMS": str(max(len(issues), 1)),
        "issues-INITIAL_FORMS": "0",
        "issues-MIN_NUM_FORMS": "0",
        "issues-MAX_NUM_FORMS": "30",
    }
    for index, text in enumerate(issues):
        data[f"issues-{index}-text"] = text
    return data


def edit_data(session, **overrides):
    issue = session.issues.get()
    data = {
        "station": session.station_id,
        "started_at": timezone.localtime(session.started_at).strftime("%Y-%m-%dT%H:%M"),
        "mode": session.mode,
        "voters_received": str(session.voters_received),
        "summary": session.summary,
        "issues-TOTAL_FORMS": "1",
        "issues-INITIAL_FORMS": "1",
        "issues-MIN_NUM_FORMS": "0",
        "issues-MAX_NUM_FORMS": "30",
        "issues-0-id": issue.pk,
        "issues-0-session": session.pk,
        "issues-0-text": issue.text,
    }
    data.update(overrides)
    return data

"""The demo year has residents who asked for notices, each notice recorded sent."""

import io

import pytest

from suggestions import demo_notices
from suggestions.models import ResidentNotice, Suggestion

pytestmark = pytest.mark.django_db


def test_the_demo_year_has_notices_opted_in_and_sent(demo_2018):
    opted = Suggestion.objects.exclude(notice_channel="")
    assert set(opted.values_list("notice_channel", flat=True)) == {"sms", "email"}
    assert opted.count() == len(demo_notices.CHOICES)
    for item in opted:
        public_changes = item.timeline.filter(
            public=True, kind__in=("received", "transition")
        ).count()
        assert public_changes >= 1
        assert item.resident_notices.count() == public_changes
        assert not item.resident_notices.pending().exists()
        # The demo's invented numbers and addresses only.
        assert item.submitter_phone.startswith("1380000")
        assert item.notice_email in ("", "jumin-demo@example.invalid")


def test_loading_the_notices_again_changes_nothing(demo_2018):
    before = ResidentNotice.objects.count()
    demo_notices.load(io.StringIO())
    assert ResidentNotice.objects.count() == before

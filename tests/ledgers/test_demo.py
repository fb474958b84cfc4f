"""load_demo imports the sample ledgers, once however often it runs."""

import io

import pytest
from django.core.management import call_command

from deputies.models import DutyActivity
from ledgers.demo import ROWS
from publicity.models import Submission
from reception.models import ReceptionSession
from suggestions.models import Suggestion

pytestmark = pytest.mark.django_db


def _sample_records():
    return {
        "sessions": ReceptionSession.objects.filter(
            summary__in=[row[7] for row in ROWS["sessions"] if row[7]]
        ).count(),
        "activities": DutyActivity.objects.filter(
            title__in=[row[2] for row in ROWS["activities"]]
        ).count(),
        "suggestions": Suggestion.objects.filter(
            title__in=[row[5] for row in ROWS["suggestions"]]
        ).count(),
        "articles": Submission.objects.filter(
            article__title__in=[row[0] for row in ROWS["articles"]]
        ).count(),
    }


def test_load_demo_imports_the_samples_once(demo_2018):
    expected = {
        "sessions": len([row for row in ROWS["sessions"] if row[7]]),
        "activities": len(ROWS["activities"]),
        "suggestions": len(ROWS["suggestions"]),
        "articles": len(ROWS["articles"]),
    }
    assert _sample_records() == expected
    sessions_2019 = ReceptionSession.objects.in_year(2019).count()
    call_command("load_demo", stdout=io.StringIO())
    assert _sample_records() == expected
    assert ReceptionSession.objects.in_year(2019).count() == sessions_2019

import pytest
from django.core.management import call_command
from django.urls import reverse

from suggestions.models import Escalation, Rating, Suggestion
from suggestions.views import TRACKED_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_2018, db):
    """The demo year, loaded once for this module."""
    return None


def check_the_2018_figures_come_out_of_the_records(demo):
    figures = Suggestion.objects.figures(2018)
    assert figures["session"] == 6
    assert figures["inter_session"] == 4
    assert figures["deputy_total"] == 10
    assert figures["deputy_replied"] == 10
    assert figures["deputy_replied_percent"] == 100
    assert figures["resident_collected"] == 72
    assert figures["resident_followed_up"] == 48
    assert figures["escalations"] == 1


def check_session_suggestions_belong_to_the_second_session_of_the_15th_congress(demo):
    sessions = set(
        Suggestion.objects.filter(kind="session").values_list(
            "congress_session", flat=True
        )
    )
    assert sessions == {"区十五届人大二次会议"}


def check_resident_opinions_come_from_the_channels_the_report_names(demo):
    sources = set(
        Suggestion.objects.resident_opinions().values_list("source", flat=True)
    )
    assert {"reception", "wechat_express", "community_group"} <= sources


def check_the_demo_has_a_spread_of_statuses_outcomes_and_ratings(demo):
    statuses = set(Suggestion.objects.values_list("status", flat=True))
    assert {"received", "accepted", "in_progress", "replied", "closed"} <= statuses
    assert {"rejected", "reopened"} <= statuses
    assert set(Suggestion.objects.values_list("outcome", flat=True)) >= {
        "A",
        "B",
        "C",
        "D",
    }
    assert set(Rating.objects.values_list("score", flat=True)) == {
        "satisfied",
        "basically",
        "unsatisfied",
    }


def check_the_meiyinsi_escalation_has_its_follow_ups(demo):
    escalation = Escalation.objects.select_related("suggestion", "city_deputy").get()
    assert "梅家山" in escalation.suggestion.title
    assert escalation.suggestion.community.name == "梅隐寺社区"
    assert escalation.city_deputy.level == "city"
    texts = " ".join(escalation.follow_ups.values_list("text", flat=True))
    assert "大石墩子已经拆除" in texts and "正在修复" in texts
    assert escalation.status == "partly"


def test_the_demo_is_idempotent(demo):
    counts = (Suggestion.objects.count(), Rating.objects.count())
    call_command("load_demo")
    assert (Suggestion.objects.count(), Rating.objects.count()) == counts


def check_tracking_pages_of_the_demo_show_no_names_or_phones(demo, client):
    for s in Suggestion.objects.resident_opinions():
        session = client.session
        session[TRACKED_KEY] = s.pk
        session.save()
        html = client.get(reverse("suggestions:track_result")).content.decode()
        # A voter's item a deputy passed on holds no contact details at all.
        for value in (s.submitter_phone, s.submitter_name, s.submitter_address):
            assert not value or value not in html


def check_the_demo_sent_no_notifications_about_2018(demo):
    from suggestions.models import Notification

    assert not Notification.objects.exists()


def test_the_demo_year_holds_what_the_2018_report_says(demo, client):
    """One load of the demo (it is slow) and every check of it."""
    check_the_2018_figures_come_out_of_the_records(demo)
    check_session_suggestions_belong_to_the_second_session_of_the_15th_congress(demo)
    check_resident_opinions_come_from_the_channels_the_report_names(demo)
    check_the_demo_has_a_spread_of_statuses_outcomes_and_ratings(demo)
    check_the_meiyinsi_escalation_has_its_follow_ups(demo)
    check_tracking_pages_of_the_demo_show_no_names_or_phones(demo, client)
    check_the_demo_sent_no_notifications_about_2018(demo)


def test_the_tracking_example_load_demo_prints_still_works_after_the_erasure(
    demo, client
):
    import io
    import re

    from suggestions.services.personal_data import erase_expired_personal_data

    # The scheduled jobs run as soon as the portal does; the 2018 items closed
    # long ago lose their contact details at once.
    assert erase_expired_personal_data() > 0
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    code, digits = re.search(
        r"track (\S+) with phone digits (\d{4})", out.getvalue()
    ).groups()
    response = client.post(
        reverse("suggestions:track"), {"code": code, "phone_last4": digits}
    )
    assert response.status_code == 302

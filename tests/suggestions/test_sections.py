import pytest
from django.urls import reverse

from suggestions import archive
from tests.factories import DeputyFactory
from tests.suggestions.factories import SuggestionFactory, replied

pytestmark = pytest.mark.django_db


def test_the_home_page_offers_submit_and_track_with_this_years_counts(client):
    replied(SuggestionFactory())
    SuggestionFactory()
    html = client.get(reverse("home")).content.decode()
    assert reverse("suggestions:suggest") in html
    assert reverse("suggestions:track") in html
    assert "共收到意见建议2条,已答复1条" in html


def test_the_archive_lists_what_a_deputy_raised_and_followed_in_a_year():
    deputy = DeputyFactory()
    raised = SuggestionFactory(raised_by=deputy, title="提出的建议")
    followed = SuggestionFactory(following_deputy=deputy, title="督办的意见")
    SuggestionFactory(title="别人的")
    year = raised.received_at.year
    section = archive.section(deputy, year)
    assert section["raised"] == [raised]
    assert section["followed"] == [followed]
    assert archive.section(deputy, year - 1) is None
    assert archive.section(deputy, None)["total"] == 2


def test_the_archive_has_nothing_for_a_deputy_without_items():
    assert archive.section(DeputyFactory(), None) is None


def test_the_archive_section_shows_no_contact_details():
    from django.template.loader import render_to_string

    deputy = DeputyFactory()
    s = SuggestionFactory(raised_by=deputy, submitter_phone="13877776666")
    html = render_to_string(
        "suggestions/_archive.html", {"section": archive.section(deputy, None)}
    )
    assert s.title in html and "13877776666" not in html


def test_the_public_pages_also_work_in_english(client):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("suggestions:suggest")).content.decode()
    assert "Privacy notice" in html
    html = client.get(reverse("suggestions:track")).content.decode()
    assert "Tracking code" in html

"""The next dates on the station page and the deputy profile, with the button
to the suggestion form."""

import datetime

from django.utils import timezone

from rosters.models import DutyRule
from tests.factories import DeputyFactory
from tests.utils import assert_constant_queries

from .factories import DutyRuleFactory, weekly_from_tomorrow


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def test_the_station_page_shows_the_next_dates_and_the_suggestion_button(
    client, station, zhang
):
    weekly_from_tomorrow(station, [zhang])
    body = client.get(f"/stations/{station.slug}/").content.decode()
    assert "近期接待日" in body
    assert f"{tomorrow():%Y-%m-%d}" in body
    assert f'href="/suggest/?station={station.slug}"' in body
    assert "提出意见建议" in body
    assert f"/stations/{station.slug}/calendar.ics" in body
    assert f"/stations/{station.slug}/poster.pdf" in body
    # Four dates at most.
    assert body.count('class="py-1 border-bottom"') == 4


def test_the_page_reached_from_a_poster_is_the_same_page(client, station, zhang):
    weekly_from_tomorrow(station, [zhang])
    response = client.get(f"/stations/{station.slug}/?from=qr")
    assert response.status_code == 200
    assert f'href="/suggest/?station={station.slug}"' in response.content.decode()


def test_the_deputy_profile_shows_the_deputys_dates(client, station, zhang, li):
    weekly_from_tomorrow(station, [zhang])
    body = client.get(f"/deputies/{zhang.pk}/").content.decode()
    assert f"{tomorrow():%Y-%m-%d}" in body
    assert station.name in body
    assert f'href="/suggest/?deputy={zhang.pk}"' in body
    other = client.get(f"/deputies/{li.pk}/").content.decode()
    assert "尚未安排接待日期" in other


def test_a_station_without_a_roster_says_so(client, station):
    assert (
        "尚未安排接待日期" in client.get(f"/stations/{station.slug}/").content.decode()
    )


def test_the_pages_make_a_constant_number_of_queries(client, station, zhang):
    def add_rules(n):
        for weekday in range(n):
            deputy = DeputyFactory()
            station.deputies.add(deputy)
            DutyRuleFactory(
                station=station,
                deputies=[zhang, deputy],
                frequency=DutyRule.Frequency.WEEKLY,
                nth=None,
                weekday=weekday % 7,
            )

    assert_constant_queries(lambda: client.get(f"/stations/{station.slug}/"), add_rules)
    assert_constant_queries(lambda: client.get(f"/deputies/{zhang.pk}/"), add_rules)


def test_a_roster_change_shows_at_once_on_the_cached_pages(
    client, settings, station, zhang
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    url = f"/stations/{station.slug}/"
    assert "尚未安排接待日期" in client.get(url).content.decode()
    assert "尚未安排接待日期" in client.get(f"/deputies/{zhang.pk}/").content.decode()
    rule = weekly_from_tomorrow(station, [zhang])
    assert f"{tomorrow():%Y-%m-%d}" in client.get(url).content.decode()
    assert (
        f"{tomorrow():%Y-%m-%d}"
        in client.get(f"/deputies/{zhang.pk}/").content.decode()
    )
    rule.active = False
    rule.save()
    assert "尚未安排接待日期" in client.get(url).content.decode()


def test_a_former_deputys_profile_has_no_roster_section(client, db):
    former = DeputyFactory(active_to=datetime.date(2016, 12, 31))
    body = client.get(f"/deputies/{former.pk}/").content.decode()
    assert "近期接待日" not in body
    assert "poster.pdf" not in body


def test_the_roster_on_the_pages_works_in_english(client, station, zhang):
    weekly_from_tomorrow(station, [zhang])
    client.cookies["django_language"] = "en"
    body = client.get(f"/stations/{station.slug}/").content.decode()
    assert "Next reception dates" in body
    assert "Give an opinion or suggestion" in body

import re

import pytest
from django.urls import reverse

from suggestions.models import Suggestion
from tests.suggestions.factories import SuggestionFactory
from tests.utils import assert_constant_queries

from .conftest import YEAR, build_year, moment

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"


def links(html: str) -> list[str]:
    return [
        href.replace("&amp;", "&")
        for href in re.findall(r'href="(/admin/[^"]+\?[^"]*)"', html)
    ]


def test_staff_see_the_dashboard_as_the_first_page_of_the_admin(
    staff_client, factory_year
):
    response = staff_client.get(ADMIN, {"year": YEAR})
    assert response.status_code == 200
    html = response.content.decode()
    assert "dash-title" in html
    assert 'data-series="stations"' in html
    assert 'data-metric="reception.voters"' in html
    # Every chart has its table, and the SVG is hidden from screen readers.
    charts = html.count('<figure class="dash-figure" aria-hidden="true">')
    assert charts == html.count("data-series=") == 7


def test_every_number_links_to_records_the_admin_can_list(staff_client, factory_year):
    html = staff_client.get(ADMIN, {"year": YEAR}).content.decode()
    found = links(html)
    assert len(found) > 10
    for url in set(found):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        # The admin falls back to ?e=1 when it refuses a lookup.
        assert "e=1" not in response.get("Location", ""), url


def test_the_community_filter_narrows_the_dashboard(staff_client, factory_year):
    other = build_year()
    response = staff_client.get(
        ADMIN, {"year": YEAR, "community": other["community"].pk}
    )
    assert response.status_code == 200
    html = response.content.decode()
    table = html.split('data-series="community"')[1].split("</table>")[0]
    assert f'<th scope="row">{other["community"].name}</th>' in table
    assert f'<th scope="row">{factory_year["community"].name}</th>' not in table


def test_a_bad_year_is_refused_with_a_chinese_message_and_400(staff_client):
    response = staff_client.get(ADMIN, {"year": "abc"})
    assert response.status_code == 400
    assert "请从列表中选择年份" in response.content.decode()


def test_an_unknown_community_is_refused_with_400(staff_client):
    response = staff_client.get(ADMIN, {"community": "999999"})
    assert response.status_code == 400
    assert "社区不存在" in response.content.decode()


def test_deputies_and_residents_never_reach_the_admin_dashboard(
    deputy_client, resident_client, client
):
    for c in (deputy_client, resident_client, client):
        response = c.get(ADMIN)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_staff_outside_the_committee_group_see_no_dashboard(django_user_model, client):
    outsider = django_user_model.objects.create_user(
        "it-support", password="x-very-long-pass", is_staff=True
    )
    client.force_login(outsider)
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert "dash-title" not in response.content.decode()


def test_the_admin_dashboard_keeps_constant_queries_as_rows_grow(
    staff_client, factory_year
):
    community = factory_year["community"]

    def add(n):
        for i in range(n):
            SuggestionFactory(
                community=community,
                received_at=moment(1 + i % 12),
                source=Suggestion.Source.PHONE,
            )
        build_year(community=community)

    assert_constant_queries(lambda: staff_client.get(ADMIN, {"year": YEAR}), add)


def test_a_deputy_sees_their_own_dashboard_at_my(deputy_client, zhang, factory_year):
    mine = factory_year["suggestions"][0]
    Suggestion.objects.filter(pk=mine.pk).update(following_deputy=zhang)
    response = deputy_client.get(reverse("my:dashboard"), {"year": YEAR})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-metric="received"' in html
    received = re.search(
        r'data-metric="received"><th scope="row">[^<]+</th>\s*<td class="dash-num">'
        r'(?:<a href="[^"]+">)?(\d+)',
        html,
    )
    assert received.group(1) == "1"
    # No admin link is offered to a deputy.
    assert "/admin/" not in html


def test_another_deputy_does_not_see_zhangs_items(
    other_deputy_client, li, zhang, factory_year
):
    mine = factory_year["suggestions"][0]
    Suggestion.objects.filter(pk=mine.pk).update(following_deputy=zhang)
    html = other_deputy_client.get(reverse("my:dashboard"), {"year": YEAR})
    received = re.search(
        r'data-metric="received"><th scope="row">[^<]+</th>\s*<td class="dash-num">'
        r'(?:<a href="[^"]+">)?(\d+)',
        html.content.decode(),
    )
    assert received.group(1) == "0"


def test_the_deputy_dashboard_refuses_residents_staff_and_strangers(
    resident_client, staff_client, client, deputy_user
):
    assert resident_client.get(reverse("my:dashboard")).status_code == 403
    assert staff_client.get(reverse("my:dashboard")).status_code == 403
    response = client.get(reverse("my:dashboard"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_deputy_login_without_a_record_is_refused(deputy_client):
    assert deputy_client.get(reverse("my:dashboard")).status_code == 403


def test_the_deputy_dashboard_refuses_a_bad_year_with_400(deputy_client, zhang):
    response = deputy_client.get(reverse("my:dashboard"), {"year": "1800"})
    assert response.status_code == 400
    assert "请从列表中选择年份" in response.content.decode()


def test_the_workspace_links_to_the_deputy_dashboard(deputy_client, zhang):
    html = deputy_client.get(reverse("my:home")).content.decode()
    assert reverse("my:dashboard") in html

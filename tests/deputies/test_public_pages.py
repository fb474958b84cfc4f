"""The public directory and profiles: useful to residents, never private."""

import pytest

from deputies.demo import DEMO_PHONE_PREFIX
from deputies.models import Deputy, DutyActivity
from tests.deputies.factories import ActivityPhotoFactory, AttendanceFactory
from tests.factories import CommunityFactory, ConstituencyFactory, DeputyFactory
from tests.utils import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_the_directory_lists_current_deputies(client):
    DeputyFactory(name="甲某")
    DeputyFactory(name="乙某", active_to="2017-01-01", active_from="2012-01-01")
    response = client.get("/deputies/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "甲某" in html
    assert "乙某" not in html


def test_the_directory_filters_by_level_constituency_and_community(client):
    one = ConstituencyFactory(number=1)
    two = ConstituencyFactory(number=2)
    here = CommunityFactory(slug="here")
    DeputyFactory(name="甲某某", constituency=one, community=here)
    DeputyFactory(name="乙某某", level="city", constituency=two)
    html = client.get("/deputies/", {"level": "city"}).content.decode()
    assert "乙某某" in html and "甲某某" not in html
    html = client.get("/deputies/", {"constituency": one.pk}).content.decode()
    assert "甲某某" in html and "乙某某" not in html
    html = client.get("/deputies/", {"community": here.pk}).content.decode()
    assert "甲某某" in html and "乙某某" not in html


def test_the_directory_searches_by_name(client):
    DeputyFactory(name="张某华")
    DeputyFactory(name="李某明")
    html = client.get("/deputies/", {"q": "某华"}).content.decode()
    assert "张某华" in html and "李某明" not in html


def test_the_directory_is_paginated_and_keeps_the_filters(client):
    DeputyFactory.create_batch(15, level="city")
    response = client.get("/deputies/", {"level": "city"})
    html = response.content.decode()
    assert "第 1 页,共 2 页" in html
    assert "?level=city&amp;page=2" in html
    assert len(response.context["page"]) == 12


def test_a_bad_filter_is_a_clear_400(client):
    DeputyFactory(name="甲某")
    response = client.get("/deputies/", {"constituency": "999"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "选择一个有效的选项" in html
    assert "甲某" not in html


def test_the_directory_keeps_a_constant_query_count(client):
    def fetch():
        assert client.get("/deputies/").status_code == 200

    assert_constant_queries(fetch, lambda n: DeputyFactory.create_batch(n))


def test_a_profile_shows_public_activity_with_photos(client):
    row = AttendanceFactory(activity__title="视察巡司河", activity__kind="inspection")
    ActivityPhotoFactory(activity=row.activity, caption="巡司河现场")
    AttendanceFactory(
        deputy=row.deputy, activity__title="内部会议", activity__is_public=False
    )
    AttendanceFactory(deputy=row.deputy, activity__title="未出席的活动", attended=False)
    response = client.get(f"/deputies/{row.deputy.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert row.deputy.name in html
    assert "视察巡司河" in html and 'alt="巡司河现场"' in html
    assert "内部会议" not in html
    assert "未出席的活动" not in html


def test_a_profile_keeps_a_constant_query_count(client):
    deputy = DeputyFactory()

    def add_rows(n):
        for _ in range(n):
            ActivityPhotoFactory(activity=AttendanceFactory(deputy=deputy).activity)

    def fetch():
        assert client.get(f"/deputies/{deputy.pk}/").status_code == 200

    assert_constant_queries(fetch, add_rows)


def test_an_unknown_deputy_is_a_404(client):
    assert client.get("/deputies/999999/").status_code == 404


def test_public_pages_refuse_post(client):
    assert client.post("/deputies/").status_code == 405


def test_no_demo_phone_number_appears_on_any_public_page(client, demo_2018):
    assert Deputy.objects.filter(phone__startswith=DEMO_PHONE_PREFIX).count() == 15
    pages = ["/", "/deputies/", "/deputies/?page=2", "/deputies/?q=某"]
    pages += [f"/deputies/{pk}/" for pk in Deputy.objects.values_list("pk", flat=True)]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert DEMO_PHONE_PREFIX not in html, url
        assert "****" not in html, url


def test_the_demo_profile_shows_2018_activities(client, demo_2018):
    zhang = Deputy.objects.get(name="张某华")
    html = client.get(f"/deputies/{zhang.pk}/").content.decode()
    assert "精准扶贫“回头看”" in html
    assert DutyActivity.objects.filter(is_public=False).exists()
    assert "发放《武昌政务简报》" not in html


def test_the_home_page_points_to_the_directory(client):
    DeputyFactory.create_batch(3)
    html = client.get("/").content.decode()
    assert "3 名人大代表服务本街道各社区" in html
    assert 'href="/deputies/"' in html


def test_the_directory_also_speaks_english(client):
    DeputyFactory(name="甲某", level="city")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/deputies/").content.decode()
    assert "People's congress deputies" in html
    assert "City deputy" in html

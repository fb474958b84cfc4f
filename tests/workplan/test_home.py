"""The public home page shows the year's key works: title and progress only."""

import datetime

import pytest
from django.urls import reverse

from tests.utils import assert_constant_queries
from tests.workplan.factories import KeyWorkFactory, PlanItemFactory
from workplan.home import showcase_year

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_public_key_works_with_their_progress(client):
    key_work = KeyWorkFactory(
        title="示例湖水治理", description="内部说明不公开", start_year=2021
    )
    PlanItemFactory(key_work=key_work)
    KeyWorkFactory(title="内部重点工作", is_public=False)
    body = client.get(reverse("home")).content.decode()
    assert "示例湖水治理" in body
    assert "计划项目已完成 0/1" in body
    assert "内部说明不公开" not in body
    assert "内部重点工作" not in body


def test_the_showcase_year_is_this_year_or_the_latest_before_it():
    KeyWorkFactory(start_year=2019, end_year=2019)
    KeyWorkFactory(start_year=2021, end_year=2021)
    assert showcase_year(datetime.date(2021, 5, 1)) == 2021
    assert showcase_year(datetime.date(2020, 5, 1)) == 2019
    assert showcase_year(datetime.date(2018, 5, 1)) is None


def test_without_key_works_the_home_page_has_no_key_work_section(client):
    assert "home-key-works" not in client.get(reverse("home")).content.decode()


def test_the_home_page_takes_constant_queries_with_more_key_works(client):
    def add_rows(n):
        for _ in range(n):
            PlanItemFactory(key_work=KeyWorkFactory(), match_rule=True)

    assert_constant_queries(lambda: client.get(reverse("home")), add_rows)

"""/my/plan/: the plan items and key works a deputy takes part in."""

import pytest
from django.urls import reverse

from tests.factories import DeputyFactory
from tests.utils import assert_constant_queries
from tests.workplan.factories import KeyWorkFactory, PlanItemFactory, WorkPlanFactory

pytestmark = pytest.mark.django_db

URL = reverse("workplan:my_plan")


def test_a_deputy_sees_the_items_and_key_works_they_take_part_in(
    deputy_client, zhang_item, zhang_key_work, li
):
    PlanItemFactory(title="只有李代表参加的项目", deputies=[li])
    KeyWorkFactory(title="与张代表无关的重点工作")
    response = deputy_client.get(URL, {"year": 2021})
    assert response.status_code == 200
    body = response.content.decode()
    assert "张代表参加的视察" in body
    assert "示例河道治理" in body
    assert "只有李代表参加的项目" not in body
    assert "与张代表无关的重点工作" not in body


def test_without_a_year_the_latest_plan_is_shown(deputy_client, zhang):
    PlanItemFactory(title="二〇二一年的项目", deputies=[zhang])
    PlanItemFactory(
        title="二〇二二年的项目", plan=WorkPlanFactory(year=2022), deputies=[zhang]
    )
    body = deputy_client.get(URL).content.decode()
    assert "二〇二二年的项目" in body
    assert "二〇二一年的项目" not in body


def test_the_other_deputy_does_not_see_zhangs_items(
    other_deputy_client, li, zhang_item
):
    response = other_deputy_client.get(URL, {"year": 2021})
    assert response.status_code == 200
    assert "张代表参加的视察" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("persona", ["resident_client", "staff_client"])
def test_accounts_without_a_deputy_record_are_refused(request, persona):
    assert request.getfixturevalue(persona).get(URL).status_code == 403


def test_a_deputy_login_without_a_linked_deputy_is_refused(deputy_client):
    assert deputy_client.get(URL).status_code == 403


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("abc", "请输入年份，例如2019。"),
        ("2019.5", "请输入年份，例如2019。"),
        ("1899", "2100"),
        ("99999", "2100"),
    ],
)
def test_a_bad_year_is_refused_with_a_clear_chinese_message(
    deputy_client, zhang_item, bad, message
):
    response = deputy_client.get(URL, {"year": bad}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and "年份" in body
    assert "张代表参加的视察" not in body


def test_the_page_only_answers_get(deputy_client, zhang):
    assert deputy_client.post(URL).status_code == 405


def test_queries_do_not_grow_with_items(deputy_client, zhang):
    def add_rows(n):
        for _ in range(n):
            item = PlanItemFactory(deputies=[zhang, DeputyFactory()], match_rule=True)
            key_work = KeyWorkFactory()
            item.key_work = key_work
            item.save(update_fields=["key_work"])

    assert_constant_queries(lambda: deputy_client.get(URL, {"year": 2021}), add_rows)


def test_the_workspace_links_to_the_plan_page(deputy_client, zhang):
    body = deputy_client.get(reverse("my:home")).content.decode()
    assert URL in body

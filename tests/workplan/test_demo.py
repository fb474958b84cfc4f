"""The demo year: the 2018 key works of the report and the 2019 plan of its 三."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from deputies.models import DutyActivity
from workplan.models import KeyWork, PlanItem, WorkPlan
from workplan.selectors import plan_items

pytestmark = pytest.mark.django_db

KEY_WORKS_2018 = [
    "红色物业",
    "幸福驿站",
    "“大湖+”",
    "“双评议”",
    "巡司河综合治理",
    "紫阳湖水质提升",
]

# What section 三 of the 2018 report plans for 2019, as words of the items.
SEED_PLAN_2019 = [
    "人民代表大会制度",
    "改革开放40周年",
    "学习培训",
    "经验交流",
    "明伦片",
    "城管精细化管理",
    "七军会",
    "《消费者权益保护法》",
    "《档案法》",
    "《道路交通安全法》",
    "代表统一活动日",
    "述职",
    "微改造",
    "工作机制",
]


@pytest.fixture
def demo(demo_2018, db):
    """The demo year, loaded once for this module."""
    return None


def test_each_2018_key_work_is_linked_to_its_symposium_and_an_article(demo):
    key_works = KeyWork.objects.filter(start_year=2018).with_counts()
    assert sorted(k.title for k in key_works) == sorted(KEY_WORKS_2018)
    for key_work in key_works:
        symposiums = list(key_work.activities.all())
        assert [a.kind for a in symposiums] == [DutyActivity.Kind.SYMPOSIUM]
        assert key_work.title in symposiums[0].topic_list()
        assert key_work.article_count >= 1, key_work.title
        assert key_work.priority_line is not None


def test_key_works_raised_by_voters_carry_their_sessions_and_suggestions(demo):
    river = KeyWork.objects.get(title="巡司河综合治理")
    assert river.sessions.exists()
    assert all("巡司河" in s.title + s.text for s in river.suggestions.all())
    assert river.suggestions.exists()
    lake = KeyWork.objects.get(title="紫阳湖水质提升")
    assert lake.sessions.filter(summary__contains="紫阳湖水质").exists()


def test_each_2018_key_works_admin_page_shows_its_linked_records(demo, staff_client):
    for key_work in KeyWork.objects.filter(start_year=2018):
        url = reverse("admin:workplan_keywork_change", args=[key_work.pk])
        body = staff_client.get(url).content.decode()
        for activity in key_work.activities.all():
            assert activity.title in body
        for article in key_work.articles.all():
            assert article.title in body
        assert "<img " in body


def test_the_2019_plan_lists_the_seeds_items_under_their_headings(demo):
    plan = WorkPlan.objects.get(year=2019)
    assert plan.introduction.startswith("2019年，人大紫阳街工委")
    items = plan_items(2019)
    text = " ".join(item.title + item.description for item in items)
    for words in SEED_PLAN_2019:
        assert words in text, words
    headings = []
    for item in items:
        if item.heading.name not in headings:
            headings.append(item.heading.name)
    assert headings == ["政治理论学习", "学习培训", "监督", "代表活动", "自身建设"]
    assert all(item.target_date.year == 2019 for item in items)


def test_the_2019_plan_serves_the_2019_key_works(demo):
    old_town = PlanItem.objects.get(title__contains="明伦片")
    assert old_town.key_work.title == "三旧改造（明伦片）"
    assert old_town.key_work.start_year == 2019


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (
        KeyWork.objects.count(),
        PlanItem.objects.count(),
        sorted(KeyWork.objects.values_list("title", "activities", "articles")),
        sorted(PlanItem.objects.values_list("title", "deputies")),
    )
    call_command("load_demo")
    assert counts == (
        KeyWork.objects.count(),
        PlanItem.objects.count(),
        sorted(KeyWork.objects.values_list("title", "activities", "articles")),
        sorted(PlanItem.objects.values_list("title", "deputies")),
    )

"""The 2018 figures of the work report, 一(五), come out of queries on the demo."""

import pytest
from django.core.management import call_command

from publicity.models import Article, Outlet, Submission

pytestmark = pytest.mark.django_db


def test_sixteen_articles_were_submitted_in_2018(demo):
    assert Article.objects.submitted_in(2018).count() == 16


def test_acceptances_by_outlet_match_the_report(demo):
    assert Submission.objects.accepted_by_outlet(2018) == {
        "《人民意志》": 1,
        "《长江日报》": 1,
        "《武汉晚报》": 1,
        "市人大网站": 3,
        "区人大网站": 10,
        "区内网": 13,
    }


def test_acceptances_outnumber_articles_because_outlets_count_independently(demo):
    accepted = sum(Submission.objects.accepted_by_outlet(2018).values())
    assert accepted == 29
    assert accepted > Article.objects.submitted_in(2018).count()


def test_six_deputy_profile_posts_went_out_on_ziyang_weilinli(demo):
    wechat = Outlet.objects.get(name="紫阳微邻里")
    posts = Article.objects.posted_on_own_channel_in(2018, wechat).profile_posts()
    assert posts.count() == 6
    assert all(post.deputies.exists() for post in posts)


def test_profile_posts_are_not_counted_as_submissions(demo):
    submitted = Article.objects.submitted_in(2018)
    assert not submitted.profile_posts().exists()


def test_outlet_table_gives_the_same_figures(demo):
    accepted = {o.name: o.accepted for o in Outlet.objects.with_counts(2018)}
    assert accepted["区内网"] == 13
    assert accepted["紫阳微邻里"] == 6


def test_nothing_is_counted_in_another_year(demo):
    # 2019 holds the sample ledgers the demo imports (docs/import/); the demo's
    # own 2018 articles count in no year around it.
    for year in (2017, 2020):
        assert Article.objects.submitted_in(year).count() == 0
        assert Submission.objects.accepted_by_outlet(year) == {}


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (
        Outlet.objects.count(),
        Article.objects.count(),
        Submission.objects.count(),
        list(Submission.objects.values_list("pk", "accepted", "accepted_on")),
    )
    call_command("load_demo")
    after = (
        Outlet.objects.count(),
        Article.objects.count(),
        Submission.objects.count(),
        list(Submission.objects.values_list("pk", "accepted", "accepted_on")),
    )
    assert after == before


def test_demo_articles_are_linked_to_what_they_report_on(demo):
    poverty = Article.objects.get(title__contains="精准扶贫")
    assert poverty.activities.count() == 3
    assert {a.kind for a in poverty.activities.all()} == {"poverty_visit"}
    road = Article.objects.get(title__contains="道路坑洼")
    session = road.sessions.get()
    assert session.station.slug == "meiyinsi"
    assert road.date >= session.started_at.date()
    linked = Article.objects.filter(activities__isnull=False).distinct().count()
    assert linked >= 7

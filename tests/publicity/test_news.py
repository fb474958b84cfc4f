"""The public news list and article pages."""

import datetime

import pytest
from django.urls import reverse

from tests.deputies.factories import DutyActivityFactory
from tests.factories import DeputyFactory
from tests.reception.factories import ReceptionSessionFactory
from tests.utils import assert_constant_queries

from .factories import (
    ArticleFactory,
    ArticleImageFactory,
    OutletFactory,
    SubmissionFactory,
)

pytestmark = pytest.mark.django_db

NEWS = "/news/"


def test_news_url_names_resolve_to_the_public_paths():
    assert reverse("publicity:news_list") == NEWS
    assert reverse("publicity:news_detail", args=[7]) == "/news/7/"


def test_anyone_reads_the_news_list_newest_first(client):
    ArticleFactory(title="较早的新闻", date=datetime.date(2018, 3, 1))
    ArticleFactory(title="最新的新闻", date=datetime.date(2018, 9, 1))
    response = client.get(NEWS)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("最新的新闻") < html.index("较早的新闻")


def test_unpublished_articles_are_not_listed(client):
    ArticleFactory(title="草稿不公开", is_published=False)
    ArticleFactory(title="已发布新闻")
    html = client.get(NEWS).content.decode()
    assert "已发布新闻" in html
    assert "草稿不公开" not in html


@pytest.mark.parametrize(
    "persona", ["client", "resident_client", "deputy_client", "staff_client"]
)
def test_every_persona_reads_the_same_public_news(request, persona):
    ArticleFactory(title="公开新闻")
    ArticleFactory(title="草稿不公开", is_published=False)
    html = request.getfixturevalue(persona).get(NEWS).content.decode()
    assert "公开新闻" in html and "草稿不公开" not in html


def test_news_list_is_paginated_by_ten(client):
    for day in range(1, 13):
        ArticleFactory(title=f"新闻第{day:02d}号", date=datetime.date(2018, 5, day))
    first = client.get(NEWS).content.decode()
    assert "新闻第12号" in first and "新闻第02号" not in first
    second = client.get(NEWS, {"page": 2})
    assert second.status_code == 200
    assert "新闻第02号" in second.content.decode()
    assert "新闻第01号" in second.content.decode()


@pytest.mark.parametrize("page", ["99", "abc", "-1"])
def test_a_page_that_does_not_exist_is_404_not_500(client, page):
    ArticleFactory()
    assert client.get(NEWS, {"page": page}).status_code == 404


def test_news_list_rejects_post(client):
    assert client.post(NEWS).status_code == 405


def test_news_list_links_the_feed_and_is_chinese(client):
    ArticleFactory()
    html = client.get(NEWS).content.decode()
    assert 'type="application/rss+xml"' in html
    assert "工作动态" in html


def test_news_list_query_count_does_not_grow_with_articles(client):
    def add(n):
        for _ in range(n):
            ArticleFactory(deputies=[DeputyFactory()])

    assert_constant_queries(lambda: client.get(NEWS), add)


def test_article_page_shows_the_article_its_pictures_and_deputies(client):
    deputy = DeputyFactory(name="王示例", phone="13812345678")
    article = ArticleFactory(title="代表进社区", body="**重点**内容", deputies=[deputy])
    ArticleImageFactory(article=article, alt_text="代表与居民座谈", caption="座谈现场")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>重点</strong>" in html
    assert 'alt="代表与居民座谈"' in html
    assert "座谈现场" in html
    assert "王示例" in html
    assert "13812345678" not in html


def test_article_page_lists_where_the_article_appeared(client):
    article = ArticleFactory()
    SubmissionFactory(
        article=article,
        outlet=OutletFactory(name="《长江日报》"),
        accepted=True,
        page="5",
    )
    SubmissionFactory(article=article, outlet=OutletFactory(name="未录用报刊"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "《长江日报》" in html
    assert "第5版" in html
    assert "未录用报刊" not in html


@pytest.mark.parametrize(
    "persona", ["client", "resident_client", "deputy_client", "staff_client"]
)
def test_an_unpublished_article_is_404_for_everyone_on_the_public_site(
    request, persona
):
    article = ArticleFactory(is_published=False)
    response = request.getfixturevalue(persona).get(f"/news/{article.pk}/")
    assert response.status_code == 404


def test_an_unknown_article_is_404(client):
    assert client.get("/news/999999/").status_code == 404


def test_article_page_rejects_post(client):
    article = ArticleFactory()
    assert client.post(article.get_absolute_url()).status_code == 405


def test_article_page_query_count_does_not_grow_with_pictures_and_deputies(client):
    article = ArticleFactory()

    def add(n):
        for _ in range(n):
            ArticleImageFactory(article=article)
            article.deputies.add(DeputyFactory())
            SubmissionFactory(article=article, accepted=True)
            article.activities.add(DutyActivityFactory())
            article.sessions.add(ReceptionSessionFactory())

    assert_constant_queries(lambda: client.get(article.get_absolute_url()), add)


def test_news_pages_work_in_english(client):
    ArticleFactory()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Subscribe (RSS)" in client.get(NEWS).content.decode()


def test_article_page_works_in_english(client):
    article = ArticleFactory(title="代表进社区", deputies=[DeputyFactory()])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Deputies in this article" in html
    assert "All news" in html


def test_article_page_answers_head_requests(client):
    article = ArticleFactory()
    assert client.head(article.get_absolute_url()).status_code == 200


def test_article_page_names_the_activities_and_sessions_it_reports_on(client):
    activity = DutyActivityFactory(
        title="红色物业工作座谈会", date=datetime.date(2018, 4, 25)
    )
    session = ReceptionSessionFactory(voters_received=25)
    article = ArticleFactory()
    article.activities.add(activity)
    article.sessions.add(session)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "红色物业工作座谈会" in html
    assert "2018-04-25" in html
    assert "接待选民25人" in html
    assert f'href="/stations/{session.station.slug}/"' in html
    # The session's summary and the voters' issues stay on their own pages.
    assert session.summary not in html


def test_deputy_profiles_have_their_own_list(client):
    deputy = DeputyFactory()
    ArticleFactory(title="人大代表风采|示例", is_profile_post=True, deputies=[deputy])
    ArticleFactory(title="未发布的风采", is_profile_post=True, is_published=False)
    ArticleFactory(title="一般新闻")
    response = client.get(reverse("publicity:profile_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "人大代表风采|示例" in html
    assert "一般新闻" not in html
    assert "未发布的风采" not in html
    assert '<h1 class="h3 mb-0">人大代表风采</h1>' in html


def test_profile_list_query_count_does_not_grow(client):
    def add(n):
        for _ in range(n):
            ArticleFactory(is_profile_post=True, deputies=[DeputyFactory()])

    assert_constant_queries(lambda: client.get("/news/profiles/"), add)

"""What the app adds to the home page, deputies' profiles and duty archives."""

import datetime

import pytest

from publicity import archive, home, profile
from tests.factories import DeputyFactory

from .factories import ArticleFactory, OutletFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_latest_news(client):
    ArticleFactory(title="最新一条", date=datetime.date(2018, 12, 1))
    ArticleFactory(title="草稿", is_published=False)
    html = client.get("/").content.decode()
    assert "最新一条" in html
    assert "草稿" not in html


def test_home_section_is_left_out_when_nothing_is_published(rf):
    ArticleFactory(is_published=False)
    assert home.section(rf.get("/")) is None


def test_profile_lists_published_posts_on_the_deputy_profile_posts_first():
    deputy = DeputyFactory()
    ArticleFactory(
        title="代表风采",
        is_profile_post=True,
        deputies=[deputy],
        date=datetime.date(2018, 1, 1),
    )
    ArticleFactory(title="活动新闻", deputies=[deputy], date=datetime.date(2018, 6, 1))
    ArticleFactory(
        title="未发布风采", is_profile_post=True, is_published=False, deputies=[deputy]
    )
    ArticleFactory(title="别人的风采", is_profile_post=True, deputies=[DeputyFactory()])
    titles = [a.title for a in profile.section(deputy)["articles"]]
    assert titles == ["代表风采", "活动新闻"]


def test_profile_section_is_none_for_a_deputy_never_featured():
    assert profile.section(DeputyFactory()) is None


def test_archive_lists_the_deputys_articles_of_the_year_with_where_they_appeared():
    deputy = DeputyFactory()
    in_2018 = ArticleFactory(
        title="2018年风采",
        is_profile_post=True,
        is_published=False,
        deputies=[deputy],
        date=datetime.date(2018, 5, 1),
    )
    SubmissionFactory(
        article=in_2018, outlet=OutletFactory(name="区内网"), accepted=True
    )
    ArticleFactory(
        title="2019年新闻", deputies=[deputy], date=datetime.date(2019, 5, 1)
    )
    context = archive.section(deputy, 2018)
    assert [a.title for a in context["articles"]] == ["2018年风采"]
    assert context["profile_posts"] == 1
    assert [s.outlet.name for s in context["articles"][0].appearances] == ["区内网"]
    whole_term = archive.section(deputy, None)
    assert len(whole_term["articles"]) == 2
    assert archive.section(deputy, 2017) is None


def test_archive_template_renders_the_section(client):
    from django.template.loader import render_to_string

    deputy = DeputyFactory()
    ArticleFactory(title="风采文章", is_profile_post=True, deputies=[deputy])
    html = render_to_string(
        "publicity/_archive.html", {"section": archive.section(deputy, None)}
    )
    assert "风采文章" in html
    assert "代表风采" in html
    assert "涉及该代表的稿件 1 篇,其中人大代表风采 1 篇。" in html


def test_the_public_deputy_profile_lists_their_profile_posts(client):
    deputy = DeputyFactory(name="周示例", phone="13811112222")
    post = ArticleFactory(
        title="人大代表风采|周示例", is_profile_post=True, deputies=[deputy]
    )
    ArticleFactory(
        title="未发布风采", is_profile_post=True, is_published=False, deputies=[deputy]
    )
    response = client.get(f"/deputies/{deputy.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{post.get_absolute_url()}"' in html
    assert "未发布风采" not in html


def test_an_article_links_to_the_public_profiles_of_its_deputies(client):
    deputy = DeputyFactory(name="周示例")
    article = ArticleFactory(deputies=[deputy])
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="/deputies/{deputy.pk}/"' in html

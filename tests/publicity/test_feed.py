"""The RSS feed of published news validates and keeps drafts out."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.utils import assert_constant_queries

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

FEED = "/news/feed/"


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


def test_feed_is_well_formed_rss_with_the_required_elements(client):
    article = ArticleFactory(title="代表进站接待", date=datetime.date(2018, 6, 1))
    root = _parse(client.get(FEED))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    item = channel.find("item")
    assert item.findtext("title") == "代表进站接待"
    assert item.findtext("link").endswith(f"/news/{article.pk}/")
    assert item.findtext("guid")
    # RFC 822 date, as RSS 2.0 requires.
    assert item.findtext("pubDate").startswith("Fri, 01 Jun 2018")


def test_feed_lists_only_published_articles_newest_first(client):
    ArticleFactory(title="旧新闻", date=datetime.date(2018, 1, 5))
    ArticleFactory(title="新新闻", date=datetime.date(2018, 12, 5))
    ArticleFactory(title="未发布草稿", is_published=False)
    titles = [i.findtext("title") for i in _parse(client.get(FEED)).iter("item")]
    assert titles == ["新新闻", "旧新闻"]


def test_feed_descriptions_carry_no_script(client):
    ArticleFactory(body='<script>alert("x")</script>[点我](javascript:alert(1))')
    item = _parse(client.get(FEED)).find("channel/item")
    description = item.findtext("description")
    assert "<script" not in description
    assert "javascript:" not in description
    assert "点我" in description


def test_feed_query_count_does_not_grow_with_articles(client):
    assert_constant_queries(
        lambda: client.get(FEED), lambda n: ArticleFactory.create_batch(n)
    )

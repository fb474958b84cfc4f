"""Public pages are cached for anonymous visitors and rebuilt when data changes."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import pagecache
from reception.models import Station
from tests.publicity.factories import ArticleFactory
from tests.reception.factories import StationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600


def test_an_unchanged_page_is_served_from_the_cache(client):
    station = StationFactory(name="示例东亭接待站")
    assert "示例东亭接待站" in client.get("/stations/").content.decode()
    # A bulk update sends no signal: what anonymous visitors see is the cached copy.
    Station.objects.filter(pk=station.pk).update(name="示例改名接待站")
    assert "示例东亭接待站" in client.get("/stations/").content.decode()


def test_a_saved_station_shows_at_once(client):
    station = StationFactory(name="示例东亭接待站")
    client.get("/stations/")
    client.get(f"/stations/{station.slug}/")
    station.name = "示例改名接待站"
    station.save()
    for url in ("/stations/", f"/stations/{station.slug}/", "/"):
        html = client.get(url).content.decode()
        assert "示例改名接待站" in html
        assert "示例东亭接待站" not in html


def test_a_deleted_station_disappears_at_once(client):
    StationFactory(name="示例保留接待站")
    station = StationFactory(name="示例东亭接待站")
    assert "示例东亭接待站" in client.get("/stations/").content.decode()
    station.delete()
    html = client.get("/stations/").content.decode()
    assert "示例东亭接待站" not in html
    assert "示例保留接待站" in html


def test_news_follow_a_saved_and_a_deleted_article(client):
    article = ArticleFactory(title="示例旧标题")
    assert "示例旧标题" in client.get("/news/").content.decode()
    article.title = "示例新标题"
    article.save()
    assert "示例新标题" in client.get("/news/").content.decode()
    article.delete()
    assert "示例新标题" not in client.get("/news/").content.decode()


def test_a_new_deputy_on_a_station_shows_at_once(client, zhang):
    station = StationFactory()
    assert zhang.name not in client.get(f"/stations/{station.slug}/").content.decode()
    station.deputies.add(zhang)
    assert zhang.name in client.get(f"/stations/{station.slug}/").content.decode()


def test_logged_in_users_never_get_a_cached_page(client, deputy_client):
    station = StationFactory(name="示例东亭接待站")
    client.get("/stations/")
    Station.objects.filter(pk=station.pk).update(name="示例改名接待站")
    html = deputy_client.get("/stations/").content.decode()
    assert "示例改名接待站" in html
    assert "示例东亭接待站" not in html


def test_logged_in_users_never_fill_the_cache(deputy_client, other_deputy_client):
    station = StationFactory(name="示例东亭接待站")
    deputy_client.get("/stations/")
    Station.objects.filter(pk=station.pk).update(name="示例改名接待站")
    # Another user, and then an anonymous visitor, see the data as it is now.
    assert "示例改名接待站" in other_deputy_client.get("/stations/").content.decode()
    assert "示例改名接待站" in Client().get("/stations/").content.decode()


def test_each_language_has_its_own_copy(client):
    StationFactory()
    assert (
        "接待站"
        in client.get("/stations/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    )
    english = client.get("/stations/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Deputies receive voters" in english


def test_each_query_string_has_its_own_copy(client):
    for n in range(13):
        ArticleFactory(title=f"示例新闻第{n}篇")
    first = client.get("/news/").content.decode()
    second = client.get("/news/?page=2").content.decode()
    assert first != second


def test_the_language_switch_works_from_a_cached_page_without_a_token(client):
    StationFactory()
    client.get("/stations/")
    other = Client(enforce_csrf_checks=True)
    response = other.get("/stations/")
    assert response["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies, "a cached page sets no cookie"
    switched = other.post("/i18n/setlang/", {"language": "en", "next": "/stations/"})
    assert switched.status_code == 302
    assert "Deputies receive voters" in other.get("/stations/").content.decode()


def test_a_hit_makes_no_query_and_keeps_the_security_headers(client):
    StationFactory()
    client.get("/stations/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/stations/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page_that_used_a_csrf_token_is_never_stored(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    renders = []

    @pagecache.public_page("with-a-form")
    def view(request):
        renders.append(1)
        return HttpResponse(f"<form>{get_token(request)}</form>")

    for _ in range(2):
        request = rf.get("/with-a-form/")
        request.user = AnonymousUser()
        view(request)
    assert len(renders) == 2


def test_a_visitor_with_a_message_waiting_gets_a_page_of_their_own(client):
    StationFactory()
    client.get("/stations/")
    assert client.get("/stations/")["X-Page-Cache"] == "hit"
    client.cookies["messages"] = "pending"
    assert "X-Page-Cache" not in client.get("/stations/")


def test_an_error_page_is_not_stored(client):
    assert client.get("/stations/no-such-station/").status_code == 404
    station = StationFactory(slug="no-such-station", name="示例新建接待站")
    response = client.get(f"/stations/{station.slug}/")
    assert response.status_code == 200
    assert "示例新建接待站" in response.content.decode()


def test_pages_are_served_when_the_cache_is_down(client, monkeypatch):
    StationFactory(name="示例东亭接待站")

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get_many", down)
    response = client.get("/stations/")
    assert response.status_code == 200
    assert "示例东亭接待站" in response.content.decode()


def test_a_cached_home_page_reads_no_suggestions(client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not [q for q in queries if "suggestions_suggestion" in q["sql"]]


def test_dashboard_figures_are_kept_until_a_row_changes():
    calls = []

    def compute():
        calls.append(1)
        return {"received": len(calls)}

    assert pagecache.cached_data("figures", (2026, None), compute) == {"received": 1}
    assert pagecache.cached_data("figures", (2026, None), compute) == {"received": 1}
    assert pagecache.cached_data("figures", (2025, None), compute) == {"received": 2}
    StationFactory()
    assert pagecache.cached_data("figures", (2026, None), compute) == {"received": 3}


def test_the_staff_dashboard_counts_a_new_suggestion_at_once(staff_client):
    from tests.suggestions.factories import SuggestionFactory

    def received():
        page = staff_client.get("/admin/").content.decode()
        row = re.search(r'data-metric="received">.*?</tr>', page, re.S).group()
        return int(re.findall(r'class="dash-num">(?:<a[^>]*>)?\s*([\d,]+)', row)[0])

    before = received()
    SuggestionFactory()
    assert received() == before + 1


@pytest.mark.parametrize("url", ["/news/", "/news/profiles/"])
def test_class_based_pages_are_stored_too(client, url):
    ArticleFactory(title="示例新闻")
    assert "X-Page-Cache" not in client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert response.status_code == 200

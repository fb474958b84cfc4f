"""The public form's page is rendered once and filled in for each visitor.

Each visitor still gets their own CSRF token, submission token and challenge;
what the page shows of places and categories is rebuilt when they change.
"""

import re

import pytest
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse

from suggestions import form_shell
from suggestions.models import Category, Suggestion
from tests.factories import CommunityFactory
from tests.reception.factories import StationFactory
from tests.suggestions.conftest import form_data

pytestmark = pytest.mark.django_db
URL = "/suggest/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()


def rendered(response) -> bool:
    return "suggestions/suggest.html" in {t.name for t in response.templates}


def parts(html: str) -> dict:
    return {
        "csrf": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1],
        "token": re.search(r'name="token" value="([^"]+)"', html)[1],
        "captcha_0": re.search(r'name="captcha_0" value="([^"]+)"', html)[1],
    }


def test_the_second_visitor_gets_the_kept_page_with_parts_of_their_own(client):
    first = client.get(URL)
    assert rendered(first)
    second = client.get(URL)
    assert second.status_code == 200 and not rendered(second)
    html = second.content.decode()
    assert not re.search(r"ziyangshellmark", html)
    one, two = parts(first.content.decode()), parts(html)
    assert one["token"] != two["token"]
    assert one["captcha_0"] != two["captcha_0"]
    assert CaptchaStore.objects.filter(hashkey=two["captcha_0"]).exists()
    # The same form otherwise: every field is there.
    for name in ("title", "text", "phone", "community", "category", "consent"):
        assert f'name="{name}"' in html


def test_a_form_from_the_kept_page_is_sent_with_its_own_tokens(client, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    client.get(URL)
    client = type(client)(enforce_csrf_checks=True)
    client.get(URL)  # the cookie
    page = client.get(URL)
    assert not rendered(page)
    got = parts(page.content.decode())
    answer = CaptchaStore.objects.get(hashkey=got["captcha_0"]).response
    data = form_data(token=got["token"], captcha_0=got["captcha_0"], captcha_1=answer)
    response = client.post(URL, data | {"csrfmiddlewaretoken": got["csrf"]})
    assert response.status_code == 302
    assert Suggestion.objects.filter(title=data["title"]).count() == 1


def test_a_renamed_category_shows_at_once(client):
    category = Category.objects.create(name="示例旧分类", active=True)
    assert "示例旧分类" in client.get(URL).content.decode()
    category.name = "示例新分类"
    category.save()
    html = client.get(URL).content.decode()
    assert "示例新分类" in html and "示例旧分类" not in html


def test_a_new_item_does_not_throw_the_page_away(client):
    from tests.suggestions.factories import SuggestionFactory

    first = SuggestionFactory()
    client.get(URL)
    SuggestionFactory(community=first.community, category=first.category)
    assert not rendered(client.get(URL))


def test_a_station_poster_has_a_page_of_its_own(client):
    station = StationFactory(community=CommunityFactory(name="示例东亭社区"))
    client.get(URL)
    poster = client.get(URL, {"station": station.slug})
    assert rendered(poster)
    assert station.name in poster.content.decode()
    again = client.get(URL, {"station": station.slug})
    assert not rendered(again) and station.name in again.content.decode()


@pytest.mark.parametrize("query", [{"utm": "x"}, {"station": "no-such-station"}])
def test_other_addresses_are_rendered_whole(client, query):
    for _ in range(2):
        assert rendered(client.get(URL, query))


def test_logged_in_visitors_get_the_whole_render(deputy_client):
    for _ in range(2):
        assert rendered(deputy_client.get(URL))


def test_a_waiting_message_is_never_kept_in_the_page(client, rf):
    client.get(URL)
    storage = CookieStorage(rf.get(URL))
    storage.add(constants.INFO, "示例提示信息")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value
    page = client.get(URL)
    assert rendered(page)
    assert "示例提示信息" in page.content.decode()
    del client.cookies["messages"]
    assert "示例提示信息" not in client.get(URL).content.decode()


def test_a_shell_without_its_marks_is_not_used(client, monkeypatch):
    real = form_shell.render_to_string

    def without_token_mark(*args, **kwargs):
        return real(*args, **kwargs).replace(form_shell.TOKEN, "")

    monkeypatch.setattr(form_shell, "render_to_string", without_token_mark)
    for _ in range(2):
        response = client.get(URL)
        assert rendered(response)
        assert 'name="token" value="' in response.content.decode()

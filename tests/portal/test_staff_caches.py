"""Back-office and deputy pages keep what they rendered until a record changes."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.access import is_deputy
from core.roles import DEPUTY_GROUP
from suggestions.models import Suggestion
from tests.suggestions.factories import SuggestionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/suggestions/suggestion/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()


def templates(response) -> set[str]:
    return {t.name for t in response.templates if t.name}


def test_the_suggestion_list_renders_its_rows_once(superuser_client):
    SuggestionFactory.create_batch(3)
    first = superuser_client.get(CHANGELIST)
    assert "admin/change_list_results.html" in templates(first)
    again = superuser_client.get(CHANGELIST)
    assert "admin/change_list_results.html" not in templates(again)
    assert again.content.count(b'class="action-select"') == 3


def test_a_saved_item_shows_in_the_list_at_once(superuser_client):
    item = SuggestionFactory(title="示例原来的标题")
    assert "示例原来的标题" in superuser_client.get(CHANGELIST).content.decode()
    item.title = "示例改过的标题"
    item.save()
    page = superuser_client.get(CHANGELIST).content.decode()
    assert "示例改过的标题" in page and "示例原来的标题" not in page


def test_each_filter_has_its_own_rows(superuser_client):
    SuggestionFactory(title="示例已收到的意见")
    assert "示例已收到的意见" in superuser_client.get(CHANGELIST).content.decode()
    filtered = superuser_client.get(CHANGELIST, {"status": Suggestion.Status.CLOSED})
    assert "示例已收到的意见" not in filtered.content.decode()


def test_the_list_pages_fifty_rows_and_counts_once(superuser_client):
    SuggestionFactory.create_batch(51)
    with CaptureQueriesContext(connection) as queries:
        page = superuser_client.get(CHANGELIST)
    assert page.content.count(b'class="action-select"') == 50
    counts = [q for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(counts) == 1
    assert not [q for q in queries if "DATE_TRUNC" in q["sql"].upper()]


def test_the_staff_dashboard_renders_its_tables_once(staff_client):
    assert "dashboard/_dashboard.html" in templates(staff_client.get("/admin/"))
    assert "dashboard/_dashboard.html" not in templates(staff_client.get("/admin/"))


def test_a_bad_filter_is_rendered_with_its_message_each_time(staff_client):
    for _ in range(2):
        response = staff_client.get("/admin/", {"year": "abc"})
        assert response.status_code == 400
        assert "dashboard/_dashboard.html" in templates(response)


def test_the_deputy_dashboard_renders_its_tables_once(deputy_client, zhang):
    assert "dashboard/_dashboard.html" in templates(deputy_client.get("/my/dashboard/"))
    again = deputy_client.get("/my/dashboard/")
    assert "dashboard/_dashboard.html" not in templates(again)


def test_a_users_groups_are_read_once_per_request(
    deputy_user, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert is_deputy(deputy_user) and is_deputy(deputy_user)


def test_a_group_added_is_seen_at_once(django_user_model):
    user = django_user_model.objects.create_user("someone-new")
    assert not is_deputy(user)
    user.groups.add(Group.objects.get(name=DEPUTY_GROUP))
    assert is_deputy(user)
    user.groups.clear()
    assert not is_deputy(user)
